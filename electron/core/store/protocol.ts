import { z } from 'zod';
import { Incident, OperatorProfile, OutboxEntry } from '../../../shared/domain';
import { TimelineEvent } from '../../../shared/contract';
import {
  ActionWriteSchema,
  IncidentVersionSchema,
  TimelineRowSchema,
  AuditEntrySchema,
  AuditVerifyResultSchema,
  DeliveryUpdateSchema,
  LatestStateSchema,
  ObservationRowSchema,
  StoreOpenReportSchema,
} from './schemas';

// The messages between the store client and its worker. Both sides parse what they receive.

const Millis = z.number().int().nonnegative();

export const StoreRequest = z.discriminatedUnion('op', [
  z.object({ op: z.literal('open'), dir: z.string().min(1), at: Millis, readOnly: z.boolean(), busyTimeoutMs: z.number().int().nonnegative() }),
  z.object({ op: z.literal('appendObservations'), records: z.array(ObservationRowSchema) }),
  z.object({ op: z.literal('loadLatest') }),
  z.object({ op: z.literal('countObservations') }),
  z.object({ op: z.literal('prune'), before: z.number() }),
  z.object({ op: z.literal('recordAction'), write: ActionWriteSchema, at: Millis }),
  z.object({ op: z.literal('updateDelivery'), actionId: z.string().min(1), update: DeliveryUpdateSchema, actor: OperatorProfile, at: Millis }),
  z.object({ op: z.literal('recordAudit'), entry: AuditEntrySchema }),
  z.object({ op: z.literal('auditProfile'), profile: OperatorProfile, actionId: z.string().min(1).max(64), at: Millis }),
  z.object({ op: z.literal('outbox') }),
  z.object({ op: z.literal('localIncidents') }),
  z.object({ op: z.literal('appendTimeline'), rows: z.array(TimelineRowSchema) }),
  z.object({ op: z.literal('timelineOf'), incidentId: z.string().min(1).max(256) }),
  z.object({ op: z.literal('incidentVersions'), incidentId: z.string().min(1).max(256) }),
  z.object({ op: z.literal('verifyAudit') }),
  z.object({ op: z.literal('exportAudit'), path: z.string().min(1) }),
  // Tests only: makes a database "full" by capping its size (PRAGMA max_page_count).
  z.object({ op: z.literal('limitPages'), db: z.enum(['cache', 'journal']), pages: z.number().int().positive() }),
  // Tests only: the worker thread exits, as a crashed one would.
  z.object({ op: z.literal('crash') }),
  z.object({ op: z.literal('close') }),
]);
export type StoreRequest = z.infer<typeof StoreRequest>;
export type StoreOp = StoreRequest['op'];

export const RequestEnvelope = z.object({ id: z.number().int(), request: StoreRequest });

const Count = z.number().int().nonnegative();

/** What each request answers. */
export const RESULTS = {
  open: StoreOpenReportSchema,
  appendObservations: z.null(),
  loadLatest: LatestStateSchema,
  countObservations: Count,
  prune: Count,
  recordAction: z.null(),
  updateDelivery: z.null(),
  recordAudit: z.null(),
  auditProfile: z.boolean(),
  outbox: z.array(OutboxEntry),
  localIncidents: z.array(Incident),
  appendTimeline: z.null(),
  timelineOf: z.array(TimelineEvent),
  incidentVersions: z.array(IncidentVersionSchema),
  verifyAudit: AuditVerifyResultSchema,
  exportAudit: Count,
  limitPages: Count,
  crash: z.null(),
  close: z.null(),
} as const satisfies Record<StoreOp, z.ZodType>;

/** Requests that write: their disk faults are reported through `fault()`, and their success clears it. */
export const WRITES: Partial<Record<StoreOp, string>> = {
  appendObservations: 'save observations',
  prune: 'remove old observations',
  recordAction: 'record the action',
  updateDelivery: 'record the delivery',
  recordAudit: 'record the audit entry',
  auditProfile: 'record the operator profile',
  appendTimeline: 'record the incident timeline',
};

export const ErrorPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('version'), file: z.string(), found: z.number().int(), known: z.number().int() }),
  z.object({ kind: z.literal('fault'), code: z.enum(['disk-full', 'read-only', 'io-error', 'busy']), message: z.string() }),
  z.object({ kind: z.literal('other'), message: z.string() }),
]);
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export const StoreResponse = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: ErrorPayload }),
]);
export type StoreResponse = z.infer<typeof StoreResponse>;
