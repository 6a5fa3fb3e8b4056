import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { BasemapManifest } from '../../shared/contract';
import { BasemapLayerKind } from '../../shared/contract';
import { bilingual, createBasemapStyle, LATIN_FONT, POI_ICONS, THAI_RANGE } from './basemapStyle';
import { ALL_ON } from './controls/settings';

const basemapManifest: BasemapManifest = {
  sources: BasemapLayerKind.options.map((kind) => ({ kind, path: `basemap/${kind}.geojson` })),
  glyphs: 'glyphs/{fontstack}/{range}.pbf',
  thaiFont: 'fonts/NotoSansThai-Regular.ttf',
  home: [98.24, 7.75, 98.46, 8.2],
  maxBounds: [96.5, 6.5, 100.5, 9.5],
  detail: [97.9, 7.4, 98.9, 8.4],
  attribution: ['© OpenStreetMap contributors'],
};
const OPTIONS = { language: 'en', toggles: ALL_ON } as const;
const layer = (layers: LayerSpecification[], id: string) => layers.find((l) => l.id === id);
const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('createBasemapStyle', () => {
  const style = createBasemapStyle(basemapManifest, 'app://console/index.html', OPTIONS);

  it('points every file source and font at the console origin', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      if (id === 'detail-box') continue;
      expect('data' in source && String(source.data)).toMatch(/^app:\/\/console\/basemap\/[\w-]+\.geojson$/);
    }
    expect(style.glyphs).toBe('app://console/glyphs/{fontstack}/{range}.pbf');
  });

  it('draws Thai from the bundled font through font-faces, Latin from the glyph PBFs', () => {
    expect(style['font-faces']).toEqual({ [LATIN_FONT]: [{ url: 'app://console/fonts/NotoSansThai-Regular.ttf', 'unicode-range': [THAI_RANGE] }] });
    const textLayers = style.layers.filter((l) => l.type === 'symbol' && l.layout && 'text-field' in l.layout);
    expect(textLayers.length).toBeGreaterThan(4);
    for (const l of textLayers) expect(l.type === 'symbol' && l.layout?.['text-font']).toEqual([LATIN_FONT]);
  });

  it('hides the coarse context land inside the detailed box, under the real coast', () => {
    const order = ids(style.layers);
    expect(order.indexOf('land-context')).toBeLessThan(order.indexOf('detail-mask'));
    expect(order.indexOf('detail-mask')).toBeLessThan(order.indexOf('land'));
    expect(order.indexOf('land')).toBeLessThan(order.indexOf('roads'));
  });

  it('thins symbols by zoom: districts at island zoom, subdistricts in town, landmarks and names at street zoom', () => {
    expect(layer(style.layers, 'district-labels')).toMatchObject({ maxzoom: 12 });
    expect(layer(style.layers, 'subdistrict-labels')).toMatchObject({ minzoom: 11.5 });
    expect(layer(style.layers, 'landmarks')).toMatchObject({ minzoom: 14 });
    expect(layer(style.layers, 'road-labels')).toMatchObject({ minzoom: 13 });
    // Stations may not pile up at island zoom; at street zoom every one is shown with its name.
    expect(layer(style.layers, 'poi-overview')).toMatchObject({ maxzoom: 12, layout: { 'icon-size': 0.55 } });
    expect(JSON.stringify(layer(style.layers, 'poi-overview'))).not.toContain('icon-allow-overlap');
    const poi = JSON.stringify(layer(style.layers, 'poi'));
    for (const icon of [POI_ICONS.police, POI_ICONS.fire_station, POI_ICONS.hospital]) expect(poi).toContain(icon);
  });

  it('writes names in the UI language first, the other below', () => {
    const en = ['get', 'name_en'] as const;
    const th = ['get', 'name_th'] as const;
    expect(JSON.stringify(bilingual('th', [...en], [...th]))).toMatch(/"format",\["get","name_th"\],\{\},"\\n",\{\},\["get","name_en"\]/);
    expect(JSON.stringify(bilingual('en', [...en], [...th]))).toMatch(/"format",\["get","name_en"\],\{\},"\\n",\{\},\["get","name_th"\]/);
    const thai = createBasemapStyle(basemapManifest, 'app://console/', { ...OPTIONS, language: 'th' });
    expect(JSON.stringify(layer(thai.layers, 'district-labels'))).toContain('"format",["coalesce",["get","name_th"]');
  });

  it('applies the operator switches: boundaries, landmarks, waterways and station classes', () => {
    const off = createBasemapStyle(basemapManifest, 'app://console/', { ...OPTIONS, toggles: { ...ALL_ON, boundaries: false, waterways: false, police: false } });
    for (const id of ['district-lines', 'subdistrict-lines', 'district-labels', 'subdistrict-labels', 'water']) expect(layer(off.layers, id)).toMatchObject({ layout: { visibility: 'none' } });
    expect(layer(off.layers, 'landmarks')).toMatchObject({ layout: { visibility: 'visible' } });
    expect(layer(off.layers, 'poi')).toMatchObject({ filter: ['in', ['get', 'amenity'], ['literal', ['fire_station', 'hospital']]] });
  });

  it('puts a site’s raster tiles under the shipped labels as the basemap, or over the roads as an overlay', () => {
    const site = { ok: true as const, archive: 'pmtiles' as const, tileType: 'png' as const, minzoom: 0, maxzoom: 14, layers: [], name: 'site' };
    const asBasemap = createBasemapStyle({ ...basemapManifest, siteTiles: { ...site, mode: 'basemap' } }, 'app://console/', OPTIONS);
    expect(asBasemap.sources['site']).toEqual({ type: 'raster', url: 'pmtiles://site', tileSize: 256 });
    expect(ids(asBasemap.layers).indexOf('site-raster')).toBeLessThan(ids(asBasemap.layers).indexOf('district-labels'));
    expect(layer(asBasemap.layers, 'roads')).toMatchObject({ layout: { visibility: 'none' } });
    const asOverlay = createBasemapStyle({ ...basemapManifest, siteTiles: { ...site, mode: 'overlay' } }, 'app://console/', OPTIONS);
    expect(ids(asOverlay.layers).indexOf('site-raster')).toBeGreaterThan(ids(asOverlay.layers).indexOf('roads'));
    expect(layer(asOverlay.layers, 'roads')?.layout).not.toHaveProperty('visibility');
  });

  it('keeps the shipped basemap when the site tiles could not be read', () => {
    const failed = createBasemapStyle({ ...basemapManifest, siteTiles: { ok: false, file: '/x.pmtiles', error: 'ENOENT' } }, 'app://console/', OPTIONS);
    expect(failed.sources).not.toHaveProperty('site');
    expect(ids(failed.layers)).toEqual(ids(style.layers));
  });

  it('uses one source per manifest entry and fails clearly when one is missing', () => {
    expect(() => createBasemapStyle({ ...basemapManifest, sources: basemapManifest.sources.filter((s) => s.kind !== 'roads') }, 'app://console/', OPTIONS)).toThrow(
      'basemap manifest has no roads source',
    );
  });
});
