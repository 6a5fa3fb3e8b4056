import { describe, expect, it } from 'vitest';
import { emptyChanges } from '../../shared/contract/liveKinds';
import type { Unit } from '../../shared/domain';
import { createFrameProbe } from './frameProbe';

const unit = (id: string, observedAt: number): Unit => ({
  id,
  callsign: id,
  agency: 'police',
  status: 'available',
  position: [98.3, 7.9],
  headingDeg: 0,
  speedKmh: 0,
  station: null,
  assignedIncidentId: null,
  observedAt,
});

const batchOf = (...units: Unit[]) => ({ ...emptyChanges(), units });

describe('frame probe', () => {
  it('turns each applied unit update into a latency at the next drawn frame, and only that frame', () => {
    const probe = createFrameProbe();
    probe.drawn(900);
    probe.received(batchOf(unit('a', 1_000), unit('b', 1_040)), 1_100);
    probe.applied([batchOf(unit('a', 1_000), unit('b', 1_040))]);
    probe.applied([batchOf(unit('a', 1_100))]);
    probe.drawn(1_250);
    probe.drawn(1_300);
    const reading = probe.take();
    expect(reading.latencies).toEqual([250, 210, 150]);
    expect(reading.arrivals).toEqual([100, 60]);
    expect(reading.frameIntervals).toEqual([350, 50]);
  });

  it('starts afresh after a reading is taken', () => {
    const probe = createFrameProbe();
    probe.applied([batchOf(unit('a', 10))]);
    probe.drawn(20);
    expect(probe.take().latencies).toEqual([10]);
    expect(probe.take()).toEqual({ latencies: [], arrivals: [], frameIntervals: [] });
  });
});
