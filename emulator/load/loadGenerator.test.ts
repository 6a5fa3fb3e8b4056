import { afterEach, describe, expect, it, vi } from 'vitest';
import { City } from '../city/city';
import { vehicleId } from '../city/model';
import { createLoadGenerator, loadCallsign } from './loadGenerator';

const START = Date.parse('2026-03-02T08:00:00Z');

afterEach(() => vi.useRealTimers());

describe('synthetic load', () => {
  it('adds parked, out-of-service units, moves perSecond of them a second stamped with the wall clock, and removes them', () => {
    vi.useFakeTimers({ now: START });
    const city = new City({ seed: 3, startMs: START });
    const fleet = city.units.size;
    city.drainChanged();
    const pushed: string[][] = [];
    const load = createLoadGenerator(city, { push: () => pushed.push(city.drainChanged()), warn: (m) => expect.fail(m) });

    load.set({ units: 50, perSecond: 200 });
    expect(city.units.size).toBe(fleet + 50);
    const first = city.units.get(vehicleId(loadCallsign(0)));
    expect(first?.status).toBe('out-of-service');
    expect(pushed.at(-1)).toHaveLength(50);

    vi.advanceTimersByTime(1_000);
    expect(load.published).toBe(200);
    // Round robin: 200 moves over 50 units is four each, and every moved unit carries the time it was moved.
    const moved = pushed.slice(1).flat();
    expect(moved).toHaveLength(200);
    expect(new Set(moved).size).toBe(50);
    expect(first?.observedMs).toBeGreaterThan(START);
    expect(first?.observedMs).toBeLessThanOrEqual(Date.now());

    load.set({ units: 0, perSecond: 0 });
    expect(city.units.size).toBe(fleet);
    vi.advanceTimersByTime(1_000);
    expect(load.published).toBe(200);
    load.stop();
  });

  it('refuses a plan out of range, keeping the one it runs', () => {
    const city = new City({ seed: 3, startMs: START });
    const load = createLoadGenerator(city, { push: () => undefined, warn: () => undefined });
    load.set({ units: 10, perSecond: 0 });
    expect(() => load.set({ units: 6_000, perSecond: 1 })).toThrow();
    expect(load.plan).toEqual({ units: 10, perSecond: 0 });
    load.stop();
  });
});
