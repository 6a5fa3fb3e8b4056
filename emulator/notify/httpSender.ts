export const DEFAULT_HTTP_TIMEOUT_MS = 5000;
const MAX_HTTP_TIMEOUT_MS = 30_000;

/**
 * The NGSI-LD HTTP binding: POST the Notification to the endpoint. Anything but a 2xx within the timeout is
 * a failure (thrown, for the caller to record); the response body is read and discarded.
 */
export async function postNotification(uri: string, body: string, headers: Record<string, string>, timeoutMs = DEFAULT_HTTP_TIMEOUT_MS): Promise<void> {
  const ms = Math.min(Math.max(1, timeoutMs), MAX_HTTP_TIMEOUT_MS);
  let res: Response;
  try {
    res = await fetch(uri, { method: 'POST', headers, body, signal: AbortSignal.timeout(ms), redirect: 'manual' });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new Error(`no response from ${uri} within ${ms} ms`);
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new Error(`cannot POST to ${uri}${cause}`);
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status > 299) throw new Error(`${uri} answered HTTP ${res.status}`);
}
