import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, RoadSegmentState, Unit } from '../../shared/domain';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { PHUKET } from '../../electron/core/feeds/ngsi/common';
import { mapEntity } from '../../electron/core/feeds/ngsi/mapEntity';
import { recommendUnits } from '../../electron/core/routing/recommend';
import { buildRoadGraph } from '../../electron/core/routing/roadGraph';
import type { RoadGraph } from '../../electron/core/routing/roadGraph';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';

let emulator: Emulator;
const segments: RoadSegmentState[] = [];
const units: Unit[] = [];
let road: RoadGraph;

async function list(type: string): Promise<unknown[]> {
  const body: unknown = await (await fetch(`${emulator.url}/ngsi-ld/v1/entities?type=${type}&limit=1000&options=keyValues`)).json();
  return Array.isArray(body) ? body : [];
}

beforeAll(async () => {
  emulator = await startEmulator({ autoTick: false, seed: 3, startTime: '2026-11-26T13:00:00+07:00' });
  for (const raw of [...(await list('TrafficFlowObserved')), ...(await list('Vehicle'))]) {
    const mapped = mapEntity(raw, { area: PHUKET, receivedAt: 0 });
    if (mapped.ok && mapped.value.feed === 'traffic') segments.push(mapped.value.item);
    if (mapped.ok && mapped.value.feed === 'units') units.push(mapped.value.item);
  }
  road = buildRoadGraph(segments);
});
afterAll(() => emulator.close());

const at = (position: [number, number]): Incident => incidentFixture({ id: 'test', position });

describe('dispatch recommendations on the real Phuket road graph', () => {
  it('routes between every pair of EMS stations and an incident in Patong', () => {
    expect(segments.length).toBeGreaterThan(800);
    const speeds = new Map(segments.map((s) => [s.id, s.speedKmh]));
    const ranked = recommendUnits(road, speeds, at([98.2965, 7.8965]), units, 50);
    expect(ranked.length).toBeGreaterThan(3);
    for (const r of ranked) expect(Number.isFinite(r.etaSeconds) && r.etaSeconds > 0).toBe(true);
    const started = performance.now();
    for (let i = 0; i < 20; i++) recommendUnits(road, speeds, at([98.2965, 7.8965]), units, 50);
    console.log(`ETA for ${ranked.length} candidate units over ${segments.length} segments: ${((performance.now() - started) / 20).toFixed(1)} ms per recommendation`);
  });

  it('lets a farther unit on free roads outrank a nearer one stuck in a jam', () => {
    const incident = at([98.2965, 7.8965]);
    const free = new Map(segments.map((s) => [s.id, s.freeFlowKmh ?? 40]));
    const ranked = recommendUnits(road, free, incident, units, 50);
    const [first, second] = ranked.filter((r) => r.agency !== 'marine-rescue');
    if (!first || !second) throw new Error('need two road units');
    expect(first.distanceMeters).toBeLessThan(second.distanceMeters * 1.5);
    // Jam every segment within 2 km of the best unit: it is now the nearer one, but slower to arrive.
    const stuck = units.find((u) => u.id === first.unitId);
    if (!stuck) throw new Error('unit vanished');
    const jammed = new Map(free);
    for (const s of segments) if (s.path.some((p) => road.ruler.distance(p, stuck.position) < 2000)) jammed.set(s.id, 3);
    const reranked = recommendUnits(road, jammed, incident, units, 50).filter((r) => r.agency !== 'marine-rescue');
    const stuckNow = reranked.findIndex((r) => r.unitId === first.unitId);
    expect(stuckNow).toBeGreaterThan(0);
    // The new first choice is farther away than the jammed unit, measured on the roads in free flow.
    const winner = ranked.find((r) => r.unitId === reranked[0]!.unitId);
    expect(winner!.distanceMeters).toBeGreaterThan(first.distanceMeters);
    expect(reranked[0]!.etaSeconds).toBeLessThan(reranked[stuckNow]!.etaSeconds);
  });
});
