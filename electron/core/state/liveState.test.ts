import { describe, expect, it } from 'vitest';
import { emptyChanges } from '../../../shared/contract';
import type { Unit } from '../../../shared/domain';
import type { FeedItem } from '../feeds/ngsi/mapEntity';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { LiveState, PendingChanges } from './liveState';

const unit = (observedAt: number, speedKmh = 0): FeedItem => ({
  feed: 'units',
  item: { id: 'u1', callsign: 'PKT-EMS-01', agency: 'ems', status: 'available', position: [98.3, 7.9], headingDeg: 0, speedKmh, station: null, assignedIncidentId: null, observedAt } satisfies Unit,
});

describe('LiveState', () => {
  it('never lets an older observation overwrite a newer one, and ignores duplicates', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    expect(state.apply([unit(200, 40)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0, refused: 0 });
    expect(state.apply([unit(100, 10), unit(200, 40)], pending)).toEqual({ applied: 0, stale: 1, duplicate: 1, refused: 0 });
    expect(state.snapshot().units[0]?.speedKmh).toBe(40);
    expect(state.apply([unit(300, 50)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0, refused: 0 });
    expect(state.snapshot().units[0]?.observedAt).toBe(300);
  });

  it('lets the platform replace what came from the cache, even with an older time, but only once', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    state.seed([unit(500, 1)], pending);
    expect(state.apply([unit(100, 2)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0, refused: 0 });
    expect(state.snapshot().units[0]?.speedKmh).toBe(2);
    expect(state.apply([unit(50, 3)], pending)).toEqual({ applied: 0, stale: 1, duplicate: 0, refused: 0 });
  });

  it('sends an entity changed twice before a flush once, as it is now', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    state.apply([unit(1), unit(2), unit(3, 9)], pending);
    const changes = pending.take();
    expect(changes.units).toHaveLength(1);
    expect(changes.units[0]?.speedKmh).toBe(9);
    expect(pending.isEmpty()).toBe(true);
  });

  it('forgets, on a full listing, what the platform no longer lists', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    state.apply([unit(1)], pending);
    pending.take();
    state.replaceFeed('units', [], pending);
    expect(state.snapshot().units).toEqual([]);
    expect(pending.take().removed.units).toEqual(['u1']);
  });
});

describe('LiveState bounds', () => {
  const unitN = (n: number, observedAt: number): FeedItem => ({ feed: 'units', item: unitFixture(`u${n}`, [98.3, 7.9], { observedAt }) });

  it('does not let a far-future time freeze an entity', () => {
    const state = new LiveState(() => 1_000_000);
    const pending = new PendingChanges();
    state.apply([unit(Date.parse('9999-12-31T00:00:00Z'))], pending);
    expect(state.apply([unit(999_000, 7)], pending)).toMatchObject({ applied: 1 });
    expect(state.snapshot().units[0]?.speedKmh).toBe(7);
  });

  it('holds at most its cap of each feed and refuses new entities past it, while known ones still update', () => {
    const state = new LiveState(() => 0, { traffic: 10, units: 2, incidents: 10 });
    const pending = new PendingChanges();
    expect(state.apply([unitN(1, 1), unitN(2, 1), unitN(3, 1)], pending)).toMatchObject({ applied: 2, refused: 1 });
    expect(state.apply([unitN(1, 2)], pending)).toMatchObject({ applied: 1, refused: 0 });
    expect(state.count('units')).toBe(2);
  });

  it('prunes entities not mentioned within the retention and incidents closed before it', () => {
    let clock = 0;
    const state = new LiveState(() => clock);
    const pending = new PendingChanges();
    const closed: FeedItem = { feed: 'incidents', item: incidentFixture({ id: 'closed', status: 'closed', updatedAt: 50 }) };
    const open: FeedItem = { feed: 'incidents', item: incidentFixture({ id: 'open', status: 'new', updatedAt: 50 }) };
    state.apply([unitN(1, 0)], pending);
    clock = 200;
    state.apply([unitN(2, 200), closed, open], pending);
    pending.take();
    expect(state.prune(100, pending).map((g) => g.id).sort()).toEqual(['closed', 'u1']);
    expect(state.snapshot().incidents.map((i) => i.id)).toEqual(['open']);
    expect(pending.take().removed).toEqual({ ...emptyChanges().removed, units: ['u1'], incidents: ['closed'] });
  });

  it("orders by the broker's modifiedAt when both versions carry it: a buffered older change cannot undo a newer listing", () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    const incident = (status: 'new' | 'acknowledged' | 'dispatched', modifiedAt: number): FeedItem => ({ feed: 'incidents', item: incidentFixture({ id: 'i1', status, updatedAt: 50 }), modifiedAt });
    state.apply([incident('dispatched', 300)], pending);
    // Same own time (no dateModified), different content: without modifiedAt it would be applied.
    expect(state.apply([incident('acknowledged', 200)], pending)).toMatchObject({ applied: 0, stale: 1 });
    expect(state.apply([incident('dispatched', 300)], pending)).toMatchObject({ duplicate: 1 });
    expect(state.incident('i1')?.status).toBe('dispatched');
  });

  it('removes what the platform deleted, and tells the windows', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    state.apply([unit(100)], pending);
    pending.take();
    expect(state.remove('units', 'u1', pending)).toBe(true);
    expect(state.remove('units', 'u1', pending)).toBe(false);
    expect(state.count('units')).toBe(0);
    expect(pending.take().removed.units).toEqual(['u1']);
  });
});
