import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { z } from 'zod';

const { FeedMessage, FeedHeader } = GtfsRealtimeBindings.transit_realtime;
export type FeedEntityInput = GtfsRealtimeBindings.transit_realtime.IFeedEntity;

/** The real PKSB live GPS snapshot shipped in assets/transit/pksb/fleet.json (25 buses, 2026-03-08 14:28). */
const Fleet = z.object({
  vehicles: z.array(
    z.object({ vehicleId: z.string(), plate: z.string(), position: z.tuple([z.number(), z.number()]), speedKmh: z.number(), bearingDeg: z.number(), time: z.string() }),
  ),
});
export const liveSample = (): z.infer<typeof Fleet>['vehicles'] =>
  Fleet.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'transit', 'pksb', 'fleet.json'), 'utf8'))).vehicles;

/** The sample as its operator would publish it in GTFS-realtime (speed in m/s, times in seconds). */
export function sampleEntities(): FeedEntityInput[] {
  return liveSample().map((v) => ({
    id: v.vehicleId,
    vehicle: {
      vehicle: { id: v.vehicleId, label: v.plate },
      position: { longitude: v.position[0], latitude: v.position[1], bearing: v.bearingDeg, speed: v.speedKmh / 3.6 },
      timestamp: Math.floor(Date.parse(v.time) / 1000),
    },
  }));
}

export function encodeFeed(entities: FeedEntityInput[], headerSeconds: number | null, incrementality: 'FULL_DATASET' | 'DIFFERENTIAL' = 'FULL_DATASET'): Uint8Array<ArrayBuffer> {
  const header = { gtfsRealtimeVersion: '2.0', incrementality: FeedHeader.Incrementality[incrementality] };
  // Copied into a plain ArrayBuffer, as a fetch Response body wants.
  return Uint8Array.from(FeedMessage.encode({ header: headerSeconds === null ? header : { ...header, timestamp: headerSeconds }, entity: entities }).finish());
}
