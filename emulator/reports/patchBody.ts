import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { REPORT_STATUSES } from './reportBook';

const MAX_PATCH_BYTES = 16 * 1024;
const TYPES = new Set(['application/merge-patch+json', 'application/json']);

/** What a console may change on a report: the incident it became or joined, and (optionally) its status. */
const ReportPatch = z
  .strictObject({ incidentId: z.string().min(1).max(256).optional(), status: z.enum(REPORT_STATUSES).optional() })
  .refine((p) => p.incidentId !== undefined || p.status !== undefined, { message: 'give incidentId or status' });
export type ReportPatch = z.infer<typeof ReportPatch>;

export type PatchBody = { ok: true; patch: ReportPatch } | { ok: false; status: 400 | 413 | 415; detail: string };

/** Reads a JSON merge-patch (RFC 7396) body, bounded while it streams, and says exactly what is wrong with it. */
export async function readReportPatch(req: IncomingMessage): Promise<PatchBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!TYPES.has(type)) return { ok: false, status: 415, detail: `Content-Type must be application/merge-patch+json, not "${type}"` };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_PATCH_BYTES) return { ok: false, status: 413, detail: `body exceeds ${MAX_PATCH_BYTES} bytes` };
    chunks.push(buf);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    return { ok: false, status: 400, detail: `body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = ReportPatch.safeParse(json);
  if (!parsed.success) return { ok: false, status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
  return { ok: true, patch: parsed.data };
}
