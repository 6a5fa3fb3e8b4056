import { subjectOf } from '../../../shared/domain';
import type { OutboxEntry } from '../../../shared/domain';

/**
 * The outbox's entries in memory, indexed so that every step of a delivery costs the same however long
 * the queue: by action id (in order of creation), the queued ones per subject (an incident or a unit, in
 * order), and every entry per subject (for drawing its incident through the local changes).
 */
export class EntryBook {
  private readonly byId = new Map<string, OutboxEntry>();
  private readonly queuedBySubject = new Map<string, string[]>();
  private readonly allBySubject = new Map<string, string[]>();
  private maxSeq = 0;

  constructor(entries: readonly OutboxEntry[] = []) {
    for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) this.add(entry);
  }

  add(entry: OutboxEntry): void {
    this.byId.set(entry.actionId, entry);
    this.maxSeq = Math.max(this.maxSeq, entry.seq);
    const subject = subjectOf(entry.action);
    push(this.allBySubject, subject, entry.actionId);
    if (entry.state === 'queued') push(this.queuedBySubject, subject, entry.actionId);
  }

  get(actionId: string): OutboxEntry | undefined {
    return this.byId.get(actionId);
  }

  /** Changes one entry in place; one that settles leaves its subject's queue. */
  patch(actionId: string, change: Partial<OutboxEntry>): void {
    const held = this.byId.get(actionId);
    if (held === undefined) return;
    const next = { ...held, ...change };
    this.byId.set(actionId, next);
    if (held.state === 'queued' && next.state !== 'queued') {
      const subject = subjectOf(held.action);
      const queue = this.queuedBySubject.get(subject) ?? [];
      const at = queue.indexOf(actionId);
      if (at >= 0) queue.splice(at, 1);
      if (queue.length === 0) this.queuedBySubject.delete(subject);
    }
  }

  /** Every queued entry's backoff forgotten: the link is back. */
  retryAllNow(): void {
    for (const ids of this.queuedBySubject.values()) for (const id of ids) this.patch(id, { nextAttemptAt: null });
  }

  /** The oldest queued entry of each subject: the only ones that may go now. */
  heads(): OutboxEntry[] {
    const out: OutboxEntry[] = [];
    for (const ids of this.queuedBySubject.values()) {
      const head = ids[0] === undefined ? undefined : this.byId.get(ids[0]);
      if (head !== undefined) out.push(head);
    }
    return out;
  }

  /** Every queued entry, oldest first, across subjects. */
  queued(): OutboxEntry[] {
    return this.all().filter((e) => e.state === 'queued');
  }

  ofSubject(subject: string): OutboxEntry[] {
    return (this.allBySubject.get(subject) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  queuedOfSubject(subject: string): OutboxEntry[] {
    return (this.queuedBySubject.get(subject) ?? []).flatMap((id) => this.byId.get(id) ?? []);
  }

  /** Every entry, in order of creation. */
  all(): OutboxEntry[] {
    return [...this.byId.values()];
  }

  nextSeq(): number {
    return this.maxSeq + 1;
  }
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else list.push(id);
}
