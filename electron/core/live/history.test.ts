import { describe, expect, it } from 'vitest';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { arrivalEvent, incidentEvents } from './history';

describe('incident timeline events', () => {
  it('records the report, then status, units and notes as they change', () => {
    const first = incidentFixture({ status: 'new', description: 'motorbike down', source: 'call 1669' });
    expect(incidentEvents(undefined, first, 10)).toEqual([{ at: 10, kind: 'reported', actor: 'call 1669', from: null, to: 'new', text: 'motorbike down' }]);
    const next = { ...first, status: 'dispatched' as const, assignedUnitIds: ['u1'], notes: [{ id: 'n1', text: 'second bike', author: 'Malee', at: 5 }] };
    expect(incidentEvents(first, next, 20).map((e) => [e.kind, e.actor, e.from, e.to, e.text])).toEqual([
      ['status', 'platform', 'new', 'dispatched', null],
      ['assigned', 'platform', null, null, 'u1'],
      ['note', 'Malee', null, null, 'second bike'],
    ]);
    expect(incidentEvents(next, next, 30)).toEqual([]);
  });

  it('records a unit arriving on scene once', () => {
    const driving = unitFixture('PKT-EMS-01', [98.3, 7.9], { status: 'dispatched', assignedIncidentId: 'i1' });
    const there = { ...driving, status: 'on-scene' as const };
    expect(arrivalEvent(driving, there, 5)).toMatchObject({ incidentId: 'i1', event: { kind: 'arrived', actor: 'PKT-EMS-01' } });
    expect(arrivalEvent(there, there, 6)).toBeNull();
  });
});
