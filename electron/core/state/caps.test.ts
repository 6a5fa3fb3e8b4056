import { describe, expect, it } from 'vitest';
import { emptyChanges, emptySnapshot, LiveSnapshot } from '../../../shared/contract';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { capSnapshot, splitChanges } from './caps';

describe('snapshot caps', () => {
  it('trims a snapshot over a cap, keeping open and newest first, and says how much went', () => {
    const incidents = [
      incidentFixture({ id: 'old-closed', status: 'closed', updatedAt: 900 }),
      incidentFixture({ id: 'old-open', status: 'new', updatedAt: 100 }),
      incidentFixture({ id: 'new-open', status: 'dispatched', updatedAt: 500 }),
    ];
    const units = [unitFixture('a', [98.3, 7.9], { observedAt: 1 }), unitFixture('b', [98.3, 7.9], { observedAt: 3 }), unitFixture('c', [98.3, 7.9], { observedAt: 2 })];
    const { snapshot, trimmed } = capSnapshot({ ...emptySnapshot(), units, incidents }, { segments: 5, units: 2, incidents: 2 });
    expect(snapshot.incidents.map((i) => i.id)).toEqual(['new-open', 'old-open']);
    expect(snapshot.units.map((u) => u.id)).toEqual(['b', 'c']);
    expect(trimmed).toEqual({ units: 1, incidents: 1 });
  });

  it('leaves a snapshot within the caps alone, and it passes the contract', () => {
    const input = { ...emptySnapshot(), units: [unitFixture('a', [98.3, 7.9])] };
    const { snapshot, trimmed } = capSnapshot(input);
    expect(trimmed).toEqual({});
    expect(LiveSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('splits a change batch over a cap into several, losing nothing', () => {
    const units = Array.from({ length: 5 }, (_, n) => unitFixture(`u${n}`, [98.3, 7.9]));
    const batches = splitChanges({ ...emptyChanges(), units, removed: { ...emptyChanges().removed, units: ['x'] } }, { segments: 5, units: 2, incidents: 5 });
    expect(batches).toHaveLength(3);
    expect(batches.flatMap((b) => b.units.map((u) => u.id))).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(batches.flatMap((b) => b.removed.units)).toEqual(['x']);
  });
});
