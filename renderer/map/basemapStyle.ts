import type { StyleSpecification } from 'maplibre-gl';
import type { BasemapLayerKind, BasemapManifest } from '../../shared/contract';
import { basemapPalette as c } from './palette';

export const LATIN_FONT = 'Noto Sans Regular';
export const THAI_RANGE = 'U+0E00-0E7F';
export const POI_ICONS = { police: 'poi-police', fire_station: 'poi-fire', hospital: 'poi-hospital' } as const;

function sourceUrl(manifest: BasemapManifest, kind: BasemapLayerKind, base: string): string {
  const source = manifest.sources.find((s) => s.kind === kind);
  if (!source) throw new Error(`basemap manifest has no ${kind} source`);
  return new URL(source.path, base).href;
}

/**
 * The offline basemap as a maplibre style, from the host's manifest. Pure: the same manifest and
 * base URL give the same style. Latin labels come from the shipped glyph PBFs; Thai from the bundled
 * font declared in `font-faces`, because maplibre shapes Thai marks correctly only from a real font.
 */
export function createBasemapStyle(manifest: BasemapManifest, base: string): StyleSpecification {
  const geojson = (kind: BasemapLayerKind, attribution?: string) => ({
    type: 'geojson' as const,
    data: sourceUrl(manifest, kind, base),
    ...(attribution ? { attribution } : {}),
  });
  const font = [LATIN_FONT];
  return {
    version: 8,
    name: 'Phuket control room (offline)',
    glyphs: new URL(manifest.glyphs, base).href.replace('%7Bfontstack%7D', '{fontstack}').replace('%7Brange%7D', '{range}'),
    'font-faces': { [LATIN_FONT]: [{ url: new URL(manifest.thaiFont, base).href, 'unicode-range': [THAI_RANGE] }] },
    sources: {
      land: geojson('land'),
      districts: geojson('boundaries'),
      water: geojson('water'),
      roads: geojson('roads'),
      poi: geojson('poi'),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': c.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': c.coast, 'line-width': 1 } },
      {
        id: 'water',
        type: 'line',
        source: 'water',
        minzoom: 10,
        paint: {
          'line-color': c.water,
          'line-width': ['match', ['get', 'waterway'], ['river', 'canal'], 1.6, 0.7],
          'line-opacity': 0.8,
        },
      },
      {
        id: 'district-lines',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': c.district, 'line-width': 1, 'line-dasharray': [3, 3], 'line-opacity': 0.6 },
      },
      {
        id: 'road-casing',
        type: 'line',
        source: 'roads',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': c.casing,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'highway'], 'primary', 2.5, 1.5], 15, ['match', ['get', 'highway'], 'primary', 10, 7]],
        },
      },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': ['match', ['get', 'highway'], 'primary', c.primary, c.secondary],
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['match', ['get', 'highway'], 'primary', 1.6, 0.8], 15, ['match', ['get', 'highway'], 'primary', 7, 4.5]],
        },
      },
      {
        id: 'district-labels',
        type: 'symbol',
        source: 'districts',
        layout: {
          'text-field': ['concat', ['get', 'ADM2_TH'], '\n', ['get', 'ADM2_EN']],
          'text-font': font,
          'text-size': 13,
          'text-letter-spacing': 0.05,
        },
        paint: { 'text-color': c.districtLabel, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'road-labels',
        type: 'symbol',
        source: 'roads',
        minzoom: 12,
        layout: {
          'symbol-placement': 'line',
          'text-field': ['coalesce', ['get', 'name'], ['get', 'ref']],
          'text-font': font,
          'text-size': 11,
        },
        paint: { 'text-color': c.roadLabel, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'poi',
        type: 'symbol',
        source: 'poi',
        layout: {
          'icon-image': ['match', ['get', 'amenity'], 'police', POI_ICONS.police, 'fire_station', POI_ICONS.fire_station, POI_ICONS.hospital],
          'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.55, 14, 1],
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
          'text-field': ['step', ['zoom'], '', 12, ['coalesce', ['get', 'name'], ['get', 'name_th'], '']],
          'text-font': font,
          'text-size': 12,
          'text-offset': [0, 1.3],
          'text-anchor': 'top',
          'text-max-width': 9,
          'text-optional': true,
        },
        paint: { 'text-color': c.poiLabel, 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
