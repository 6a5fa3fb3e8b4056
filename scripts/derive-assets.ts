/**
 * Derives the offline basemap that ships in assets/ from the sourced data in ../shared/data
 * (see SOURCES.md there). Run once when the sources change: `npx tsx scripts/derive-assets.ts`.
 * The outputs are committed, so a clone works without ../shared.
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

function write(name: string, features: Feature[], keep: string[]): void {
  const slim = features.map((f) => ({
    type: 'Feature',
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
    properties: Object.fromEntries(keep.filter((k) => f.properties[k] !== undefined && f.properties[k] !== '').map((k) => [k, f.properties[k]])),
  }));
  writeFileSync(join(out, 'basemap', name), JSON.stringify({ type: 'FeatureCollection', features: slim }));
  console.log(`${name}: ${slim.length} features`);
}

mkdirSync(join(out, 'basemap'), { recursive: true });
mkdirSync(join(out, 'fonts'), { recursive: true });

write('land.geojson', read('basemap/ne_10m_countries_se-asia.geojson').features, ['NAME', 'name']);
write(
  'districts.geojson',
  read('boundaries/tha_adm2_districts_simplified.hdx.geojson').features.filter((f) => f.properties['ADM1_PCODE'] === 'TH83'),
  ['ADM2_PCODE', 'ADM2_EN', 'ADM2_TH'],
);
write('roads.geojson', read('phuket/roads/phuket-roads-primary-secondary.osm.geojson').features, ['id', 'highway', 'name', 'ref', 'lanes']);
write(
  'water.geojson',
  read('phuket/water/phuket-waterways.osm.geojson').features.filter((f) => f.properties['waterway'] !== 'dam'),
  ['id', 'waterway', 'name', 'name_th', 'name_en'],
);
write(
  'poi.geojson',
  read('phuket/poi/phuket-poi-emergency-health-education.osm.geojson').features.filter((f) =>
    ['police', 'fire_station', 'hospital'].includes(String(f.properties['amenity'])),
  ),
  ['id', 'amenity', 'name', 'name_th', 'phone'],
);

for (const stack of ['Noto Sans Regular', 'Noto Sans Bold']) {
  cpSync(join(src, 'glyphs', stack), join(out, 'glyphs', stack), { recursive: true });
}
copyFileSync(join(src, 'glyphs', 'OFL-1.1.txt'), join(out, 'glyphs', 'OFL-1.1.txt'));
for (const weight of ['Regular', 'Bold']) {
  copyFileSync(`/usr/share/fonts/truetype/noto/NotoSansThai-${weight}.ttf`, join(out, 'fonts', `NotoSansThai-${weight}.ttf`));
}
