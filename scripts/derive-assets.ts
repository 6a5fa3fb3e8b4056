/**
 * Derives the offline basemap that ships in assets/ from the sourced data in ../shared/data
 * (see SOURCES.md there). Run once when the sources change: `npx tsx scripts/derive-assets.ts`.
 * The outputs are committed, so a clone works without ../shared.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelPoint } from '../renderer/geo/labelPoint';
import { clipRing, simplifyLine, simplifyRing } from '../renderer/geo/simplify';
import type { Position, Ring } from '../renderer/geo/simplify';

const src = process.argv[2] ?? '../shared/data';
const out = 'assets';

interface Feature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface Collection {
  type: 'FeatureCollection';
  features: Feature[];
}

function read(path: string): Collection {
  return JSON.parse(readFileSync(join(src, path), 'utf8')) as Collection;
}

/** Five decimals is about one metre: enough for a city basemap, and halves the files. */
function round(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e5) / 1e5;
  if (Array.isArray(value)) return value.map(round);
  return value;
}

/** Every polygon of a Polygon or MultiPolygon, as rings. */
function polygonsOf(f: Feature): Ring[][] {
  return (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
}

/** Simplifies polygons to `metres`, dropping parts too small to survive (rocks under the tolerance). */
function simplifyPolygons(f: Feature, metres: number): Feature | null {
  const polygons = polygonsOf(f)
    .map((rings) => rings.map((r) => simplifyRing(r, metres)).filter((r): r is Ring => r !== null))
    .filter((rings) => rings.length > 0);
  if (polygons.length === 0) return null;
  return { ...f, geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons } };
}

function simplifyLines(f: Feature, metres: number): Feature {
  if (f.geometry.type === 'LineString') return { ...f, geometry: { type: 'LineString', coordinates: simplifyLine(f.geometry.coordinates as Position[], metres) } };
  if (f.geometry.type === 'MultiLineString') return { ...f, geometry: { type: 'MultiLineString', coordinates: (f.geometry.coordinates as Position[][]).map((l) => simplifyLine(l, metres)) } };
  return f;
}

function slim(features: Feature[], keep: string[]): Feature[] {
  return features.map((f) => ({
    type: 'Feature',
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
    properties: Object.fromEntries(keep.filter((k) => f.properties[k] !== undefined && f.properties[k] !== '').map((k) => [k, f.properties[k]])),
  }));
}

function write(name: string, features: Feature[], keep: string[]): void {
  const body = JSON.stringify({ type: 'FeatureCollection', features: slim(features, keep) });
  writeFileSync(join(out, 'basemap', name), body);
  console.log(`${name}: ${features.length} features, ${Math.round(body.length / 1024)} KB`);
}

const point = (coordinates: Position, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties });
const present = <T>(x: T | null): x is T => x !== null;

mkdirSync(join(out, 'basemap'), { recursive: true });
mkdirSync(join(out, 'fonts'), { recursive: true });

// Land: the RTSD coast (via OCHA) at 5 m for the Phuket region; Natural Earth, coarser, only as context
// outside the box the RTSD extract covers (the style hides it inside that box).
const land = read('phuket/coast/phuket-region-land.hdx.geojson').features.map((f) => simplifyPolygons(f, 5)).filter(present);
write('land.geojson', land, ['name_en', 'name_th']);
/** The console may not pan out of this box (electron/core/basemap.ts maxBounds), so context beyond it is never seen. */
const CONTEXT_BOX = [96.5, 6.5, 100.5, 9.5] as const;
const clipped = (f: Feature): Feature | null => {
  const polygons = polygonsOf(f)
    .map((rings) => rings.map((r) => clipRing(r, CONTEXT_BOX)).filter(present))
    .filter((rings) => rings.length > 0);
  return polygons.length === 0 ? null : { ...f, geometry: { type: 'MultiPolygon', coordinates: polygons } };
};
write(
  'land-context.geojson',
  read('basemap/ne_10m_countries_se-asia.geojson')
    .features.map((f) => simplifyPolygons(f, 150))
    .filter(present)
    .map(clipped)
    .filter(present),
  ['NAME'],
);

// Boundaries at full resolution (5 m), with one label point each: a multi-part district would otherwise be named on every islet.
const districts = read('boundaries/tha_adm2_phuket_districts_fullres.hdx.geojson').features.map((f) => simplifyPolygons(f, 5)).filter(present);
const subdistricts = read('boundaries/tha_adm3_phuket_tambon_fullres.hdx.geojson').features.map((f) => simplifyPolygons(f, 5)).filter(present);
const boundaryProps = (level: 'district' | 'subdistrict', f: Feature) => {
  const adm = level === 'district' ? 'ADM2' : 'ADM3';
  return { level, code: f.properties[`${adm}_PCODE`], name_en: f.properties[`${adm}_EN`], name_th: f.properties[`${adm}_TH`] };
};
const boundaryLines = [...districts.map((f) => ({ ...f, properties: boundaryProps('district', f) })), ...subdistricts.map((f) => ({ ...f, properties: boundaryProps('subdistrict', f) }))];
write('boundaries.geojson', boundaryLines, ['level', 'code']);
write(
  'boundary-labels.geojson',
  boundaryLines.map((f) => point(labelPoint(polygonsOf(f)), f.properties)),
  ['level', 'code', 'name_en', 'name_th'],
);

// The renderer's point → subdistrict lookup (queue filter, incident detail): coarser, it only has to say which tambon.
const lookup = subdistricts.map((f) => {
  const polygons = polygonsOf(simplifyPolygons(f, 15) ?? f);
  return {
    code: f.properties['ADM3_PCODE'],
    en: f.properties['ADM3_EN'],
    th: f.properties['ADM3_TH'],
    district: { code: f.properties['ADM2_PCODE'], en: f.properties['ADM2_EN'], th: f.properties['ADM2_TH'] },
    polygons: round(polygons),
  };
});
writeFileSync(
  'renderer/geo/subdistrictData.ts',
  `/** Generated by scripts/derive-assets.ts from OCHA / RTSD boundaries (CC BY-IGO): do not edit. Validated where it is read. */\nexport const SUBDISTRICT_DATA: unknown = ${JSON.stringify(lookup)};\n`,
);
console.log(`renderer/geo/subdistrictData.ts: ${lookup.length} subdistricts`);

write('roads.geojson', read('phuket/roads/phuket-roads-primary-secondary.osm.geojson').features, ['id', 'highway', 'name', 'ref', 'lanes']);
write(
  'water.geojson',
  read('phuket/water/phuket-waterways.osm.geojson')
    .features.filter((f) => f.properties['waterway'] !== 'dam')
    .map((f) => simplifyLines(f, 3)),
  ['id', 'waterway', 'name', 'name_th', 'name_en'],
);
write(
  'poi.geojson',
  read('phuket/poi/phuket-poi-emergency-health-education.osm.geojson').features.filter((f) => ['police', 'fire_station', 'hospital'].includes(String(f.properties['amenity']))),
  ['id', 'amenity', 'name', 'name_th', 'phone'],
);
write('airport.geojson', read('phuket/poi/hkt-airport.ourairports.geojson').features.filter((f) => ['runway', 'aerodrome'].includes(String(f.properties['kind']))), [
  'kind',
  'iata_code',
  'designator',
  'name_en',
  'name_th',
]);

/** What a Smart Bus stop or pier names, so the map can draw it as a landmark (not as a bus stop). */
function landmarkKind(en: string, th: string): string {
  if (/beach/i.test(en) || th.startsWith('หาด')) return 'beach';
  if (/pier|island/i.test(en)) return 'pier';
  if (/hotel|resort|inn\b|ozo|palm|blossom|cannacia|woraburi|cliff|intercontinental|beyond|laguna|natkamon/i.test(en)) return 'hotel';
  if (/school|campus/i.test(en)) return 'school';
  if (/hospital|health/i.test(en)) return 'health';
  if (/market|big c|lotus|makro|plaza|chillva|mc donald|coffee|cafe|ptt/i.test(en)) return 'shop';
  if (/terminal|parking|bus stop/i.test(en)) return 'transport';
  if (/temple|museum|park|tower|circle|stadium|fantasea|waterpark|limelight|cemetery/i.test(en)) return 'sight';
  return 'place';
}
const stops = [...read('phuket/transit/pksb/bus_stop_all.geojson').features, ...read('phuket/transit/pksb/ferry_stops.geojson').features];
const landmarks = new Map<string, Feature>();
for (const f of stops) {
  const en = String(f.properties['stop_name_eng'] ?? '').trim();
  const th = String(f.properties['stop_name_th'] ?? '').trim();
  // The airport is drawn from OurAirports; the same stop served both ways is one landmark.
  if (!en || /airport/i.test(en) || landmarks.has(en)) continue;
  landmarks.set(en, point(f.geometry.coordinates as Position, { name_en: en, name_th: th || en, kind: landmarkKind(en, th) }));
}
write('landmarks.geojson', [...landmarks.values()], ['name_en', 'name_th', 'kind']);

for (const stack of ['Noto Sans Regular', 'Noto Sans Bold']) {
  cpSync(join(src, 'glyphs', stack), join(out, 'glyphs', stack), { recursive: true });
}
copyFileSync(join(src, 'glyphs', 'OFL-1.1.txt'), join(out, 'glyphs', 'OFL-1.1.txt'));
for (const weight of ['Regular', 'Bold']) {
  copyFileSync(`/usr/share/fonts/truetype/noto/NotoSansThai-${weight}.ttf`, join(out, 'fonts', `NotoSansThai-${weight}.ttf`));
}
