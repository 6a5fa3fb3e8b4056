import { describeError } from '../../processGuards';

export type LinkOutcome = 'applied' | 'conflict' | 'not-found' | 'refused' | 'unreachable';

export type LinkReportOptions = ({ readonly baseUrl: string } | { readonly reportsUrl: string }) & {
  readonly reportId: string;
  readonly incidentId: string;
  readonly fetchImpl?: typeof fetch;
  readonly timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Where a report is patched: `<baseUrl>/reports/v1/reports/<id>`, or beside the collection
 * (`…/reports.geojson` → `…/reports/<id>`) when given the feed's own URL.
 */
export function reportUrl(options: LinkReportOptions): URL {
  const id = encodeURIComponent(options.reportId);
  if ('baseUrl' in options) return new URL(`reports/v1/reports/${id}`, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  return new URL(`reports/${id}`, options.reportsUrl);
}

/**
 * Links a citizen report to an incident on the platform with a JSON merge-patch. Safe to repeat (linking
 * to the same incident again is applied), so the outbox may retry; never throws. `unreachable` is the
 * one outcome worth retrying (network, timeout, 5xx, 408, 429); `conflict` means another incident has it.
 */
export async function linkReport(options: LinkReportOptions): Promise<{ outcome: LinkOutcome; detail: string }> {
  let url: URL;
  try {
    url = reportUrl(options);
  } catch (error) {
    return { outcome: 'refused', detail: `no report URL: ${describeError(error)}` };
  }
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const res = await fetchImpl(url, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json', Accept: 'application/json' },
      body: JSON.stringify({ incidentId: options.incidentId }),
      signal: timeout,
      redirect: 'error',
    });
    const said = await problemDetail(res);
    const detail = `${url.host} answered ${res.status}${said === '' ? '' : `: ${said}`}`;
    if (res.ok) return { outcome: 'applied', detail };
    if (res.status === 409) return { outcome: 'conflict', detail };
    if (res.status === 404 || res.status === 410) return { outcome: 'not-found', detail };
    if (res.status >= 500 || res.status === 408 || res.status === 429) return { outcome: 'unreachable', detail };
    return { outcome: 'refused', detail };
  } catch (error) {
    return { outcome: 'unreachable', detail: timeout.aborted ? `${url.host} did not answer in time` : `${url.host}: ${describeError(error)}` };
  }
}

/** The server's own words (a problem+json detail), short: at most 2 KB of the body is read, and it need not be JSON. */
async function problemDetail(res: Response): Promise<string> {
  try {
    const text = await head(res, 2_000);
    if (text === '') return '';
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && 'detail' in parsed && typeof parsed.detail === 'string') return parsed.detail.slice(0, 200);
    } catch {
      // Not JSON (or cut short): its first words will do.
    }
    return text.slice(0, 200);
  } catch {
    return '';
  }
}

async function head(res: Response, maxBytes: number): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const joined = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(joined.subarray(0, maxBytes));
}
