import { z } from 'zod';
import { IncidentStatus, NewIncident, OperatorProfile, OutboxEntry, UnitServiceStatus } from '../domain';

const IncidentRef = z.string().min(1).max(256);
/** Optional, chosen by the window: the same id sent twice queues one action (a retried or doubled request). */
const ClientRequestId = z.string().min(1).max(64).optional();
/** A citizen report the action links to its incident: promoted to it (create) or attached to it (note). */
const ReportRef = z.string().min(1).max(256).optional();

/** An operator's request, as a window sends it. The core adds the ids, the actor and the time. */
export const ActionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge'), incidentId: IncidentRef, clientRequestId: ClientRequestId }),
  z.object({ kind: z.literal('note'), incidentId: IncidentRef, text: z.string().trim().min(1, 'a note needs text').max(4000), reportId: ReportRef, clientRequestId: ClientRequestId }),
  z.object({ kind: z.literal('status'), incidentId: IncidentRef, status: IncidentStatus, clientRequestId: ClientRequestId }),
  z.object({
    kind: z.literal('dispatch'),
    incidentId: IncidentRef,
    unitIds: z.array(z.string().min(1).max(256)).min(1, 'choose at least one unit').max(20),
    clientRequestId: ClientRequestId,
  }),
  /** A new incident from a call; the core gives it its id (`urn:ngsi-ld:Alert:<uuidv7>`) and answers with it. */
  z.object({ kind: z.literal('create'), incident: NewIncident, reportId: ReportRef, clientRequestId: ClientRequestId }),
  z.object({
    kind: z.literal('sop-check'),
    incidentId: IncidentRef,
    sopId: z.string().min(1).max(64),
    version: z.number().int().positive(),
    itemId: z.string().min(1).max(64),
    checked: z.boolean(),
    clientRequestId: ClientRequestId,
  }),
  z.object({ kind: z.literal('unit-service'), unitId: z.string().min(1).max(256), status: UnitServiceStatus, clientRequestId: ClientRequestId }),
]);
export type ActionRequest = z.infer<typeof ActionRequest>;

/** The action is saved locally and queued for the platform: the window can show it at once. A create names its new incident. */
export const ActionAccepted = z.object({ actionId: z.string(), state: z.literal('queued'), incidentId: z.string().max(256).optional() });
export type ActionAccepted = z.infer<typeof ActionAccepted>;

/** The platform refuses this console's credentials (HTTP 401/403): every action stays queued, one is sent now and then to see. */
export const CredentialHold = z.object({
  status: z.union([z.literal(401), z.literal(403)]),
  reason: z.string().max(500),
  since: z.number().int().nonnegative(),
  nextProbeAt: z.number().int().nonnegative(),
});
export type CredentialHold = z.infer<typeof CredentialHold>;

/** The outbox as windows see it: every unsettled action and the most recent settled ones, and a credential hold. */
export const OutboxView = z.object({ entries: z.array(OutboxEntry).max(5000), hold: CredentialHold.nullable().optional() });
export type OutboxView = z.infer<typeof OutboxView>;

/**
 * The local store's condition: a write fault (disk full, read-only; `worker-down` while its worker thread is
 * being restarted), databases recovered at start, the cache's age.
 */
export const StoreStatus = z.object({
  fault: z.object({ code: z.string().max(40), message: z.string().max(500), at: z.number().int().nonnegative() }).nullable(),
  recovered: z
    .array(
      z.object({
        file: z.string().max(500),
        movedTo: z.string().max(500),
        reason: z.string().max(500),
        /** journal.db: queued actions read back from the damaged file and queued again with their original ids. */
        recoveredActions: z.number().int().nonnegative().optional(),
      }),
    )
    .max(10),
  /** Newest receive time in the cache painted at start, or null if it started empty. */
  cachedAt: z.number().int().nonnegative().nullable(),
  /** A store that could not open at all: the console runs without cache and outbox and says why. */
  unavailable: z.string().max(500).nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export { OperatorProfile };

/** One unit the dispatch dialog offers, with why: its estimated time of arrival over the roads at live speeds. */
export const Recommendation = z.object({
  unitId: z.string().max(256),
  callsign: z.string().max(40),
  agency: z.string().max(40),
  etaSeconds: z.number().finite().nonnegative(),
  distanceMeters: z.number().finite().nonnegative(),
  /** Main roads on the way, in order. */
  via: z.array(z.string().max(200)).max(20),
  /** How the unit gets there: a boat goes straight over the sea (no roads), anything else by road. */
  mode: z.enum(['road', 'sea']).optional(),
  /** Average speed on the road part of the route. */
  roadKmh: z.number().finite().nonnegative(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const Recommendations = z.object({
  incidentId: z.string().max(256),
  candidates: z.array(Recommendation).max(50),
  /** How long the core took to route every candidate. */
  computedMs: z.number().finite().nonnegative(),
});
export type Recommendations = z.infer<typeof Recommendations>;

export const RecommendRequest = z.object({ incidentId: z.string().min(1).max(256) });

/**
 * One line of an incident's timeline, as the core saw it happen (times by this console's clock; the report
 * and notes carry their own times). `created`, `action` and `sop` are this console's own doings; their params
 * carry codes (action kind, line, SOP item) for the window to translate, never sentences.
 */
export const TimelineEvent = z.object({
  at: z.number().int().nonnegative(),
  kind: z.enum(['reported', 'status', 'assigned', 'arrived', 'note', 'created', 'action', 'sop']),
  /** Who did it: an operator's name, a unit's callsign, or "platform" for changes made elsewhere. */
  actor: z.string().max(100),
  from: z.string().max(40).nullable(),
  to: z.string().max(40).nullable(),
  text: z.string().max(4000).nullable(),
  /** `console` for what this console did; absent for what was seen from the platform. */
  origin: z.literal('console').optional(),
  params: z.record(z.string().max(40), z.string().max(500)).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** How long an unacknowledged incident of each severity may wait before it escalates, ms (null: never). */
export const EscalationPolicy = z.object({
  critical: z.number().int().positive().nullable(),
  high: z.number().int().positive().nullable(),
  medium: z.number().int().positive().nullable(),
  low: z.number().int().positive().nullable(),
  informational: z.number().int().positive().nullable(),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

export const Timeline = z.object({ incidentId: z.string().max(256), events: z.array(TimelineEvent).max(1000) });
export type Timeline = z.infer<typeof Timeline>;
