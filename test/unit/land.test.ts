import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import CheapRuler from 'cheap-ruler';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const BASEMAP = join(import.meta.dirname, '..', '..', 'assets', 'basemap');
const Position = z.tuple([z.number(), z.number()]);
const Ring = z.array(Position).min(4);
const Land = z.object({
  features: z.array(
    z.object({
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
      ]),
    }),
  ),
});
const Roads = z.object({ features: z.array(z.object({ geometry: z.object({ coordinates: z.array(Position) }), properties: z.object({ id: z.string(), name: z.string().optional() }) })) });
const Points = z.object({ features: z.array(z.object({ geometry: z.object({ coordinates: Position }), properties: z.record(z.string(), z.unknown()) })) });

const read = (file: string): unknown => JSON.parse(readFileSync(join(BASEMAP, file), 'utf8'));
const land = Land.parse(read('land.geojson')).features.map((f) => f.geometry);
const ruler = new CheapRuler(7.9, 'meters');
const rings = land.flatMap((g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()));

const onLand = (p: [number, number]) => land.some((g) => booleanPointInPolygon(p, g));
/** Metres from a point to the nearest coast (any ring of the shipped land). */
const toCoast = (p: [number, number]) => Math.min(...rings.map((r) => ruler.distance(p, ruler.pointOnLine(r, p).point)));

/**
 * Ways allowed to leave the land, each with why. A bridge or pier may stand over water, but only
 * within 50 m of the coast: anything farther out is a wrong map, not a bridge.
 */
const OVER_WATER: Record<string, string> = {};
const ALLOWED_METRES = 50;

describe('the shipped basemap puts the city on land', () => {
  it('has every road vertex on the shipped land (bridges and piers within 50 m listed)', () => {
    const roads = Roads.parse(read('roads.geojson')).features;
    const offshore = roads.flatMap((f) => f.geometry.coordinates.filter((c) => !onLand(c)).map((c) => ({ id: f.properties.id, name: f.properties.name, c, metres: toCoast(c) })));
    const unexplained = offshore.filter((o) => !(o.id in OVER_WATER && o.metres <= ALLOWED_METRES));
    const vertices = roads.reduce((n, f) => n + f.geometry.coordinates.length, 0);
    console.log(`land test: ${vertices} road vertices on ${roads.length} ways; ${offshore.length} off the land (${new Set(offshore.map((o) => o.id)).size} ways), ${offshore.length - unexplained.length} allowed`);
    expect(vertices).toBe(10_281);
    expect(unexplained).toEqual([]);
    // An allowance nothing needs any more is removed, so the list says only what is true.
    for (const id of Object.keys(OVER_WATER)) expect(offshore.some((o) => o.id === id)).toBe(true);
  });

  it('has every emergency station (police, fire, hospital) on the shipped land', () => {
    const poi = Points.parse(read('poi.geojson')).features;
    const offshore = poi.filter((f) => !onLand(f.geometry.coordinates)).map((f) => f.properties['name'] ?? f.properties['id']);
    console.log(`land test: ${poi.length} emergency stations, ${offshore.length} off the land`);
    expect(poi.length).toBeGreaterThan(60);
    expect(offshore).toEqual([]);
  });

  it('would catch a coarse coast: Natural Earth land puts hundreds of road vertices in the sea', () => {
    const coarse = Land.parse(read('land-context.geojson')).features.map((f) => f.geometry);
    const roads = Roads.parse(read('roads.geojson')).features;
    const wet = roads.flatMap((f) => f.geometry.coordinates).filter((c) => !coarse.some((g) => booleanPointInPolygon(c, g)));
    expect(wet.length).toBeGreaterThan(100);
  });
});
