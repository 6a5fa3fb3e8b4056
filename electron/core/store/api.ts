import type { TimelineEvent } from '../../../shared/contract';
import type { FeedId, Incident, OperatorProfile, OutboxEntry, Unit } from '../../../shared/domain';
import type { FeedItem } from '../feeds/ngsi/mapEntity';

interface ObservationFields {
  readonly feed: FeedId;
  readonly entityId: string;
  /** The platform's time for it (observedAt / dateModified), ms. */
  readonly sourceTime: number;
  /** When this console received it, ms by our clock. */
  readonly receivedAt: number;
  /** When the item stopped mattering (closed, expired, done), for retention; null while it matters. */
  readonly endedAt: number | null;
}

/**
 * One normalized observation, as the feed delivered it: the item itself, or (the live path, see
 * live/observationRecord) its domain item already serialized as JSON, which is what the log stores: a string
 * crosses to the store's worker as one copy, where an object is cloned field by field and stringified there again.
 */
export type ObservationRecord = ObservationFields & ({ readonly item: FeedItem } | { readonly payload: string });

export interface RecoveredFile {
  readonly file: string;
  /** Where the damaged file was moved; it is kept, never deleted. */
  readonly movedTo: string;
  readonly reason: string;
  /** journal.db only: queued actions read back from the damaged file and queued again with their ids. */
  readonly recoveredActions?: number | undefined;
}

export interface StoreOpenReport {
  /** Schema version of each database after migrating. */
  readonly versions: { cache: number; journal: number };
  /** Databases that failed `quick_check` at start, moved aside and started afresh. */
  readonly recovered: readonly RecoveredFile[];
}

/** Why the store cannot write, in terms an operator and an administrator can act on. */
export type StoreFault = { code: 'disk-full' | 'read-only' | 'io-error' | 'busy' | 'worker-down'; message: string; at: number };

export interface LatestState {
  readonly items: FeedItem[];
  /** Receive time of the newest cached item per feed: how old the cached picture is. */
  readonly newestReceivedAt: Partial<Record<FeedId, number | null>>;
}

/**
 * What one operator action writes, in one transaction: the local state change, the outbox entry, the audit
 * record and the incident's timeline event. `after` is the incident (kept as the local state until its actions
 * settle) or, for a unit's duty change, the unit (audited only).
 */
export interface ActionWrite {
  readonly entry: OutboxEntry;
  readonly before: Incident | Unit | null;
  readonly after: Incident | Unit;
  readonly timeline?: { readonly incidentId: string; readonly event: TimelineEvent } | undefined;
}

export interface DeliveryUpdate {
  readonly state: OutboxEntry['state'];
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
  readonly lastError: string | null;
  readonly settledAt: number | null;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: number;
  readonly actor: OperatorProfile;
  readonly actionId: string;
  /** `acknowledge`, `note`, `status`, `dispatch`, or `delivery:confirmed` / `delivery:rejected`. */
  readonly event: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
  readonly hash: string;
  /** HMAC(installation key, seq and hash); null for a record nobody anchored. */
  readonly mac: string | null;
}

/** An audit record before it is chained. */
export interface AuditEntryInput {
  readonly at: number;
  readonly actor: OperatorProfile;
  readonly actionId: string;
  readonly event: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditVerifyResult {
  readonly ok: boolean;
  readonly records: number;
  readonly firstBroken: { seq: number; reason: string } | null;
}

/**
 * The console's local storage. Two SQLite files in `dir`: `cache.db` (feed observations and the
 * latest state; synchronous=NORMAL, it can be fetched again) and `journal.db` (local incident state,
 * the outbox and the audit chain; synchronous=FULL). SQLite runs in a worker thread, one writer.
 */
export interface Store {
  open(): Promise<StoreOpenReport>;
  appendObservations(records: readonly ObservationRecord[]): Promise<void>;
  loadLatest(): Promise<LatestState>;
  countObservations(): Promise<number>;
  /** Deletes observations received before `before` (ms); returns how many. */
  prune(before: number): Promise<number>;

  recordAction(write: ActionWrite): Promise<void>;
  updateDelivery(actionId: string, update: DeliveryUpdate, actor: OperatorProfile): Promise<void>;
  /** One audit record on its own: an action the core refused, say. */
  recordAudit(entry: AuditEntryInput): Promise<void>;
  /** Audits the operator profile if it differs from the last one audited; true when it did. */
  auditProfile(profile: OperatorProfile, actionId: string): Promise<boolean>;
  outbox(): Promise<OutboxEntry[]>;
  /** The incidents as this console last changed them, for incidents with actions not yet settled. */
  localIncidents(): Promise<Incident[]>;
  /** Adds timeline events (journal.db); an event already recorded is kept once. */
  appendTimeline(rows: readonly { incidentId: string; event: TimelineEvent }[]): Promise<void>;
  /** One incident's recorded timeline, oldest first. */
  timelineOf(incidentId: string): Promise<TimelineEvent[]>;
  /** Every version of an incident in the observation log (cache.db), oldest first, with its receive time. */
  incidentVersions(incidentId: string): Promise<{ incident: Incident; receivedAt: number }[]>;

  verifyAudit(): Promise<AuditVerifyResult>;
  /** Writes the audit chain as JSON Lines; returns the number of records. */
  exportAudit(path: string): Promise<number>;

  /** The current write fault, if any; and a listener for changes (null when writing works again). */
  fault(): StoreFault | null;
  onFault(listener: (fault: StoreFault | null) => void): () => void;
  close(): Promise<void>;
}
