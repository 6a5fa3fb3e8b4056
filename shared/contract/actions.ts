import { z } from 'zod';
import { IncidentStatus, OperatorProfile, OutboxEntry } from '../domain';

const IncidentRef = z.string().min(1).max(256);

/** An operator's request, as a window sends it. The core adds the ids, the actor and the time. */
export const ActionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge'), incidentId: IncidentRef }),
  z.object({ kind: z.literal('note'), incidentId: IncidentRef, text: z.string().trim().min(1, 'a note needs text').max(4000) }),
  z.object({ kind: z.literal('status'), incidentId: IncidentRef, status: IncidentStatus }),
  z.object({ kind: z.literal('dispatch'), incidentId: IncidentRef, unitIds: z.array(z.string().min(1).max(256)).min(1, 'choose at least one unit').max(20) }),
]);
export type ActionRequest = z.infer<typeof ActionRequest>;

/** The action is saved locally and queued for the platform: the window can show it at once. */
export const ActionAccepted = z.object({ actionId: z.string(), state: z.literal('queued') });
export type ActionAccepted = z.infer<typeof ActionAccepted>;

/** The outbox as windows see it: every unsettled action and the most recent settled ones. */
export const OutboxView = z.object({ entries: z.array(OutboxEntry).max(5000) });
export type OutboxView = z.infer<typeof OutboxView>;

/** The local store's condition: a write fault (disk full, read-only), databases recovered at start, the cache's age. */
export const StoreStatus = z.object({
  fault: z.object({ code: z.string().max(40), message: z.string().max(500), at: z.number().int().nonnegative() }).nullable(),
  recovered: z.array(z.object({ file: z.string().max(500), movedTo: z.string().max(500), reason: z.string().max(500) })).max(10),
  /** Newest receive time in the cache painted at start, or null if it started empty. */
  cachedAt: z.number().int().nonnegative().nullable(),
  /** A store that could not open at all: the console runs without cache and outbox and says why. */
  unavailable: z.string().max(500).nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export { OperatorProfile };
