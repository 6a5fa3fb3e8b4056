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
  ) {
    super(message);
    this.name = 'BrokerError';
  }
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
  if (declared > maxBytes) throw new BrokerError(`response of ${declared} bytes is over the ${maxBytes}-byte limit`, response.status);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BrokerError(`response is over the ${maxBytes}-byte limit`, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const EntityList = z.array(z.unknown());

/** Every entity of one type, page by page. Entities stay unvalidated here: the mappers judge each one. */
export async function fetchAllEntities(config: BrokerConfig, type: string, fetchImpl: typeof fetch = fetch): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const url = new URL('/ngsi-ld/v1/entities', config.baseUrl);
    url.search = new URLSearchParams({ type, limit: String(PAGE), offset: String(offset), count: 'true' }).toString();
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: brokerHeaders(config), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new BrokerError(`cannot reach the platform: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`, null);
    }
    const text = await readCapped(response, MAX_BODY_BYTES);
    if (!response.ok) throw new BrokerError(`platform answered ${response.status} for ${type}`, response.status);
    let page: unknown;
    try {
      page = JSON.parse(text);
    } catch {
      throw new BrokerError(`platform sent a ${type} listing that is not JSON`, response.status);
    }
    const entities = EntityList.safeParse(page);
    if (!entities.success) throw new BrokerError(`platform sent a ${type} listing that is not an array`, response.status);
    all.push(...entities.data);
    const count = Number(response.headers.get('ngsild-results-count') ?? Number.NaN);
    if (entities.data.length < PAGE || (Number.isFinite(count) && offset + PAGE >= count)) return all;
  }
}
