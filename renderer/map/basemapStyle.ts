import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapLayerKind, BasemapManifest } from '../../shared/contract';
import type { BasemapToggles } from './controls/settings';
import { siteLayers, siteSource } from './controls/siteTiles';
import { basemapPalette as c } from './palette';

export const LATIN_FONT = 'Noto Sans Regular';
export const THAI_RANGE = 'U+0E00-0E7F';
export const POI_ICONS = { police: 'poi-police', fire_station: 'poi-fire', hospital: 'poi-hospital', landmark: 'poi-landmark', airport: 'poi-airport' } as const;
export type LabelLanguage = 'en' | 'th';

/** Colours the shared palette does not have: quieter than the roads, so the live layers still lead. */
export const extraColours = { subdistrict: '#6a7c93', runway: '#3a4655', landmark: '#c9a4ff', beach: '#e8d29a' } as const;

/** Which style layers each operator switch shows or hides. */
export const TOGGLED_LAYERS = {
  boundaries: ['district-lines', 'subdistrict-lines', 'district-labels', 'subdistrict-labels'],
  landmarks: ['landmarks', 'airport-label'],
  waterways: ['water'],
} as const;
/** Layers a site's tiles replace when they are the basemap. */
const SHIPPED_GROUND = ['land-context', 'detail-mask', 'land', 'coast', 'water', 'road-casing', 'roads'];
/** The two station layers (overview without overlaps, street zoom with names): the class switches filter both. */
export const STATION_LAYERS = ['poi-overview', 'poi'] as const;

function sourceUrl(manifest: BasemapManifest, kind: BasemapLayerKind, base: string): string {
  const source = manifest.sources.find((s) => s.kind === kind);
  if (!source) throw new Error(`basemap manifest has no ${kind} source`);
  return new URL(source.path, base).href;
}

/** A bilingual label, the UI's language first and larger; the other below it when it differs. */
export function bilingual(language: LabelLanguage, en: ExpressionSpecification, th: ExpressionSpecification): ExpressionSpecification {
  const [first, second] = language === 'th' ? [th, en] : [en, th];
  return ['case', ['==', first, second], ['format', first, {}], ['format', first, {}, '\n', {}, second, { 'font-scale': 0.8 }]];
}
const nameEn: ExpressionSpecification = ['coalesce', ['get', 'name_en'], ['get', 'name_th'], ''];
const nameTh: ExpressionSpecification = ['coalesce', ['get', 'name_th'], ['get', 'name_en'], ''];
const stationName = (language: LabelLanguage): ExpressionSpecification =>
  language === 'th' ? ['coalesce', ['get', 'name_th'], ['get', 'name'], ''] : ['coalesce', ['get', 'name'], ['get', 'name_th'], ''];

/** Labels that follow the UI language, by layer: MapView re-applies these when the language changes. */
type LabelledLayer = 'district-labels' | 'subdistrict-labels' | 'landmarks' | 'airport-label' | 'poi';
export function labelFields(language: LabelLanguage): Record<LabelledLayer, ExpressionSpecification> {
  return {
    'district-labels': bilingual(language, nameEn, nameTh),
    'subdistrict-labels': bilingual(language, nameEn, nameTh),
    landmarks: bilingual(language, nameEn, nameTh),
    'airport-label': bilingual(language, nameEn, nameTh),
    poi: ['step', ['zoom'], '', 14, stationName(language)],
  };
}

/** The station filter for the enabled classes. */
export function stationFilter(toggles: BasemapToggles): FilterSpecification {
  return ['in', ['get', 'amenity'], ['literal', (['police', 'fire_station', 'hospital'] as const).filter((k) => toggles[k])]];
}

/** visibility per toggled layer, for the switches as they are. */
export function layerVisibility(toggles: BasemapToggles): Record<string, 'visible' | 'none'> {
  const out: Record<string, 'visible' | 'none'> = {};
  for (const toggle of ['boundaries', 'landmarks', 'waterways'] as const) for (const id of TOGGLED_LAYERS[toggle]) out[id] = toggles[toggle] ? 'visible' : 'none';
  return out;
}

export interface StyleOptions {
  language: LabelLanguage;
  toggles: BasemapToggles;
}

/**
 * The offline basemap as a maplibre style, from the host's manifest. Pure: the same manifest, base URL
 * and options give the same style. Latin labels come from the shipped glyph PBFs; Thai from the bundled
 * font declared in `font-faces`, because maplibre shapes Thai marks correctly only from a real font.
 * Symbol density follows the zoom: districts and few stations at island zoom, subdistricts in town,
 * landmarks, station names and road names at street zoom.
 */
export function createBasemapStyle(manifest: BasemapManifest, base: string, options: StyleOptions): StyleSpecification {
  const geojson = (kind: BasemapLayerKind): SourceSpecification => ({ type: 'geojson', data: sourceUrl(manifest, kind, base) });
  const font = [LATIN_FONT];
  const labels = labelFields(options.language);
  const halo = { 'text-color': c.districtLabel, 'text-halo-color': c.halo, 'text-halo-width': 1.5 };
  const [dw, ds, de, dn] = manifest.detail ?? [0, 0, 0, 0];
  const site = manifest.siteTiles?.ok ? manifest.siteTiles : null;
  const sources: Record<string, SourceSpecification> = {
    'land-context': geojson('land-context'),
    'detail-box': { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[dw, ds], [de, ds], [de, dn], [dw, dn], [dw, ds]]] } } },
    land: geojson('land'),
    boundaries: geojson('boundaries'),
    'boundary-labels': geojson('boundary-labels'),
    water: geojson('water'),
    roads: geojson('roads'),
    poi: geojson('poi'),
    landmarks: geojson('landmarks'),
    airport: geojson('airport'),
    ...(site ? { site: siteSource(site) } : {}),
  };
  const level = (l: 'district' | 'subdistrict'): FilterSpecification => ['==', ['get', 'level'], l];
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': c.sea } },
    // Natural Earth is coarse (km off the coast): context outside the detailed box only, masked inside it.
    { id: 'land-context', type: 'fill', source: 'land-context', paint: { 'fill-color': c.land } },
    { id: 'detail-mask', type: 'fill', source: 'detail-box', paint: { 'fill-color': c.sea } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': c.land } },
    ...(site?.mode === 'basemap' ? siteLayers(site) : []),
    { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': c.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 15, 1.5] } },
    {
      id: 'water',
      type: 'line',
      source: 'water',
      minzoom: 11,
      paint: { 'line-color': c.water, 'line-width': ['match', ['get', 'waterway'], ['river', 'canal'], 1.6, 0.7], 'line-opacity': 0.8 },
    },
    { id: 'runway', type: 'line', source: 'airport', filter: ['==', ['get', 'kind'], 'runway'], paint: { 'line-color': extraColours.runway, 'line-width': ['interpolate', ['exponential', 2], ['zoom'], 10, 2, 16, 90] } },
    { id: 'subdistrict-lines', type: 'line', source: 'boundaries', minzoom: 11, filter: level('subdistrict'), paint: { 'line-color': extraColours.subdistrict, 'line-width': 1.2, 'line-dasharray': [2, 2] } },
    { id: 'district-lines', type: 'line', source: 'boundaries', filter: level('district'), paint: { 'line-color': c.districtLabel, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5], 'line-dasharray': [4, 3], 'line-opacity': 0.8 } },
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
    ...(site?.mode === 'overlay' ? siteLayers(site) : []),
    {
      id: 'road-labels',
      type: 'symbol',
      source: 'roads',
      minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'name'], ['get', 'ref']], 'text-font': font, 'text-size': 11 },
      paint: { ...halo, 'text-color': c.roadLabel },
    },
    {
      id: 'landmarks',
      type: 'symbol',
      source: 'landmarks',
      minzoom: 14,
      layout: {
        'icon-image': POI_ICONS.landmark,
        'icon-size': 0.6,
        'text-field': labels['landmarks'],
        'text-font': font,
        'text-size': 11,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 8,
        'text-optional': true,
      },
      paint: { ...halo, 'text-color': ['match', ['get', 'kind'], 'beach', extraColours.beach, extraColours.landmark] },
    },
    {
      id: 'airport-label',
      type: 'symbol',
      source: 'airport',
      minzoom: 10,
      filter: ['==', ['get', 'kind'], 'aerodrome'],
      layout: { 'icon-image': POI_ICONS.airport, 'icon-size': 0.8, 'text-field': labels['airport-label'], 'text-font': font, 'text-size': 12, 'text-offset': [0, 1.2], 'text-anchor': 'top', 'text-optional': true },
      paint: { ...halo, 'text-color': c.poiLabel },
    },
    // At island zoom stations may not overlap (hospitals win, then police): no pile of icons over Phuket Town.
    {
      id: 'poi-overview',
      type: 'symbol',
      source: 'poi',
      maxzoom: 12,
      filter: stationFilter(options.toggles),
      layout: {
        'icon-image': ['match', ['get', 'amenity'], 'police', POI_ICONS.police, 'fire_station', POI_ICONS.fire_station, POI_ICONS.hospital],
        'icon-size': 0.55,
        'icon-padding': 1,
        'symbol-sort-key': ['match', ['get', 'amenity'], 'hospital', 0, 'fire_station', 1, 2],
      },
    },
    {
      id: 'poi',
      type: 'symbol',
      source: 'poi',
      minzoom: 12,
      filter: stationFilter(options.toggles),
      layout: {
        'icon-image': ['match', ['get', 'amenity'], 'police', POI_ICONS.police, 'fire_station', POI_ICONS.fire_station, POI_ICONS.hospital],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12, 0.7, 15, 1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'text-field': labels.poi,
        'text-font': font,
        'text-size': 12,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { ...halo, 'text-color': c.poiLabel },
    },
    // Last in the list, first to be placed: a district's name wins over a station icon.
    {
      id: 'district-labels',
      type: 'symbol',
      source: 'boundary-labels',
      maxzoom: 12,
      filter: level('district'),
      layout: { 'text-field': labels['district-labels'], 'text-font': font, 'text-size': 14, 'text-letter-spacing': 0.05 },
      paint: halo,
    },
    {
      id: 'subdistrict-labels',
      type: 'symbol',
      source: 'boundary-labels',
      minzoom: 11.5,
      maxzoom: 15.5,
      filter: level('subdistrict'),
      layout: { 'text-field': labels['subdistrict-labels'], 'text-font': font, 'text-size': 13, 'text-padding': 8 },
      paint: { ...halo, 'text-color': '#8494a8' },
    },
  ];
  const visibility = layerVisibility(options.toggles);
  const hidden = new Set(site?.mode === 'basemap' ? SHIPPED_GROUND : []);
  return {
    version: 8,
    name: 'Phuket control room (offline)',
    glyphs: new URL(manifest.glyphs, base).href.replace('%7Bfontstack%7D', '{fontstack}').replace('%7Brange%7D', '{range}'),
    'font-faces': { [LATIN_FONT]: [{ url: new URL(manifest.thaiFont, base).href, 'unicode-range': [THAI_RANGE] }] },
    sources,
    layers: layers.map((layer): LayerSpecification => {
      const shown = hidden.has(layer.id) ? 'none' : visibility[layer.id];
      return shown ? Object.assign({}, layer, { layout: { ...layer.layout, visibility: shown } }) : layer;
    }),
  };
}
