import { describe, expect, it } from 'vitest';
import { alertEntity, trafficEntity, vehicleEntity } from '../ngsi/entities';
import { toNormalized } from '../ngsi/entityModel';
import { City } from './city';
import { patchAlert } from './commands';
import { haversineM } from './geo';

// 03:00 and 08:00 in Phuket (UTC+7).
const NIGHT = Date.parse('2025-03-03T20:00:00Z');
const MORNING_PEAK = Date.parse('2025-03-04T01:00:00Z');

function snapshotJson(city: City): string {
  const entities = [
    ...[...city.incidents.values()].map(alertEntity),
    ...[...city.units.values()].map(vehicleEntity),
    ...city.graph.segments.map((s) => trafficEntity(s, city.traffic[s.index] ?? { averageVehicleSpeed: 0, intensity: 0, occupancy: 0, congested: false }, city.trafficObservedMs)),
  ];
  return JSON.stringify(entities.map(toNormalized));
}

const run = (seed: number): string => {
  const city = new City({ seed, startMs: MORNING_PEAK });
  for (const dt of [1, 0.5, 30, 120, 600, 5]) city.tick(dt);
  return snapshotJson(city);
};

const meanSpeed = (city: City): number => city.traffic.reduce((sum, t) => sum + t.averageVehicleSpeed / (city.profiles[0]?.freeFlowKmh ?? 1), 0) / city.traffic.length;

describe('city', () => {
  it('is deterministic: same seed and ticks give identical entities, another seed differs', () => {
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });

  it('starts mid-shift with open incidents in several statuses and busy units', () => {
    const city = new City({ seed: 5, startMs: MORNING_PEAK });
    expect(city.incidents.size).toBeGreaterThanOrEqual(8);
    expect(city.incidents.size).toBeLessThanOrEqual(15);
    const statuses = new Set([...city.incidents.values()].map((i) => i.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect([...city.incidents.values()].some((i) => i.status === 'new' && !i.auto)).toBe(true);
    expect([...city.units.values()].some((u) => u.status !== 'available')).toBe(true);
    expect(city.units.size).toBeGreaterThanOrEqual(40);
    expect(city.units.size).toBeLessThanOrEqual(60);
    expect([...city.units.keys()]).toContain('urn:ngsi-ld:Vehicle:phuket:PKT-POL-03');
  });

  it('is slower at the morning peak than at 03:00', () => {
    const peak = new City({ seed: 1, startMs: MORNING_PEAK });
    const night = new City({ seed: 1, startMs: NIGHT });
    expect(meanSpeed(peak)).toBeLessThan(meanSpeed(night) * 0.8);
  });

  it('slows the traffic around an open incident', () => {
    const city = new City({ seed: 9, startMs: NIGHT });
    for (const id of [...city.incidents.keys()]) city.incidents.delete(id);
    city.tick(10);
    const seg = city.graph.segments.find((s) => s.highway === 'primary' && city.graph.routable[s.from] && !city.profiles[s.index]?.hill);
    if (seg === undefined) throw new Error('no primary segment');
    const before = city.traffic[seg.index]?.averageVehicleSpeed ?? 0;
    const at = seg.coordinates[0] ?? [0, 0];
    city.incidents.set('urn:ngsi-ld:Alert:test', { ...structuredClone([...new City({ seed: 9, startMs: NIGHT }).incidents.values()][0]!), id: 'urn:ngsi-ld:Alert:test', status: 'new', location: [at[0], at[1]] });
    city.tick(10);
    expect(city.traffic[seg.index]?.averageVehicleSpeed ?? 0).toBeLessThan(before * 0.5);
  });

  it('drives a dispatched unit over the roads to the scene, then back to its station', () => {
    const city = new City({ seed: 3, startMs: NIGHT });
    const incident = [...city.incidents.values()].find((i) => i.status === 'new' && !i.auto);
    const unit = [...city.units.values()].find((u) => u.status === 'available' && u.agency === 'ems');
    if (incident === undefined || unit === undefined) throw new Error('fixture city lacks a new incident or a free ambulance');
    expect(patchAlert(city, incident.id, { status: 'acknowledged' })).toEqual({ ok: true });
    expect(patchAlert(city, incident.id, { status: 'dispatched', assignedUnits: [unit.id] })).toEqual({ ok: true });
    expect(unit.status).toBe('dispatched');
    const start = haversineM(unit.location, incident.location);
    city.tick(5);
    expect(haversineM(unit.location, incident.location)).toBeLessThan(start);
    expect(unit.speedKmh).toBeGreaterThan(0);
    for (let i = 0; i < 360 && unit.status === 'dispatched'; i++) city.tick(10);
    expect(unit.status).toBe('on-scene');
    expect(incident.status).toBe('on-scene');
    expect(haversineM(unit.location, incident.location)).toBeLessThan(1);
    for (let i = 0; i < 720 && unit.status !== 'available'; i++) city.tick(10);
    expect(incident.status === 'resolved' || !city.incidents.has(incident.id)).toBe(true);
    expect(unit.status).toBe('available');
    expect(haversineM(unit.location, unit.station.location)).toBeLessThan(1);
  });
});
