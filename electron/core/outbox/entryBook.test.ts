import { describe, expect, it } from 'vitest';
import type { OperatorAction, OutboxEntry } from '../../../shared/domain';
import { EntryBook } from './entryBook';
import { SUPERVISOR } from './testing/outboxKit';

let n = 0;
const entry = (action: OperatorAction, state: OutboxEntry['state'] = 'queued'): OutboxEntry => {
  n += 1;
  return { actionId: `a${n}`, seq: n, action, actor: SUPERVISOR, createdAt: n, state, attempts: 0, nextAttemptAt: state === 'queued' ? 5 : null, lastError: null, settledAt: null };
};
const note = (incidentId: string): OperatorAction => ({ kind: 'note', incidentId, noteId: `n${n}`, text: 'x' });

describe('the outbox entry book', () => {
  it('offers only the oldest queued entry of each subject, and the next once it settles', () => {
    const [a1, a2, b1] = [entry(note('A')), entry(note('A')), entry(note('B'))];
    const book = new EntryBook([b1, a2, a1]);
    expect(book.heads().map((e) => e.actionId).sort()).toEqual([a1.actionId, b1.actionId].sort());
    book.patch(a1.actionId, { state: 'confirmed', settledAt: 9 });
    expect(book.heads().map((e) => e.actionId).sort()).toEqual([a2.actionId, b1.actionId].sort());
    expect(book.queuedOfSubject('A').map((e) => e.actionId)).toEqual([a2.actionId]);
    expect(book.ofSubject('A').map((e) => e.state)).toEqual(['confirmed', 'queued']);
  });

  it('keeps creation order, counts sequence on, and forgets every backoff when the link returns', () => {
    const settled = entry(note('C'), 'rejected');
    const queued = entry({ kind: 'unit-service', unitId: 'U1', status: 'available' });
    const book = new EntryBook([queued, settled]);
    expect(book.all().map((e) => e.seq)).toEqual([settled.seq, queued.seq]);
    expect(book.nextSeq()).toBe(queued.seq + 1);
    book.retryAllNow();
    expect(book.get(queued.actionId)?.nextAttemptAt).toBeNull();
    expect(book.queued().map((e) => e.actionId)).toEqual([queued.actionId]);
    book.add(entry(note('C')));
    expect(book.heads().map((e) => subjectOfHead(e))).toEqual(['U1', 'C']);
  });
});

const subjectOfHead = (e: OutboxEntry): string => (e.action.kind === 'unit-service' ? e.action.unitId : e.action.incidentId);
