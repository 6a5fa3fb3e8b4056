import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/contract';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { arrivalEvent, IncidentHistory, incidentEvents, mergeEvents, replayEvents } from './history';

describe('incident timeline events', () => {
  it('records the report at its own time, then status, units and notes as they change', () => {
    const first = incidentFixture({ status: 'new', description: 'motorbike down', source: 'call 1669', reportedAt: 4 });
    expect(incidentEvents(undefined, first, 10)).toEqual([{ at: 4, kind: 'reported', actor: 'call 1669', from: null, to: 'new', text: 'motorbike down' }]);
    const next = { ...first, status: 'dispatched' as const, assignedUnitIds: ['u1'], notes: [{ id: 'n1', text: 'second bike', author: 'Malee', at: 5 }] };
    expect(incidentEvents(first, next, 20).map((e) => [e.at, e.kind, e.actor, e.from, e.to, e.text])).toEqual([
      [20, 'status', 'platform', 'new', 'dispatched', null],
      [20, 'assigned', 'platform', null, null, 'u1'],
      [5, 'note', 'Malee', null, null, 'second bike'],
    ]);
    expect(incidentEvents(next, next, 30)).toEqual([]);
  });

  it('yields the same report and notes when an incident is seen again later (a restart), not the restart time', () => {
    const seen = incidentFixture({ reportedAt: 100, notes: [{ id: 'n1', text: 'caller Russian', author: 'Niran', at: 150 }] });
    expect(incidentEvents(undefined, seen, 9_999)).toEqual(incidentEvents(undefined, seen, 500));
  });

  it('replays an incident from the versions in the observation log', () => {
    const v1 = incidentFixture({ status: 'new', reportedAt: 1 });
    const v2 = { ...v1, status: 'acknowledged' as const };
    const v3 = { ...v2, status: 'dispatched' as const, assignedUnitIds: ['u9'] };
    const events = replayEvents([
      { incident: v1, receivedAt: 2 },
      { incident: v2, receivedAt: 30 },
      { incident: v3, receivedAt: 40 },
    ]);
    expect(events.map((e) => [e.at, e.kind, e.to ?? e.text])).toEqual([
      [1, 'reported', 'new'],
      [30, 'status', 'acknowledged'],
      [40, 'status', 'dispatched'],
      [40, 'assigned', 'u9'],
    ]);
  });

  it('records a unit arriving on scene once', () => {
    const driving = unitFixture('PKT-EMS-01', [98.3, 7.9], { status: 'dispatched', assignedIncidentId: 'i1' });
    const there = { ...driving, status: 'on-scene' as const };
    expect(arrivalEvent(driving, there, 5)).toMatchObject({ incidentId: 'i1', event: { kind: 'arrived', actor: 'PKT-EMS-01' } });
    expect(arrivalEvent(there, there, 6)).toBeNull();
  });
});

describe('incident history', () => {
  const note = (at: number, text: string): TimelineEvent => ({ at, kind: 'note', actor: 'Niran', from: null, to: null, text });

  it('keeps each event once, in time order, and hands only new ones to the journal', () => {
    const persisted: [string, number][] = [];
    const history = new IncidentHistory(10, (id, added) => persisted.push([id, added.length]));
    history.add('i1', [note(20, 'b'), note(10, 'a')]);
    history.add('i1', [note(10, 'a'), note(30, 'c')]);
    history.add('i1', [note(10, 'a')]);
    expect(history.of('i1').map((e) => e.text)).toEqual(['a', 'b', 'c']);
    expect(persisted).toEqual([
      ['i1', 2],
      ['i1', 1],
    ]);
  });

  it('forgets the least recently changed incident when full', () => {
    const history = new IncidentHistory(2);
    history.add('a', [note(1, 'x')]);
    history.add('b', [note(1, 'x')]);
    history.add('c', [note(1, 'x')]);
    expect(history.of('a')).toEqual([]);
    expect(history.of('c')).toHaveLength(1);
  });

  it('merges events from memory into the stored record without doubling any', () => {
    const stored = [note(1, 'a'), note(2, 'b')];
    expect(mergeEvents('i', stored, [note(2, 'b'), note(3, 'c')]).map((e) => e.text)).toEqual(['a', 'b', 'c']);
  });
});
