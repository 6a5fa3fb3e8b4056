import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceToLineM } from '../city/geo';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { pksbAssets } from './pksbAssets';
import { VEHICLE_POSITIONS_PATH } from './gtfsRtPublisher';

const { FeedMessage, FeedHeader } = GtfsRealtimeBindings.transit_realtime;

let emu: Emulator;
// 14:28 in Phuket, the minute of the live GPS sample: all three lines are running.
beforeAll(async () => {
  emu = await startEmulator({ seed: 3, startTime: '2026-03-08T07:28:43Z', autoTick: false, embeddedBroker: false });
});
afterAll(() => emu.close());

const get = (headers: Record<string, string> = {}) => fetch(`${emu.url}${VEHICLE_POSITIONS_PATH}`, { headers });
async function feed() {
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/x-protobuf');
  return FeedMessage.decode(new Uint8Array(await res.arrayBuffer()));
}
const lineOf = (routeId: string, directionId: number) =>
  pksbAssets().lines.features.find((f) => f.properties.routeId === routeId && f.properties.directionId === directionId)?.geometry.coordinates ?? [];

describe('GTFS-realtime publisher', () => {
  it('serves a FULL_DATASET of VehiclePositions stamped with the simulated time on the platform clock', async () => {
    const message = await feed();
    expect(message.header.gtfsRealtimeVersion).toBe('2.0');
    expect(message.header.incrementality).toBe(FeedHeader.Incrementality.FULL_DATASET);
    expect(Number(message.header.timestamp)).toBe(Math.floor(emu.platformNow() / 1000));
    expect(message.entity.length).toBeGreaterThan(5);
    for (const e of message.entity) {
      expect(e.id).toBe(e.vehicle?.vehicle?.id);
      expect(e.vehicle?.vehicle?.label).toMatch(/^10-\d{4}$/);
      expect(e.vehicle?.position?.bearing).toBeGreaterThanOrEqual(0);
      expect(Number(e.vehicle?.timestamp)).toBe(Number(message.header.timestamp));
    }
  });

  it('moves each bus along its own route line between two ticks, keeping its entity id', async () => {
    const before = await feed();
    emu.step(20);
    const after = await feed();
    const earlier = new Map(before.entity.map((e) => [e.id, e.vehicle]));
    let moved = 0;
    for (const e of after.entity) {
      const v = e.vehicle;
      const lat = v?.position?.latitude ?? 0;
      const lon = v?.position?.longitude ?? 0;
      const line = lineOf(v?.trip?.routeId ?? '', v?.trip?.directionId ?? -1);
      expect(distanceToLineM([lon, lat], line), `${e.id} on ${v?.trip?.tripId}`).toBeLessThan(30);
      const was = earlier.get(e.id);
      if (was?.trip?.tripId === v?.trip?.tripId && (was?.position?.latitude !== lat || was?.position?.longitude !== lon)) moved++;
    }
    expect(moved).toBeGreaterThan(3);
  });

  it('answers 304 to the same ETag while the simulated second is the same, and new bytes after a tick', async () => {
    const first = await get();
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await get({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    emu.step(5);
    const later = await get({ 'If-None-Match': etag });
    expect(later.status).toBe(200);
    expect(later.headers.get('etag')).not.toBe(etag);
  });

  it('refuses other methods on its path and leaves other paths alone', async () => {
    const post = await fetch(`${emu.url}${VEHICLE_POSITIONS_PATH}`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await fetch(`${emu.url}/gtfs-rt/other.pb`)).status).toBe(404);
  });
});
