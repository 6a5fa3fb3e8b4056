import { z } from 'zod';
import { TimelineEvent } from '../../../shared/contract';
import { DeliveryState, FeedId, Incident, OperatorProfile, OutboxEntry, Unit, subjectOf } from '../../../shared/domain';
import type { FeedItem } from '../../../shared/domain';

const Millis = z.number().int().nonnegative();


const ObservationFields = {
  feed: FeedId,
  entityId: z.string().min(1).max(256),
  sourceTime: Millis,
  receivedAt: Millis,
  endedAt: Millis.nullable(),
};

/** Bounds what one observation may bring: an incident at its caps (500 notes of 4000 characters) is about 2 MB. */
const MAX_PAYLOAD = 8_000_000;

/**
 * An observation as the store's worker takes it: the record checked whole, the item only for its feed and id,
 * or its serialized payload only for its length (the live path's form, tried first). Items were parsed against
 * their domain schema where they entered (the feed boundary) and are parsed again where they are read back from
 * disk (`loadLatest`); parsing them a third time in between cost the ingest path most of its time for no gain in safety.
 */
export const ObservationRowSchema = z.union([
  z.object({ ...ObservationFields, payload: z.string().min(2).max(MAX_PAYLOAD) }),
  z
    .object({ ...ObservationFields, item: z.object({ feed: FeedId, item: z.object({ id: z.string().min(1).max(256) }).loose() }).loose() })
    .refine((record) => record.feed === record.item.feed && record.entityId === record.item.item.id, { message: 'the record and its item name different feeds or ids' }),
]);
export type ObservationRow = z.infer<typeof ObservationRowSchema>;

const ItemEnvelope = z.object({ feed: FeedId, item: z.object({ id: z.string().min(1).max(256) }).loose(), modifiedAt: z.number().finite().optional() });

/**
 * The last-known picture as the client takes it from the worker: each item checked for its feed and id only.
 * The worker parsed every item against its feed's schema as it read it from disk (`ObservationCache.loadLatest`),
 * which is the boundary; parsing them all again on this side of the thread doubled a cold start's load time.
 */
export const LatestStateSchema = z.object({
  items: z.array(z.custom<FeedItem>((value) => ItemEnvelope.safeParse(value).success, { message: 'not a feed item' })),
  newestReceivedAt: z.partialRecord(FeedId, Millis.nullable()),
});

export const TimelineRowSchema = z.object({ incidentId: z.string().min(1).max(256), event: TimelineEvent });

export const ActionWriteSchema = z
  .object({ entry: OutboxEntry, before: z.union([Incident, Unit]).nullable(), after: z.union([Incident, Unit]), timeline: TimelineRowSchema.optional() })
  .refine((write) => write.after.id === subjectOf(write.entry.action) && (write.before === null || write.before.id === write.after.id), {
    message: 'the action, its before and its after must be about the same incident or unit',
  });

export const IncidentVersionSchema = z.object({ incident: Incident, receivedAt: Millis });

export const DeliveryUpdateSchema = z.object({
  state: DeliveryState,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: Millis.nullable(),
  lastError: z.string().max(2000).nullable(),
  settledAt: Millis.nullable(),
});

export const StoreOpenReportSchema = z.object({
  versions: z.object({ cache: z.number().int(), journal: z.number().int() }),
  recovered: z.array(z.object({ file: z.string(), movedTo: z.string(), reason: z.string(), recoveredActions: z.number().int().nonnegative().optional() })),
});

/** One audit record before it is chained (a refused action, a changed profile). */
export const AuditEntrySchema = z.object({
  at: Millis,
  actor: OperatorProfile,
  actionId: z.string().min(1).max(64),
  event: z.string().min(1).max(64),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditVerifyResultSchema = z.object({
  ok: z.boolean(),
  records: z.number().int().nonnegative(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
