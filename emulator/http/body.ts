import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; json: unknown } | { ok: false; status: 400 | 413 | 415; detail: string };

/** Reads a JSON body, giving up as soon as it passes the cap so a huge upload is never buffered whole. */
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES, types: readonly string[] = ['application/json', 'application/ld+json']): Promise<BodyResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!types.includes(type)) return { ok: false, status: 415, detail: `Content-Type must be ${types.join(' or ')}, not "${type}"` };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return { ok: false, status: 413, detail: `body exceeds ${maxBytes} bytes` };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > maxBytes) return { ok: false, status: 413, detail: `body exceeds ${maxBytes} bytes` };
    chunks.push(buf);
  }
  try {
    return { ok: true, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch (err) {
    return { ok: false, status: 400, detail: `body is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}
