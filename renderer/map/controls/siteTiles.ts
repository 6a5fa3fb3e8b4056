import { addProtocol, removeProtocol } from 'maplibre-gl';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import type { Bridge, SiteTiles } from '../../../shared/contract';
import { basemapPalette as c } from '../palette';

type OpenSiteTiles = Extract<SiteTiles, { ok: true }>;

/** The archive's key inside the pmtiles protocol, and the scheme MBTiles tiles are asked for by. */
const PMTILES_URL = 'pmtiles://site';
const MBTILES_SCHEME = 'sitetiles';

export function siteSource(site: OpenSiteTiles): SourceSpecification {
  const raster = site.tileType !== 'vector';
  const common = { minzoom: site.minzoom, maxzoom: site.maxzoom, ...(site.bounds ? { bounds: site.bounds } : {}), ...(site.attribution ? { attribution: site.attribution } : {}) };
  if (site.archive === 'pmtiles') return raster ? { type: 'raster', url: PMTILES_URL, tileSize: 256 } : { type: 'vector', url: PMTILES_URL };
  const tiles = [`${MBTILES_SCHEME}://{z}/{x}/{y}`];
  return raster ? { type: 'raster', tiles, tileSize: 256, ...common } : { type: 'vector', tiles, ...common };
}

/**
 * A neutral drawing of whatever the site's tiles hold: images as they are (dimmed as an overlay),
 * vector layers as fills, lines and points in the basemap's colours.
 */
export function siteLayers(site: OpenSiteTiles): LayerSpecification[] {
  const overlay = site.mode === 'overlay';
  if (site.tileType !== 'vector') return [{ id: 'site-raster', type: 'raster', source: 'site', paint: { 'raster-opacity': overlay ? 0.6 : 1 } }];
  return site.layers.flatMap((layer): LayerSpecification[] => [
    { id: `site-${layer}-fill`, type: 'fill', source: 'site', 'source-layer': layer, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': overlay ? '#6f5bd1' : c.land, 'fill-opacity': overlay ? 0.35 : 1 } },
    { id: `site-${layer}-line`, type: 'line', source: 'site', 'source-layer': layer, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': overlay ? '#b9a8ff' : c.secondary, 'line-width': 1.5 } },
    { id: `site-${layer}-point`, type: 'circle', source: 'site', 'source-layer': layer, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#b9a8ff', 'circle-radius': 3 } },
  ]);
}

function decode(base64: string): ArrayBuffer {
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  return bytes.buffer;
}

/**
 * Lets maplibre read the site's tiles through the contract: the host reads the local file, the page
 * asks over the same channel as everything else. No URL is fetched, so the CSP (connect-src 'self')
 * needs nothing new. Returns the undo.
 */
export function registerSiteTiles(bridge: Bridge, site: OpenSiteTiles): () => void {
  if (site.archive === 'pmtiles') {
    const protocol = new Protocol();
    protocol.add(
      new PMTiles({
        getKey: () => 'site',
        getBytes: async (offset, length) => {
          const { data } = await bridge['map:tiles']({ kind: 'range', offset, length });
          if (data === null) throw new Error('site tiles: no bytes at that range');
          return { data: decode(data) };
        },
      }),
    );
    addProtocol('pmtiles', protocol.tile);
    return () => removeProtocol('pmtiles');
  }
  addProtocol(MBTILES_SCHEME, async (params) => {
    const [z, x, y] = params.url.slice(`${MBTILES_SCHEME}://`.length).split('/').map(Number);
    if (z === undefined || x === undefined || y === undefined) throw new Error(`site tiles: bad tile URL ${params.url}`);
    const { data } = await bridge['map:tiles']({ kind: 'tile', z, x, y });
    // A missing vector tile is an empty tile, not an error (overzoom, sparse archives).
    return { data: data === null ? new ArrayBuffer(0) : decode(data) };
  });
  return () => removeProtocol(MBTILES_SCHEME);
}
