import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readJsonBody } from '../http/body';
import { REPORT_STATUSES } from './reportBook';

const MAX_PATCH_BYTES = 16 * 1024;
const TYPES = ['application/merge-patch+json', 'application/json'];

/** What a console may change on a report: the incident it became or joined, and (optionally) its status. */
const ReportPatch = z
  .strictObject({ incidentId: z.string().min(1).max(256).optional(), status: z.enum(REPORT_STATUSES).optional() })
  .refine((p) => p.incidentId !== undefined || p.status !== undefined, { message: 'give incidentId or status' });
export type ReportPatch = z.infer<typeof ReportPatch>;

export type PatchBody = { ok: true; patch: ReportPatch } | { ok: false; status: 400 | 413 | 415; detail: string };

/** Reads a JSON merge-patch (RFC 7396) body, bounded while it streams, and says exactly what is wrong with it. */
export async function readReportPatch(req: IncomingMessage): Promise<PatchBody> {
  const body = await readJsonBody(req, MAX_PATCH_BYTES, TYPES);
  if (!body.ok) return body;
  const parsed = ReportPatch.safeParse(body.json);
  if (!parsed.success) return { ok: false, status: 400, detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
  return { ok: true, patch: parsed.data };
}
