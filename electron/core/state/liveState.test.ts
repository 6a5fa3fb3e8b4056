import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain';
import type { FeedItem } from '../feeds/ngsi/mapEntity';
import { LiveState, PendingChanges } from './liveState';

const unit = (observedAt: number, speedKmh = 0): FeedItem => ({
  feed: 'units',
  item: { id: 'u1', callsign: 'PKT-EMS-01', agency: 'ems', status: 'available', position: [98.3, 7.9], headingDeg: 0, speedKmh, station: null, assignedIncidentId: null, observedAt } satisfies Unit,
});

describe('LiveState', () => {
  it('never lets an older observation overwrite a newer one, and ignores duplicates', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    expect(state.apply([unit(200, 40)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0 });
    expect(state.apply([unit(100, 10), unit(200, 40)], pending)).toEqual({ applied: 0, stale: 1, duplicate: 1 });
    expect(state.snapshot().units[0]?.speedKmh).toBe(40);
    expect(state.apply([unit(300, 50)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0 });
    expect(state.snapshot().units[0]?.observedAt).toBe(300);
  });

  it('lets the platform replace what came from the cache, even with an older time, but only once', () => {
    const state = new LiveState();
    const pending = new PendingChanges();
    state.seed([unit(500, 1)], pending);
    expect(state.apply([unit(100, 2)], pending)).toEqual({ applied: 1, stale: 0, duplicate: 0 });
    expect(state.snapshot().units[0]?.speedKmh).toBe(2);
    expect(state.apply([unit(50, 3)], pending)).toEqual({ applied: 0, stale: 1, duplicate: 0 });
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
