import { describe, expect, it } from 'vitest';
import { Bus, itemsOf } from '../../../../shared/domain';
import { decodeVehiclePositions, GtfsRtRefused } from './decodeFeed';
import { encodeFeed, liveSample, sampleEntities } from './testFeeds';

const SAMPLE_AT = Date.parse('2026-03-08T14:28:43+07:00');
const receivedAt = SAMPLE_AT + 2_000;
const headerS = Math.floor(SAMPLE_AT / 1000) + 1;

describe('GTFS-realtime vehicle positions', () => {
  it('maps all 25 buses of the real PKSB snapshot, plates as labels, bearings and speeds kept', () => {
    const body = encodeFeed(sampleEntities(), headerS);
    const started = performance.now();
    const decoded = decodeVehiclePositions(body, receivedAt, null);
    const ms = performance.now() - started;
    expect(decoded.complete).toBe(true);
    expect(decoded.rejected).toEqual([]);
    expect(decoded.adjusted).toEqual([]);
    expect(decoded.sentAt).toBe(headerS * 1000);
    const buses = itemsOf('buses', decoded.items);
    expect(buses).toHaveLength(25);
    const sample = liveSample();
    for (const v of sample) {
      const bus = buses.find((b) => b.id === v.vehicleId);
      expect(bus?.label).toBe(v.plate);
      expect(bus?.bearingDeg).toBeCloseTo(v.bearingDeg, 3);
      expect(bus?.speedKmh).toBeCloseTo(v.speedKmh, 3);
      // float32 on the wire: within a metre.
      expect(bus?.position[0]).toBeCloseTo(v.position[0], 5);
      expect(bus?.position[1]).toBeCloseTo(v.position[1], 5);
      expect(bus?.observedAt).toBe(Math.floor(Date.parse(v.time) / 1000) * 1000);
      expect(Bus.safeParse(bus).success).toBe(true);
    }
    console.info(`25-bus feed: ${body.byteLength} bytes, decoded and mapped in ${ms.toFixed(2)} ms`);
  });

  it('refuses truncated bytes as a whole, saying why', () => {
    const body = encodeFeed(sampleEntities(), headerS);
    expect(() => decodeVehiclePositions(body.subarray(0, body.byteLength - 7), receivedAt, null)).toThrow(GtfsRtRefused);
    expect(() => decodeVehiclePositions(body.subarray(0, body.byteLength - 7), receivedAt, null)).toThrow(/not a GTFS-realtime FeedMessage/);
  });

  it('refuses garbage and an empty body', () => {
    const garbage = new TextEncoder().encode('<html><body>502 Bad Gateway</body></html>');
    expect(() => decodeVehiclePositions(garbage, receivedAt, null)).toThrow(GtfsRtRefused);
    expect(() => decodeVehiclePositions(new Uint8Array(0), receivedAt, null)).toThrow(/missing required 'header'/);
  });

  it('takes a feed with no entities as "no buses now"', () => {
    const decoded = decodeVehiclePositions(encodeFeed([], headerS), receivedAt, null);
    expect(decoded).toMatchObject({ items: [], complete: true, rejected: [] });
  });

  it('applies a DIFFERENTIAL feed as changes, with its deletions as removals', () => {
    const moved = sampleEntities().slice(0, 2);
    const decoded = decodeVehiclePositions(encodeFeed([...moved, { id: 'gone-1', isDeleted: true }], headerS, 'DIFFERENTIAL'), receivedAt, null);
    expect(decoded.complete).toBe(false);
    expect(decoded.removed).toEqual(['gone-1']);
    expect(decoded.items.map((i) => i.item.id)).toEqual(moved.map((e) => e.id));
  });

  it('refuses a body whose header is older than the last one applied, and accepts the same or newer', () => {
    const body = encodeFeed(sampleEntities(), headerS - 30);
    expect(() => decodeVehiclePositions(body, receivedAt, headerS * 1000)).toThrow(/stale feed: header .* older than the last applied/);
    expect(decodeVehiclePositions(encodeFeed(sampleEntities(), headerS), receivedAt, headerS * 1000).items).toHaveLength(25);
  });

  it('orders bodies by the header as sent, so a publisher whose clock runs ahead is not refused once its headers get clamped', () => {
    const ahead = decodeVehiclePositions(encodeFeed(sampleEntities(), headerS + 240), receivedAt, null);
    expect(ahead.headerAt).toBe((headerS + 240) * 1000);
    const further = decodeVehiclePositions(encodeFeed(sampleEntities(), headerS + 900), receivedAt + 1_000, ahead.headerAt);
    expect(further.items).toHaveLength(25);
    expect(further.sentAt).toBe(receivedAt + 1_000);
  });

  it('clamps a time in the future to the receive time, counted as adjusted', () => {
    const future = { id: 'future-1', vehicle: { position: { latitude: 7.9, longitude: 98.3 }, timestamp: Math.floor(receivedAt / 1000) + 3600 } };
    const decoded = decodeVehiclePositions(encodeFeed([future], headerS), receivedAt, null);
    expect(itemsOf('buses', decoded.items)[0]?.observedAt).toBe(receivedAt);
    expect(decoded.adjusted.join()).toMatch(/in the future; clamped/);
  });

  it('falls back to the vehicle id, then the header time; refuses a bus off the island or without a position', () => {
    const entities = [
      { id: '', vehicle: { vehicle: { id: 'v-7', licensePlate: '10-9999' }, position: { latitude: 7.9, longitude: 98.3 } } },
      { id: 'null-island', vehicle: { position: { latitude: 0, longitude: 0 } } },
      { id: 'nowhere', vehicle: { vehicle: { id: 'x' } } },
      { id: 'trip-update-only', tripUpdate: { trip: { tripId: 't1' } } },
    ];
    const decoded = decodeVehiclePositions(encodeFeed(entities, headerS), receivedAt, null);
    const [bus] = itemsOf('buses', decoded.items);
    expect(bus).toMatchObject({ id: 'v-7', label: '10-9999', bearingDeg: null, speedKmh: null, observedAt: headerS * 1000 });
    expect(decoded.items).toHaveLength(1);
    expect(decoded.rejected).toEqual([expect.stringMatching(/^null-island: .*outside the service area/), 'nowhere: no position']);
  });
});
