import { describe, expect, it } from 'vitest';
import type { OperatorAction, OutboxEntry } from '../../../shared/domain';
import { NOTE_RUN_MAX, noteRun } from './planner';
import { SUPERVISOR } from './testing/outboxKit';

describe('noteRun', () => {
  const entry = (action: OperatorAction, n: number): OutboxEntry => ({ actionId: `a${n}`, seq: n, action, actor: SUPERVISOR, createdAt: n, state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null, settledAt: null });
  const note = (n: number) => entry({ kind: 'note', incidentId: 'i', noteId: `a${n}`, text: `t${n}` }, n);
  const ack = (n: number) => entry({ kind: 'acknowledge', incidentId: 'i' }, n);
  const ids = (run: readonly OutboxEntry[]) => run.map((e) => e.actionId);

  it('takes the notes after a note head up to the first other action, the first one marked alone, or the limit', () => {
    expect(ids(noteRun([note(1), note(2), ack(3), note(4)], NOTE_RUN_MAX, new Set()))).toEqual(['a1', 'a2']);
    expect(ids(noteRun([note(1), note(2), note(3)], 2, new Set()))).toEqual(['a1', 'a2']);
    expect(ids(noteRun([note(1), note(2), note(3)], NOTE_RUN_MAX, new Set(['a2'])))).toEqual(['a1']);
    expect(ids(noteRun([note(1), note(2)], NOTE_RUN_MAX, new Set(['a1'])))).toEqual(['a1']);
    expect(ids(noteRun([ack(1), note(2)], NOTE_RUN_MAX, new Set()))).toEqual(['a1']);
    expect(noteRun([], NOTE_RUN_MAX, new Set())).toEqual([]);
    // A note that attaches a citizen report is linked in a second step, so it goes by itself.
    const report = entry({ kind: 'note', incidentId: 'i', noteId: 'a3', text: 'report', reportId: 'r1' }, 3);
    expect(ids(noteRun([note(1), note(2), report, note(4)], NOTE_RUN_MAX, new Set()))).toEqual(['a1', 'a2']);
    expect(ids(noteRun([report, note(4)], NOTE_RUN_MAX, new Set()))).toEqual(['a3']);
  });
});
