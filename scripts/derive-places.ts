/**
 * Derives the call-taker's offline places index, assets/places/places.json, from ../shared/data (see
 * SOURCES.md there): the 17 subdistricts (OCHA / RTSD), the Phuket Smart Bus stops (their Thai and English
 * names cover beaches, hotels and landmarks), OSM police, fire, health and school POIs, and the named primary
 * and secondary roads. Each place carries its district and subdistrict. Run once when the sources change:
 * `npx tsx scripts/derive-places.ts`; the output is committed.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PlacesFile } from '../renderer/places/placeData.ts';
import type { BilingualName, Place } from '../renderer/places/placeData.ts';

const src = process.argv[2] ?? '../shared/data';
const Pos = z.tuple([z.number(), z.number()]);
const Ring = z.array(Pos);
const Feature = <P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) => z.object({ properties, geometry });
const Collection = <F extends z.ZodType>(feature: F) => z.object({ features: z.array(feature) });

const read = <T extends z.ZodType>(path: string, schema: T): z.infer<T> => schema.parse(JSON.parse(readFileSync(join(src, path), 'utf8')));
const round = (n: number) => Math.round(n * 1e5) / 1e5;
const both = (en: string | undefined, th: string | undefined): BilingualName | null => {
  const e = en?.trim() ?? '';
  const t = th?.trim() ?? '';
  if (!e && !t) return null;
  return { en: e || t, th: t || e };
};

const tambons = read(
  'boundaries/tha_adm3_phuket_tambon_fullres.hdx.geojson',
  Collection(
    Feature(
      z.object({ ADM3_EN: z.string(), ADM3_TH: z.string(), ADM3_PCODE: z.string(), ADM2_EN: z.string(), ADM2_TH: z.string() }),
      z.union([z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }), z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) })]),
    ),
  ),
).features.map((f) => ({
  subdistrict: { en: f.properties.ADM3_EN, th: f.properties.ADM3_TH },
  district: { en: f.properties.ADM2_EN, th: f.properties.ADM2_TH },
  code: f.properties.ADM3_PCODE,
  polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
}));

/** The tambon a point lies in; for a point at sea or on a border, the one with the nearest vertex. */
function tambonAt(lon: number, lat: number): (typeof tambons)[number] {
  const inside = tambons.find((t) => t.polygons.some((p) => booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: p })));
  if (inside) return inside;
  const dist = (t: (typeof tambons)[number]) => Math.min(...t.polygons.flatMap((p) => (p[0] ?? []).map(([x, y]) => Math.hypot((x - lon) * Math.cos((lat * Math.PI) / 180), y - lat))));
  return tambons.reduce((best, t) => (dist(t) < dist(best) ? t : best));
}

function place(id: string, kind: Place['kind'], name: BilingualName, lon: number, lat: number): Place {
  const t = tambonAt(lon, lat);
  return { id, kind, name, lon: round(lon), lat: round(lat), district: t.district, subdistrict: t.subdistrict };
}

/** A label point for a tambon: the middle of its largest ring's bounding box, moved to the nearest vertex if outside. */
function tambonPoint(t: (typeof tambons)[number]): [number, number] {
  const ring = t.polygons.map((p) => p[0] ?? []).reduce((a, b) => (b.length > a.length ? b : a));
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const mid: [number, number] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  if (booleanPointInPolygon(mid, { type: 'Polygon', coordinates: [ring] })) return mid;
  return ring.reduce((a, b) => (Math.hypot(b[0] - mid[0], b[1] - mid[1]) < Math.hypot(a[0] - mid[0], a[1] - mid[1]) ? b : a));
}

const places: Place[] = tambons.map((t) => {
  const [lon, lat] = tambonPoint(t);
  return { ...place(`tambon:${t.code}`, 'subdistrict', t.subdistrict, lon, lat), district: t.district, subdistrict: t.subdistrict };
});

const seen = new Set<string>();
for (const f of read('phuket/transit/pksb/bus_stop_all.geojson', Collection(Feature(z.object({ no: z.number(), stop_name_th: z.string(), stop_name_eng: z.string() }), z.object({ coordinates: Pos })))).features) {
  const name = both(f.properties.stop_name_eng, f.properties.stop_name_th);
  // Each stop is listed once per direction; one place is enough.
  if (!name || seen.has(name.en.toLowerCase())) continue;
  seen.add(name.en.toLowerCase());
  places.push(place(`stop:${f.properties.no}`, 'stop', name, f.geometry.coordinates[0], f.geometry.coordinates[1]));
}

for (const f of read('phuket/poi/phuket-poi-emergency-health-education.osm.geojson', Collection(Feature(z.object({ id: z.string(), name: z.string(), name_th: z.string() }), z.object({ type: z.literal('Point'), coordinates: Pos })))).features) {
  const thai = /[\u0E00-\u0E7F]/.test(f.properties.name);
  // name_th is sometimes another English name: only Thai script counts as the Thai name.
  const thaiName = /[\u0E00-\u0E7F]/.test(f.properties.name_th) ? f.properties.name_th : undefined;
  const name = thai ? both(undefined, f.properties.name) : both(f.properties.name, thaiName);
  if (!name || /^(police|school|hospital|clinic)$/i.test(name.en)) continue;
  places.push(place(`poi:${f.properties.id}`, 'poi', name, f.geometry.coordinates[0], f.geometry.coordinates[1]));
}

// One place per named road, at the middle vertex of its longest way; refs and placeholder names are not places.
const roads = new Map<string, [number, number][]>();
for (const f of read('phuket/roads/phuket-roads-primary-secondary.osm.geojson', Collection(Feature(z.object({ name: z.string() }), z.object({ type: z.literal('LineString'), coordinates: z.array(Pos) })))).features) {
  const name = f.properties.name.trim();
  if (!/[a-z]{3}/i.test(name) || /^(primary|secondary)$/i.test(name)) continue;
  const known = roads.get(name);
  if (!known || f.geometry.coordinates.length > known.length) roads.set(name, f.geometry.coordinates);
}
for (const [name, line] of roads) {
  const mid = line[Math.floor(line.length / 2)];
  if (mid) places.push(place(`road:${name.toLowerCase().replace(/\W+/g, '-')}`, 'road', { en: name, th: name }, mid[0], mid[1]));
}

const file = PlacesFile.parse({ version: 1, places });
mkdirSync('assets/places', { recursive: true });
writeFileSync('assets/places/places.json', JSON.stringify(file));
console.log(`assets/places/places.json: ${file.places.length} places`);
