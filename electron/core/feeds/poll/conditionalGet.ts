/** What the last answer said about itself, sent back so an unchanged resource costs a 304. */
export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type ConditionalResult =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly body: Uint8Array; readonly validators: Validators; readonly contentType: string | null; readonly date: number | null };

export class PollError extends Error {
  constructor(
    message: string,
    /** An HTTP status when the server answered; null when it could not be reached or broke off. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PollError';
  }
}

export interface GetOptions {
  readonly fetchImpl?: typeof fetch;
  /** A body over this is refused while it streams, never held whole. */
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly accept?: string;
}

const NO_VALIDATORS: Validators = { etag: null, lastModified: null };

/**
 * A GET honouring ETag and Last-Modified, bounded in size and time. Everything that can go wrong (no
 * answer, a status, a body too big, a stall) becomes a PollError with words an operator can act on.
 */
export async function conditionalGet(url: string, validators: Validators = NO_VALIDATORS, options: GetOptions): Promise<ConditionalResult> {
  const headers: Record<string, string> = { accept: options.accept ?? '*/*' };
  if (validators.etag !== null) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    throw new PollError(`cannot reach ${hostOf(url)}: ${describe(error)}`, null);
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unchanged' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new PollError(`${hostOf(url)} answered ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new PollError(`${hostOf(url)} sent ${declared} bytes, over the ${options.maxBytes} allowed`, response.status);
  }
  const body = await readBounded(response, options.maxBytes, url);
  const date = Date.parse(response.headers.get('date') ?? '');
  return {
    kind: 'changed',
    body,
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
    contentType: response.headers.get('content-type'),
    date: Number.isFinite(date) ? date : null,
  };
}

async function readBounded(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new PollError(`${hostOf(url)} sent more than the ${maxBytes} bytes allowed`, response.status);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PollError) throw error;
    throw new PollError(`${hostOf(url)} broke off: ${describe(error)}`, response.status);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, 200);
  }
  return String(error).slice(0, 200);
}
