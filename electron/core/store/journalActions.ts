import type BetterSqlite3 from 'better-sqlite3';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { Incident, OutboxEntry, subjectOf } from '../../../shared/domain';
import { OperatorProfile } from '../../../shared/domain';
import { log } from '../log/logger';
import type { ActionWrite, DeliveryUpdate } from './api';
import { signCheckpoint, writeCheckpoint } from './auditAnchor';
import type { Head } from './auditAnchor';
import { appendAudit, chainHead } from './auditChain';
import type { AuditEntry } from './auditChain';
import type { TimelineJournal } from './journalTimeline';

export const OutboxRow = z.object({
  seq: z.number().int(),
  action_id: z.string(),
  incident_id: z.string(),
  action: z.string(),
  actor: z.string(),
  created_at: z.number().int(),
  state: z.string(),
  attempts: z.number().int(),
  next_attempt_at: z.number().int().nullable(),
  last_error: z.string().nullable(),
  settled_at: z.number().int().nullable(),
});
type OutboxRow = z.infer<typeof OutboxRow>;
const IncidentRow = z.object({ id: z.string(), incident: z.string() });

/** Runs after every settled delivery; the query-plan test holds it to the partial index. */
export const UNSETTLED_OF_INCIDENT = "SELECT 1 FROM outbox WHERE incident_id = ? AND state = 'queued' LIMIT 1";

/** Where the chain is anchored: the installation's key, and the folder of the head checkpoint. */
export interface ChainAnchor {
  /** Null only on a read-only store, which writes nothing. */
  readonly key: Buffer | null;
  readonly dir: string;
}

const LastProfile = z.object({ after: z.string() });

/** journal.db: local incident state, the outbox and the audit chain, always changed together. */
/** One delivery result to record. */
export interface DeliveryWrite {
  readonly actionId: string;
  readonly update: DeliveryUpdate;
  readonly actor: OperatorProfile;
  readonly at: number;
}

export class ActionJournal {
  private readonly recordTransaction: (write: ActionWrite, at: number) => Head;
  private readonly deliveryTransaction: (actionId: string, update: DeliveryUpdate, actor: OperatorProfile, at: number) => Head | null;
  private readonly deliveriesTransaction: (deliveries: readonly DeliveryWrite[]) => Head | null;
  private readonly auditTransaction: (entry: AuditEntry) => Head;
  private readonly restoreTransaction: (entries: readonly OutboxEntry[], at: number) => Head | null;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly anchor: ChainAnchor,
    /** The incident record, written in the same transaction as the action that adds to it. */
    readonly timeline: TimelineJournal,
  ) {
    const key = (): Buffer => {
      if (anchor.key === null) throw new Error('the audit key is missing: a read-only store cannot write the audit chain');
      return anchor.key;
    };
    const insertOutbox = db.prepare(
      `INSERT INTO outbox (action_id, incident_id, action, actor, created_at, state, attempts, next_attempt_at, last_error, settled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const upsertLocal = db.prepare(
      `INSERT INTO local_incidents (id, incident, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET incident = excluded.incident, updated_at = excluded.updated_at`,
    );
    const selectEntry = db.prepare('SELECT * FROM outbox WHERE action_id = ?');
    const updateEntry = db.prepare('UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, settled_at = ? WHERE action_id = ?');
    const unsettledOf = db.prepare(UNSETTLED_OF_INCIDENT);
    const deleteLocal = db.prepare('DELETE FROM local_incidents WHERE id = ?');

    this.recordTransaction = immediate(db, (write: ActionWrite, at: number) => {
      const { entry } = write;
      try {
        insertOutbox.run(entry.actionId, subjectOf(entry.action), JSON.stringify(entry.action), JSON.stringify(entry.actor), entry.createdAt, entry.state, entry.attempts, entry.nextAttemptAt, entry.lastError, entry.settledAt);
      } catch (error) {
        if (error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new Error(`action ${entry.actionId} is already in the outbox; an action is recorded only once`);
        throw error;
      }
      // The local state of an incident with actions on their way (a unit's change is the platform's to show); an
      // action settled at once (this console's own record) leaves nothing waiting.
      if (entry.state === 'queued' && 'category' in write.after) upsertLocal.run(write.after.id, JSON.stringify(write.after), at);
      if (write.timeline !== undefined) timeline.write(write.timeline);
      return appendAudit(db, key(), { at, actor: entry.actor, actionId: entry.actionId, event: entry.action.kind, before: write.before, after: write.after });
    });

    const delivery = (actionId: string, update: DeliveryUpdate, actor: OperatorProfile, at: number): Head | null => {
      const row = selectEntry.get(actionId);
      if (row === undefined) throw new Error(`no outbox entry for action ${actionId}`);
      const current = OutboxRow.parse(row);
      if (current.state !== 'queued') throw new Error(`action ${actionId} is already ${current.state}; a settled delivery does not change`);
      updateEntry.run(update.state, update.attempts, update.nextAttemptAt, update.lastError, update.settledAt, actionId);
      // A retry changes only the schedule; the audit records what the platform decided.
      if (update.state === 'queued') return null;
      const head = appendAudit(db, key(), {
        at,
        actor,
        actionId,
        event: `delivery:${update.state}`,
        before: { state: current.state, attempts: current.attempts },
        after: { state: update.state, attempts: update.attempts, lastError: update.lastError, settledAt: update.settledAt },
      });
      // Once nothing is on its way, the platform's state is the truth again.
      if (unsettledOf.get(current.incident_id) === undefined) deleteLocal.run(current.incident_id);
      return head;
    };
    this.deliveryTransaction = immediate(db, delivery);
    this.deliveriesTransaction = immediate(db, (deliveries: readonly DeliveryWrite[]) => {
      let head: Head | null = null;
      for (const d of deliveries) head = delivery(d.actionId, d.update, d.actor, d.at) ?? head;
      return head;
    });

    this.auditTransaction = immediate(db, (entry: AuditEntry) => appendAudit(db, key(), entry));

    // Actions salvaged from a damaged journal keep their ids (the platform deduplicates by them) and are queued again.
    const exists = db.prepare('SELECT 1 FROM outbox WHERE action_id = ?');
    this.restoreTransaction = immediate(db, (entries: readonly OutboxEntry[], at: number) => {
      let head: Head | null = null;
      for (const entry of entries) {
        if (exists.get(entry.actionId) !== undefined) continue;
        insertOutbox.run(entry.actionId, subjectOf(entry.action), JSON.stringify(entry.action), JSON.stringify(entry.actor), entry.createdAt, 'queued', entry.attempts, null, entry.lastError, null);
        head = appendAudit(db, key(), { at, actor: entry.actor, actionId: entry.actionId, event: 'recovered', before: null, after: { action: entry.action, createdAt: entry.createdAt } });
      }
      return head;
    });
  }

  /** Writes the head checkpoint after a commit. A failure is logged, not thrown: the change is committed, and the next write catches the checkpoint up. */
  anchorHead(head: Head, at: number): void {
    if (this.anchor.key === null) return;
    try {
      writeCheckpoint(this.anchor.dir, signCheckpoint(this.anchor.key, head, at));
    } catch (error) {
      log().warn('audit: could not write the head checkpoint', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The checkpoint of the chain as it stands (at open, after a crash between a commit and its checkpoint). */
  anchorCurrentHead(at: number): Head {
    const head = chainHead(this.db);
    this.anchorHead(head, at);
    return head;
  }

  /** One audit record on its own (a refused action, a changed profile). */
  recordAudit(entry: AuditEntry): void {
    this.anchorHead(this.auditTransaction(entry), entry.at);
  }

  /** Audits the operator profile when it differs from the last one audited; true when it did. */
  auditProfile(profile: OperatorProfile, actionId: string, at: number): boolean {
    const row = this.db.prepare("SELECT after FROM audit WHERE event = 'profile' ORDER BY seq DESC LIMIT 1").get();
    const last = row === undefined ? null : JSON.parse(LastProfile.parse(row).after);
    const parsed = OperatorProfile.safeParse(last);
    if (parsed.success && parsed.data.name === profile.name && parsed.data.role === profile.role && parsed.data.workstation === profile.workstation) return false;
    this.recordAudit({ at, actor: profile, actionId, event: 'profile', before: parsed.success ? parsed.data : null, after: profile });
    return true;
  }

  /** Re-queues actions salvaged from a damaged journal; returns how many were added. */
  restore(entries: readonly OutboxEntry[], at: number): number {
    const before = this.outbox().length;
    const head = this.restoreTransaction(entries, at);
    if (head !== null) this.anchorHead(head, at);
    return this.outbox().length - before;
  }

  /** The local state change, the outbox entry and the audit record: all three or none. */
  recordAction(write: ActionWrite, at: number): void {
    this.anchorHead(this.recordTransaction(write, at), at);
  }

  updateDelivery(actionId: string, update: DeliveryUpdate, actor: OperatorProfile, at: number): void {
    const head = this.deliveryTransaction(actionId, update, actor, at);
    if (head !== null) this.anchorHead(head, at);
  }

  /**
   * Several delivery results in one transaction and one anchored head (a group commit): what a draining
   * outbox settles in one turn of the worker costs one sync of the journal, not one each. All or none, in order.
   */
  updateDeliveries(deliveries: readonly DeliveryWrite[]): void {
    const last = deliveries.at(-1);
    if (last === undefined) return;
    const head = this.deliveriesTransaction(deliveries);
    if (head !== null) this.anchorHead(head, last.at);
  }

  outbox(): OutboxEntry[] {
    return this.db
      .prepare('SELECT * FROM outbox ORDER BY seq')
      .all()
      .map((row) => toEntry(OutboxRow.parse(row)));
  }

  localIncidents(): Incident[] {
    return this.db
      .prepare('SELECT id, incident FROM local_incidents ORDER BY id')
      .all()
      .map((row) => {
        const { id, incident } = IncidentRow.parse(row);
        const parsed = Incident.safeParse(JSON.parse(incident));
        if (!parsed.success) throw new Error(`the local state of incident ${id} cannot be read: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        return parsed.data;
      });
  }
}

function immediate<A extends unknown[], R>(db: BetterSqlite3.Database, body: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(body);
  return (...args) => transaction.immediate(...args);
}

/** The outbox is what will be sent: a row that does not read back whole is an error, never skipped. */
export function toEntry(row: OutboxRow): OutboxEntry {
  const parsed = OutboxEntry.safeParse({
    actionId: row.action_id,
    seq: row.seq,
    action: JSON.parse(row.action),
    actor: JSON.parse(row.actor),
    createdAt: row.created_at,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    settledAt: row.settled_at,
  });
  if (!parsed.success) throw new Error(`outbox entry #${row.seq} cannot be read: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
