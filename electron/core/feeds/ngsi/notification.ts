import { z } from 'zod';

/** An NGSI-LD Notification envelope. `seq` is the emulator's per-connection counter; a platform without it skips gap checks. */
export const Notification = z.object({
  type: z.literal('Notification'),
  id: z.string().max(256).optional(),
  subscriptionId: z.string().max(256).optional(),
  notifiedAt: z.string().max(64).optional(),
  seq: z.number().int().positive().optional(),
  data: z.array(z.unknown()).max(100_000),
});
export type Notification = z.infer<typeof Notification>;

/** Decides, from sequence numbers, whether anything was missed since the last notification. */
export function missedSome(lastSeq: number | null, seq: number | undefined): boolean {
  if (seq === undefined || lastSeq === null) return false;
  return seq !== lastSeq + 1;
}
