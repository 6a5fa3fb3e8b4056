import { describe, expect, it } from 'vitest';
import type { Incident, RoadSegmentState, Unit } from '../../../shared/domain';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { routeBetween } from './eta';
import { recommendUnits } from './recommend';
import { buildRoadGraph } from './roadGraph';

// A small town: the incident at X. Unit NEAR is 1 km away along a jammed street; unit FAR is 3 km away on a free road.
//   NEAR ──(1 km, jammed)── X ──(3 km, free)── FAR
const seg = (id: string, name: string, path: [number, number][]): RoadSegmentState => ({
  id,
  segmentId: id,
  name,
  path,
  speedKmh: 40,
  freeFlowKmh: 40,
  intensity: null,
  occupancy: null,
  congested: false,
  observedAt: 0,
});
const DEG_PER_KM = 1 / 110.6;
const X: [number, number] = [98.3, 7.9];
const near: [number, number] = [98.3, 7.9 + 1 * DEG_PER_KM];
const far: [number, number] = [98.3, 7.9 - 3 * DEG_PER_KM];
const segments = [seg('jammed', 'Soi Jammed', [near, X]), seg('free', 'Free Road', [X, far])];

const unit = (id: string, position: [number, number], agency: Unit['agency'] = 'ems', status: Unit['status'] = 'available'): Unit => unitFixture(id, position, { agency, status });
const incident: Incident = incidentFixture({ id: 'i1', position: X });

describe('ETA over the road graph', () => {
  const road = buildRoadGraph(segments);

  it('times a route by its live speeds', () => {
    const route = routeBetween(road, new Map([['free', 60]]), far, X);
    expect(route?.metres).toBeCloseTo(3000, -2);
    expect(route?.seconds).toBeCloseTo(180, -1);
    expect(route?.via).toEqual(['Free Road']);
  });

  it('ranks a farther unit on a free road above a nearer unit stuck in a jam', () => {
    const units = [unit('NEAR', near), unit('FAR', far)];
    expect(recommendUnits(road, new Map([['jammed', 40], ['free', 60]]), incident, units).map((r) => r.callsign)).toEqual(['NEAR', 'FAR']);
    const jam = new Map([['jammed', 3], ['free', 60]]);
    const ranked = recommendUnits(road, jam, incident, units);
    expect(ranked.map((r) => r.callsign)).toEqual(['FAR', 'NEAR']);
    expect(ranked[1]?.distanceMeters).toBeLessThan(ranked[0]!.distanceMeters);
  });

  it('offers only available units of the agencies for the incident type', () => {
    const units = [unit('POL', near, 'police'), unit('BUSY', near, 'ems', 'dispatched'), unit('EMS', far)];
    expect(recommendUnits(road, new Map(), incident, units).map((r) => r.callsign)).toEqual(['EMS']);
  });
});
