import Database from 'better-sqlite3';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { PMTiles, TileType } from 'pmtiles';
import type { RangeResponse, Source } from 'pmtiles';
import { z } from 'zod';
import { SiteTiles } from '../../shared/contract';
import type { SiteTilesBytes, SiteTilesMode, SiteTilesRequest } from '../../shared/contract';

/** A site's tiles opened from local disk: what they are, and their bytes on request. Nothing leaves the machine. */
export interface SiteTilesReader {
  readonly info: SiteTiles;
  read(request: SiteTilesRequest): Promise<SiteTilesBytes>;
  close(): Promise<void>;
}

const PMTILES_MAGIC = 'PMTiles';
const SQLITE_MAGIC = 'SQLite format 3\0';
const TILE_TYPES: Partial<Record<TileType, 'vector' | 'png' | 'jpg' | 'webp'>> = {
  [TileType.Mvt]: 'vector',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
};
const VectorLayers = z.object({ vector_layers: z.array(z.object({ id: z.string().min(1).max(100) })).max(100) });
const Meta = z.object({ name: z.string().max(200).optional(), attribution: z.string().max(300).optional() });

const layersOf = (json: unknown): string[] => VectorLayers.safeParse(json).data?.vector_layers.map((l) => l.id) ?? [];
const gunzipped = (bytes: Buffer): Buffer => (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
const refuse = (request: SiteTilesRequest, archive: string): never => {
  throw new Error(`site tiles: a ${archive} archive is read by ${archive === 'pmtiles' ? 'byte range' : 'tile'}, not by ${request.kind}`);
};

async function readRange(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

async function openPmtiles(file: string, handle: FileHandle, mode: SiteTilesMode): Promise<SiteTilesReader> {
  const source: Source = {
    getKey: () => file,
    getBytes: async (offset, length): Promise<RangeResponse> => {
      // A fresh ArrayBuffer of exactly these bytes (a Buffer may be a view into a shared pool).
      return { data: new Uint8Array(await readRange(handle, offset, length)).buffer };
    },
  };
  const archive = new PMTiles(source);
  const header = await archive.getHeader();
  const tileType = TILE_TYPES[header.tileType];
  if (!tileType) throw new Error(`unsupported PMTiles tile type ${header.tileType}`);
  const metadata = await archive.getMetadata();
  const meta = Meta.safeParse(metadata).data ?? {};
  return {
    info: SiteTiles.parse({
      ok: true,
      archive: 'pmtiles',
      mode,
      tileType,
      minzoom: header.minZoom,
      maxzoom: header.maxZoom,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      layers: layersOf(metadata),
      name: meta.name ?? file.split(/[\\/]/).pop() ?? 'site tiles',
      ...(meta.attribution ? { attribution: meta.attribution } : {}),
    }),
    read: async (request) => (request.kind === 'range' ? { data: (await readRange(handle, request.offset, request.length)).toString('base64') } : refuse(request, 'pmtiles')),
    close: () => handle.close(),
  };
}

function openMbtiles(file: string, mode: SiteTilesMode): SiteTilesReader {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const metadata = new Map(db.prepare<[], { name: string; value: string }>('SELECT name, value FROM metadata').all().map((row) => [row.name, row.value]));
  const format = metadata.get('format') ?? 'pbf';
  const tileType = format === 'pbf' ? 'vector' : format === 'jpeg' ? 'jpg' : format;
  const bounds = metadata.get('bounds')?.split(',').map(Number);
  let json: unknown = null;
  try {
    json = JSON.parse(metadata.get('json') ?? 'null');
  } catch {
    json = null;
  }
  const tile = db.prepare<[number, number, number], { tile_data: Buffer }>('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    info: SiteTiles.parse({
      ok: true,
      archive: 'mbtiles',
      mode,
      tileType,
      minzoom: Number(metadata.get('minzoom') ?? 0),
      maxzoom: Number(metadata.get('maxzoom') ?? 14),
      ...(bounds?.length === 4 ? { bounds } : {}),
      layers: layersOf(json),
      name: metadata.get('name') ?? file.split(/[\\/]/).pop() ?? 'site tiles',
      ...(metadata.get('attribution') ? { attribution: metadata.get('attribution') } : {}),
    }),
    read: async (request) => {
      if (request.kind !== 'tile') return refuse(request, 'mbtiles');
      // MBTiles numbers rows from the south (TMS); the map asks in XYZ.
      const row = tile.get(request.z, request.x, 2 ** request.z - 1 - request.y);
      // Vector tiles are usually stored gzipped; the map wants the protobuf itself.
      return { data: row ? gunzipped(row.tile_data).toString('base64') : null };
    },
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}

/** Opens a PMTiles v3 or MBTiles file, telling them apart by their first bytes, not by the file name. */
export async function openSiteTiles(file: string, mode: SiteTilesMode): Promise<SiteTilesReader> {
  const handle = await open(file, 'r');
  try {
    const magic = (await readRange(handle, 0, 16)).toString('latin1');
    if (magic.startsWith(PMTILES_MAGIC)) return await openPmtiles(file, handle, mode);
    await handle.close();
    if (magic === SQLITE_MAGIC) return openMbtiles(file, mode);
    throw new Error('not a PMTiles v3 or MBTiles file');
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}
