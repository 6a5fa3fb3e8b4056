import { describe, expect, it } from 'vitest';
import { haversineM } from '../city/geo';
import { pksbAssets } from './pksbAssets';
import { measure, pointAlong, project } from './polyline';
import { createPksbSchedule } from './schedule';
import { serviceSeconds } from './trips';

const schedule = createPksbSchedule(pksbAssets());
/** A Phuket local time on the sample's day as UTC ms (Phuket is UTC+7). */
const local = (hhmmss: string): number => Date.parse(`2026-03-08T${hhmmss}+07:00`);

describe('PKSB schedule', () => {
  it('has a bus for every trip of the day, and never one plate on two trips at once', () => {
    expect(schedule.unassigned).toEqual([]);
    expect(schedule.trips.length).toBeGreaterThan(100);
    for (let t = local('00:00:00'); t < local('23:59:59'); t += 5 * 60_000) {
      const ids = schedule.busesAt(t).map((b) => b.vehicleId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('runs all three lines in the afternoon, each bus with a plate from the live sample', () => {
    const plates = new Set(pksbAssets().fleet.vehicles.map((v) => v.plate));
    const buses = schedule.busesAt(local('14:28:43'));
    expect(new Set(buses.map((b) => b.routeId))).toEqual(new Set(['rawai-airport', 'patong-old-bus-station', 'dragon-line']));
    for (const bus of buses) expect(plates.has(bus.plate)).toBe(true);
  });

  it('sends the airport line out of the airport at its timetabled minute, and has it at Rawai when the timetable says', () => {
    const tripId = 'rawai-airport-0-01';
    const trip = schedule.trips.find((t) => t.tripId === tripId);
    expect(trip?.startS).toBe(8 * 3600 + 15 * 60);
    const find = (t: number) => schedule.busesAt(t).find((b) => b.tripId === tripId);
    expect(find(local('08:14:59'))).toBeUndefined();
    const airport = pksbAssets().timetables[0].stops[0];
    // The timetable's stop points are approximate (~1 km off the road at the terminal): the bus starts where that stop projects onto the line.
    const line = measure(pksbAssets().lines.features[0]?.geometry.coordinates ?? []);
    const start = pointAlong(line, project(line, [airport?.lng ?? 0, airport?.lat ?? 0])).position;
    expect(haversineM(find(local('08:15:00'))?.position ?? [0, 0], start)).toBeLessThan(1);
    expect(find(local('08:15:30'))?.speedMps).toBeGreaterThan(0);
    // 10:15 at Rawai: the trip is over and its bus is off the road.
    expect(find(local('10:14:00'))?.position[1]).toBeLessThan(7.78);
    expect(find(local('10:15:00'))).toBeUndefined();
  });

  it('carries yesterday\u2019s late trips on past midnight', () => {
    // Trip 19 leaves the airport at 22:40 and reaches Rawai at 00:50.
    const bus = schedule.busesAt(local('00:30:00')).find((b) => b.tripId === 'rawai-airport-0-19');
    expect(bus?.startDate).toBe('20260307');
  });

  it('reads timetable clock times past midnight and holds a time that runs backwards', () => {
    expect(serviceSeconds(['23:57', '00:10', '01:17', '01:12'])).toEqual([86_220, 87_000, 91_020, 91_020]);
  });
});

