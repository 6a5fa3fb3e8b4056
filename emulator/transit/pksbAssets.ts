import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PKSB_DIR = join(import.meta.dirname, '..', '..', 'assets', 'transit', 'pksb');

const Position = z.tuple([z.number().finite(), z.number().finite()]);

const LinesFile = z.object({
  features: z.array(
    z.object({
      properties: z.object({ routeId: z.string().min(1), directionId: z.number().int().min(0).max(1), name: z.string() }),
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
    }),
  ),
});

const HhMm = z.string().regex(/^\d{2}:\d{2}$/);
const TimetableFile = z.object({
  route: z.string().min(1),
  direction: z.string(),
  stops: z.array(z.object({ id: z.string(), name: z.string(), lat: z.number().finite(), lng: z.number().finite() })).min(2),
  /** null: the trip does not serve that stop (the first runs of the day start part-way). */
  departures: z.array(z.object({ trip: z.number().int(), times: z.array(HhMm.nullable()) })),
});

const FleetFile = z.object({
  vehicles: z.array(
    z.object({
      vehicleId: z.string().min(1),
      plate: z.string().min(1),
      position: Position,
      speedKmh: z.number().finite(),
      bearingDeg: z.number().finite(),
      time: z.iso.datetime({ offset: true }),
    }),
  ),
});

export type LinesFile = z.infer<typeof LinesFile>;
export type TimetableFile = z.infer<typeof TimetableFile>;
export type FleetFile = z.infer<typeof FleetFile>;

export interface PksbAssets {
  readonly lines: LinesFile;
  /** Airport → Rawai (direction 0) and Rawai → Airport (direction 1). */
  readonly timetables: readonly [TimetableFile, TimetableFile];
  readonly fleet: FleetFile;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(PKSB_DIR, file), 'utf8'));

export function loadPksbAssets(): PksbAssets {
  return {
    lines: LinesFile.parse(readJson('lines.geojson')),
    timetables: [TimetableFile.parse(readJson('airport-to-rawai.json')), TimetableFile.parse(readJson('rawai-to-airport.json'))],
    fleet: FleetFile.parse(readJson('fleet.json')),
  };
}

let cached: PksbAssets | undefined;
/** The shipped data never changes while the process runs, and tests start many emulators. */
export function pksbAssets(): PksbAssets {
  cached ??= loadPksbAssets();
  return cached;
}
