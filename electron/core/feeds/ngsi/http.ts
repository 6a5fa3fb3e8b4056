import { z } from 'zod';

/** How the console reaches an NGSI-LD broker. */
export interface BrokerConfig {
  /** e.g. http://127.0.0.1:4321 (the API is under /ngsi-ld/v1). */
  baseUrl: string;
  tenant: string | null;
  token: string | null;
}

/** Largest response body the console reads; anything bigger is refused before parsing. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
const PAGE = 1000;
const TIMEOUT_MS = 15_000;

export class BrokerError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** The broker did not answer in time (it may be stalled rather than gone). */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'BrokerError';
  }
}

/** Why fetch failed, in words: the cause (ECONNREFUSED, a TLS error) rather than "fetch failed". */
export function fetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  return error.cause instanceof Error ? error.cause.message : error.message;
}

export interface BrokerReply {
  readonly status: number;
  readonly text: string;
  readonly location: string | null;
}

/** Largest answer to a subscription request; they are small. */
const SMALL_BODY = 1024 * 1024;

/**
 * One request to the broker's API (`path` under the base URL). Network failures and timeouts become a
 * BrokerError with no status (`timedOut` says which); any HTTP status is returned for the caller to judge.
 */
export async function brokerRequest(config: BrokerConfig, method: string, path: string, body: unknown, fetchImpl: typeof fetch = fetch, timeoutMs = TIMEOUT_MS): Promise<BrokerReply> {
  const headers: Record<string, string> = brokerHeaders(config);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchImpl(new URL(path, config.baseUrl), {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new BrokerError(`cannot reach the platform: ${fetchFailure(error)}`, null, timedOut);
  }
  let text: string;
  try {
    text = await readCapped(response, SMALL_BODY);
  } catch (error) {
    if (error instanceof BrokerError) throw error;
    throw new BrokerError(`platform's answer to ${method} did not arrive: ${fetchFailure(error)}`, null, true);
  }
  return { status: response.status, text, location: response.headers.get('location') };
}

export function brokerHeaders(config: BrokerConfig): Record<string, string> {
  return {
    Accept: 'application/json',
    ...(config.tenant ? { 'NGSILD-Tenant': config.tenant } : {}),
    ...(config.token ? { Authorization: `Bearer ${config.token}` } : {}),
  };
}

/** Reads a body up to a byte cap, stopping the download as soon as it is passed. */
export async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    // Not read, but cancelled: an unread body would keep the connection downloading.
    await response.body?.cancel().catch(() => undefined);
    throw new BrokerError(`response of ${declared} bytes is over the ${maxBytes}-byte limit`, response.status);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BrokerError(`response is over the ${maxBytes}-byte limit`, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const EntityList = z.array(z.unknown()).max(PAGE);

/** A type's listing: what was listed, and why it stopped short (then it is not the whole picture). */
export interface Listing {
  readonly entities: unknown[];
  /** Null when the broker listed everything; otherwise why the console stopped, for feed health. */
  readonly stoppedShort: string | null;
}

/** Reads NGSILD-Results-Count: absent is fine (null), anything but a whole number is a lie. */
function resultsCount(response: Response): number | null | 'invalid' {
  const header = response.headers.get('ngsild-results-count');
  if (header === null) return null;
  const count = Number(header);
  return header.trim() !== '' && Number.isSafeInteger(count) && count >= 0 ? count : 'invalid';
}

const idOf = (entity: unknown): unknown => (typeof entity === 'object' && entity !== null && 'id' in entity ? entity.id : undefined);

async function fetchPage(config: BrokerConfig, type: string, offset: number, fetchImpl: typeof fetch): Promise<{ entities: unknown[]; count: number | null | 'invalid' }> {
  const url = new URL('/ngsi-ld/v1/entities', config.baseUrl);
  // sysAttrs brings each entity's modifiedAt: the order between this listing and the notifications around it.
  url.search = new URLSearchParams({ type, limit: String(PAGE), offset: String(offset), count: 'true', options: 'sysAttrs' }).toString();
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: brokerHeaders(config), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new BrokerError(`cannot reach the platform: ${fetchFailure(error)}`, null, error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  }
  let text: string;
  try {
    text = await readCapped(response, MAX_BODY_BYTES);
  } catch (error) {
    // A body that never ends is cut by the timeout; one that is too big by the cap.
    if (error instanceof BrokerError) throw error;
    throw new BrokerError(`platform's ${type} listing did not arrive: ${error instanceof Error ? error.message : String(error)}`, response.status);
  }
  if (!response.ok) throw new BrokerError(`platform answered ${response.status} for ${type}`, response.status);
  let page: unknown;
  try {
    page = JSON.parse(text);
  } catch {
    throw new BrokerError(`platform sent a ${type} listing that is not JSON`, response.status);
  }
  const entities = EntityList.safeParse(page);
  if (!entities.success) throw new BrokerError(`platform sent a ${type} listing that is not an array of at most ${PAGE}`, response.status);
  return { entities: entities.data, count: resultsCount(response) };
}

/**
 * Every entity of one type, page by page, up to `maxItems`. Entities stay unvalidated here: the mappers judge
 * each one. The listing stops, saying why, when the broker ignores `offset` (a page brings nothing new), lies
 * in NGSILD-Results-Count, or has more than the console holds.
 */
export async function fetchAllEntities(config: BrokerConfig, type: string, maxItems: number, fetchImpl: typeof fetch = fetch): Promise<Listing> {
  const all: unknown[] = [];
  const seen = new Set<unknown>();
  const maxPages = Math.max(1, Math.ceil(maxItems / PAGE));
  for (let pageNo = 0; pageNo < maxPages; pageNo += 1) {
    const offset = pageNo * PAGE;
    const { entities, count } = await fetchPage(config, type, offset, fetchImpl);
    if (count === 'invalid') return { entities: all, stoppedShort: `${type} listing stopped: NGSILD-Results-Count is not a count` };
    const fresh = entities.filter((e) => !seen.has(idOf(e)));
    if (pageNo > 0 && entities.length > 0 && fresh.length === 0) {
      return { entities: all, stoppedShort: `${type} listing stopped: the platform ignores offset (page ${pageNo + 1} repeated what was listed)` };
    }
    for (const entity of fresh) seen.add(idOf(entity));
    all.push(...entities.slice(0, maxItems - all.length));
    if (count !== null && all.length > count) return { entities: all, stoppedShort: `${type} listing stopped: the platform listed more than the ${count} it counted` };
    if (entities.length < PAGE) {
      const short = count !== null && all.length < count ? `${type} listing ended at ${all.length} of the ${count} the platform counted` : null;
      return { entities: all, stoppedShort: short };
    }
    if (count !== null && offset + PAGE >= count) return { entities: all, stoppedShort: null };
  }
  return { entities: all, stoppedShort: `${type} listing stopped at the console's limit of ${maxItems}` };
}
