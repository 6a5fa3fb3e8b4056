import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LonLat } from './geo';
import type { RoadWay } from './roadGraph';

const BASEMAP_DIR = join(import.meta.dirname, '..', '..', 'assets', 'basemap');

const Position = z.tuple([z.number(), z.number()]);

const RoadsFile = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
      properties: z.object({
        id: z.string(),
        highway: z.string(),
        name: z.string().optional(),
        ref: z.string().optional(),
        lanes: z.string().optional(),
      }),
    }),
  ),
});

const PoiFile = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ type: z.literal('Point'), coordinates: Position }),
      properties: z.object({ id: z.string(), amenity: z.string(), name: z.string().optional(), name_th: z.string().optional() }),
    }),
  ),
});

export interface Poi {
  readonly id: string;
  readonly amenity: string;
  readonly name: string;
  readonly location: LonLat;
}

export interface Basemap {
  readonly ways: readonly RoadWay[];
  readonly pois: readonly Poi[];
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(BASEMAP_DIR, file), 'utf8'));

/** OSM lanes is free text ("2", "2;3"); the first integer is all we need for intensity. */
function parseLanes(lanes: string | undefined): number | null {
  const n = lanes === undefined ? NaN : Number.parseInt(lanes, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function loadBasemap(): Basemap {
  const roads = RoadsFile.parse(readJson('roads.geojson'));
  const pois = PoiFile.parse(readJson('poi.geojson'));
  return {
    ways: roads.features.map((f) => ({
      id: f.properties.id,
      highway: f.properties.highway,
      name: f.properties.name ?? null,
      ref: f.properties.ref ?? null,
      lanes: parseLanes(f.properties.lanes),
      coordinates: f.geometry.coordinates,
    })),
    pois: pois.features.map((f) => ({
      id: f.properties.id,
      amenity: f.properties.amenity,
      name: f.properties.name ?? f.properties.name_th ?? f.properties.id,
      location: f.geometry.coordinates,
    })),
  };
}

let cached: Basemap | undefined;
/** The basemap never changes while the process runs, and tests start many cities. */
export function basemap(): Basemap {
  cached ??= loadBasemap();
  return cached;
}
