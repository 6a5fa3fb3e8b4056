import type { BasemapManifest, SiteTiles, SiteTilesBytes, SiteTilesRequest } from '../../shared/contract';
import { SiteTilesMode } from '../../shared/contract';
import { log } from './log/logger';
import { openSiteTiles } from './siteTiles';
import type { SiteTilesReader } from './siteTiles';

/** The offline basemap shipped in assets/ (derived by scripts/derive-assets.ts; sources and licences in README). */
export const basemapManifest: BasemapManifest = {
  sources: [
    { kind: 'land-context', path: 'basemap/land-context.geojson' },
    { kind: 'land', path: 'basemap/land.geojson' },
    { kind: 'boundaries', path: 'basemap/boundaries.geojson' },
    { kind: 'boundary-labels', path: 'basemap/boundary-labels.geojson' },
    { kind: 'water', path: 'basemap/water.geojson' },
    { kind: 'roads', path: 'basemap/roads.geojson' },
    { kind: 'poi', path: 'basemap/poi.geojson' },
    { kind: 'landmarks', path: 'basemap/landmarks.geojson' },
    { kind: 'airport', path: 'basemap/airport.geojson' },
  ],
  glyphs: 'glyphs/{fontstack}/{range}.pbf',
  thaiFont: 'fonts/NotoSansThai-Regular.ttf',
  home: [98.24, 7.75, 98.46, 8.2],
  maxBounds: [96.5, 6.5, 100.5, 9.5],
  // The RTSD land extract (phuket/coast in shared/data) covers this box; Natural Earth is context outside it.
  detail: [97.9, 7.4, 98.9, 8.4],
  attribution: [
    '© OpenStreetMap contributors (ODbL)',
    'Boundaries and coast: OCHA / Royal Thai Survey Department (CC BY-IGO)',
    'Natural Earth',
    'OurAirports',
    'Landmarks: Phuket Smart Bus',
  ],
};

/** A site's own tiles: PHUKET_BASEMAP_TILES (a .pmtiles or .mbtiles path) and PHUKET_BASEMAP_TILES_MODE (basemap, the default, or overlay). */
async function openConfigured(env: NodeJS.ProcessEnv, file: string): Promise<SiteTilesReader> {
  const mode = SiteTilesMode.safeParse(env['PHUKET_BASEMAP_TILES_MODE']?.trim() || 'basemap');
  if (!mode.success) throw new Error(`PHUKET_BASEMAP_TILES_MODE must be basemap or overlay, not "${env['PHUKET_BASEMAP_TILES_MODE']}"`);
  return openSiteTiles(file, mode.data);
}

export interface Basemap {
  manifest(): Promise<BasemapManifest>;
  readTiles(request: SiteTilesRequest): Promise<SiteTilesBytes>;
  close(): Promise<void>;
}

/**
 * The basemap a window is told to draw: the shipped one, plus the site's tiles when they are
 * configured and readable. A missing or unreadable file leaves the shipped basemap in place, and the
 * manifest says why, so the operator is told rather than shown an empty map.
 */
export function createBasemap(env: NodeJS.ProcessEnv): Basemap {
  const file = env['PHUKET_BASEMAP_TILES']?.trim() ?? '';
  let opening: Promise<SiteTilesReader | SiteTiles> | null = null;
  const site = () =>
    (opening ??= openConfigured(env, file).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log().warn('site tiles unreadable: using the shipped basemap', { file, error: message });
      return { ok: false as const, file: file.slice(-1000), error: message.slice(0, 500) };
    }));
  return {
    async manifest() {
      if (!file) return basemapManifest;
      const opened = await site();
      return { ...basemapManifest, siteTiles: 'info' in opened ? opened.info : opened };
    },
    async readTiles(request) {
      const opened = await site();
      if (!('info' in opened)) throw new Error('no site tiles are open');
      return opened.read(request);
    },
    async close() {
      const opened = opening ? await opening : null;
      if (opened && 'info' in opened) await opened.close();
    },
  };
}

let shared: Basemap | undefined;
/** The process's basemap, from its environment: opened once, on the first window's request. */
export function basemap(): Basemap {
  shared ??= createBasemap(process.env);
  return shared;
}
