import { describe, expect, it } from 'vitest';
import type { BasemapManifest } from '../../shared/contract';
import { createBasemapStyle, LATIN_FONT, POI_ICONS, THAI_RANGE } from './basemapStyle';

const basemapManifest: BasemapManifest = {
  sources: (['land', 'boundaries', 'water', 'roads', 'poi'] as const).map((kind) => ({ kind, path: `basemap/${kind}.geojson` })),
  glyphs: 'glyphs/{fontstack}/{range}.pbf',
  thaiFont: 'fonts/NotoSansThai-Regular.ttf',
  home: [98.24, 7.75, 98.46, 8.2],
  maxBounds: [96.5, 6.5, 100.5, 9.5],
  attribution: ['© OpenStreetMap contributors'],
};

describe('createBasemapStyle', () => {
  const style = createBasemapStyle(basemapManifest, 'app://console/index.html');

  it('points every source and font at the console origin', () => {
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect('data' in source && String(source.data)).toMatch(/^app:\/\/console\/basemap\/\w+\.geojson$/);
    }
    expect(style.glyphs).toBe('app://console/glyphs/{fontstack}/{range}.pbf');
  });

  it('draws Thai from the bundled font through font-faces, Latin from the glyph PBFs', () => {
    expect(style['font-faces']).toEqual({ [LATIN_FONT]: [{ url: 'app://console/fonts/NotoSansThai-Regular.ttf', 'unicode-range': [THAI_RANGE] }] });
    const textLayers = style.layers.filter((l) => l.type === 'symbol');
    expect(textLayers.length).toBeGreaterThan(0);
    for (const layer of textLayers) expect(layer.layout?.['text-font']).toEqual([LATIN_FONT]);
  });

  it('styles roads by class and stations by type', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['sea', 'land', 'water', 'roads', 'road-labels', 'poi', 'district-labels']));
    const poi = JSON.stringify(style.layers.find((l) => l.id === 'poi'));
    for (const icon of Object.values(POI_ICONS)) expect(poi).toContain(icon);
  });

  it('uses one source per manifest entry and fails clearly when one is missing', () => {
    expect(() => createBasemapStyle({ ...basemapManifest, sources: basemapManifest.sources.filter((s) => s.kind !== 'roads') }, 'app://console/')).toThrow(
      'basemap manifest has no roads source',
    );
  });
});
