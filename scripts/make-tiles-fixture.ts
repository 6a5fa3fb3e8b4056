/**
 * Builds the site-tiles test fixtures from the shipped basemap: `npx tsx scripts/make-tiles-fixture.ts`.
 * A PMTiles v3 archive and an MBTiles file with the same vector tiles (layers `land` and `roads`,
 * zoom 9–11 over Phuket), as a site would drop in with PHUKET_BASEMAP_TILES. Written by hand (the
 * format is small) so no tile tool or network is needed.
 */
import Database from 'better-sqlite3';
import GeoJSONVT from 'geojson-vt';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** vt-pbf ships no types: the one function used, typed here. */
const vtpbf: { fromGeojsonVt(layers: Record<string, unknown>, options: { version: number }): Uint8Array } = createRequire(import.meta.url)('vt-pbf');

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test', 'fixtures', 'tiles');
const BOX = [98.24, 7.75, 98.46, 8.2] as const;
const [MIN_ZOOM, MAX_ZOOM] = [9, 11];
const ZOOMS = [9, 10, 11];

const readGeojson = (name: string) => JSON.parse(readFileSync(join(ROOT, 'assets', 'basemap', name), 'utf8'));
const layers = {
  land: new GeoJSONVT(readGeojson('land.geojson'), { maxZoom: 11, indexMaxZoom: 11 }),
  roads: new GeoJSONVT(readGeojson('roads.geojson'), { maxZoom: 11, indexMaxZoom: 11 }),
};

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * 2 ** z);

interface Tile {
  z: number;
  x: number;
  y: number;
  data: Buffer;
}
const tiles: Tile[] = [];
for (const z of ZOOMS) {
  for (let x = lonToX(BOX[0], z); x <= lonToX(BOX[2], z); x++) {
    for (let y = latToY(BOX[3], z); y <= latToY(BOX[1], z); y++) {
      const parts = Object.fromEntries(Object.entries(layers).map(([name, index]) => [name, index.getTile(z, x, y)]).filter(([, tile]) => tile));
      if (Object.keys(parts).length === 0) continue;
      tiles.push({ z, x, y, data: Buffer.from(vtpbf.fromGeojsonVt(parts, { version: 2 })) });
    }
  }
}
const metadata = { name: 'Phuket fixture', attribution: 'Fixture from the shipped basemap', vector_layers: [{ id: 'land', fields: {} }, { id: 'roads', fields: { highway: 'String' } }] };

function varint(n: number, out: number[]): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

/** PMTiles v3: header, root directory, metadata, tile data; no compression inside, so any reader can check it. */
function pmtiles(): Buffer {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const entry = { ...e, offset };
    offset += e.data.length;
    return entry;
  });
  const dir: number[] = [];
  varint(placed.length, dir);
  let last = 0;
  for (const e of placed) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (let i = 0; i < placed.length; i++) varint(1, dir);
  for (const e of placed) varint(e.data.length, dir);
  placed.forEach((e, i) => varint(i > 0 ? 0 : e.offset + 1, dir));
  const root = Buffer.from(dir);
  const meta = Buffer.from(JSON.stringify(metadata));
  const data = Buffer.concat(placed.map((e) => e.data));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const u64 = (at: number, n: number) => header.writeBigUInt64LE(BigInt(n), at);
  u64(8, 127);
  u64(16, root.length);
  u64(24, 127 + root.length);
  u64(32, meta.length);
  u64(40, 0);
  u64(48, 0);
  u64(56, 127 + root.length + meta.length);
  u64(64, data.length);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  header.writeUInt8(1, 96); // clustered: entries in tile-id order, data in the same order
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(MIN_ZOOM, 100);
  header.writeUInt8(MAX_ZOOM, 101);
  const e7 = (at: number, deg: number) => header.writeInt32LE(Math.round(deg * 1e7), at);
  e7(102, BOX[0]);
  e7(106, BOX[1]);
  e7(110, BOX[2]);
  e7(114, BOX[3]);
  header.writeUInt8(10, 118);
  e7(119, (BOX[0] + BOX[2]) / 2);
  e7(123, (BOX[1] + BOX[3]) / 2);
  return Buffer.concat([header, root, meta, data]);
}

/** MBTiles 1.3: the same tiles gzipped, as tile tools store them, rows numbered from the south. */
function mbtiles(file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB); CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name: metadata.name, format: 'pbf', minzoom: String(MIN_ZOOM), maxzoom: String(MAX_ZOOM), bounds: BOX.join(','), attribution: metadata.attribution, json: JSON.stringify({ vector_layers: metadata.vector_layers }) })) meta.run(k, v);
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const t of tiles) insert.run(t.z, t.x, 2 ** t.z - 1 - t.y, gzipSync(t.data));
  })();
  db.close();
}

mkdirSync(OUT, { recursive: true });
const archive = pmtiles();
writeFileSync(join(OUT, 'phuket.pmtiles'), archive);
mbtiles(join(OUT, 'phuket.mbtiles'));
console.log(`${tiles.length} tiles; phuket.pmtiles ${Math.round(archive.length / 1024)} KB`);
