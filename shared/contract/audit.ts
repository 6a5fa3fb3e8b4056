import { z } from 'zod';

/** Most records one `audit:export` carries, and most UTF-8 bytes of JSON Lines: the answer stays well inside one WebSocket frame. */
export const AUDIT_EXPORT_MAX_RECORDS = 5_000;
export const AUDIT_EXPORT_MAX_BYTES = 2_500_000;

/** The head checkpoint (audit.head): the chain's last sequence number and hash, HMAC-signed by the installation. */
export const AuditCheckpoint = z.object({ seq: z.number().int().nonnegative(), hash: z.string().max(128), at: z.number().int().nonnegative(), mac: z.string().max(128) });

/**
 * The audit chain as JSON Lines for a download: the newest records (at most AUDIT_EXPORT_MAX_RECORDS and
 * AUDIT_EXPORT_MAX_BYTES bytes), each with its hashes and HMAC, ending with the head checkpoint line as the
 * File menu's export writes it. When older records were left out, the first line says so (`{"truncated": …}`)
 * and `omitted` counts them; the whole chain is the desktop's File → Export audit log.
 */
export const AuditExport = z.object({
  fileName: z.string().min(1).max(100),
  text: z.string().max(AUDIT_EXPORT_MAX_BYTES + 10_000),
  records: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  omitted: z.number().int().nonnegative(),
  firstSeq: z.number().int().nonnegative().nullable(),
  lastSeq: z.number().int().nonnegative().nullable(),
  checkpoint: AuditCheckpoint.nullable(),
});
export type AuditExport = z.infer<typeof AuditExport>;
