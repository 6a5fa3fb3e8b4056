import type { BasemapManifest } from '../../shared/contract';

/** The offline basemap shipped in assets/ (derived by scripts/derive-assets.ts; sources and licences in README). */
export const basemapManifest: BasemapManifest = {
  sources: [
    { kind: 'land', path: 'basemap/land.geojson' },
    { kind: 'boundaries', path: 'basemap/districts.geojson' },
    { kind: 'water', path: 'basemap/water.geojson' },
    { kind: 'roads', path: 'basemap/roads.geojson' },
    { kind: 'poi', path: 'basemap/poi.geojson' },
  ],
  glyphs: 'glyphs/{fontstack}/{range}.pbf',
  thaiFont: 'fonts/NotoSansThai-Regular.ttf',
  home: [98.24, 7.75, 98.46, 8.2],
  maxBounds: [96.5, 6.5, 100.5, 9.5],
  attribution: [
    '© OpenStreetMap contributors (ODbL)',
    'Natural Earth',
    'Boundaries: OCHA / Royal Thai Survey Department (CC BY-IGO)',
  ],
};
