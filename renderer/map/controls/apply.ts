import type { Map as MapLibreMap } from 'maplibre-gl';
import { labelFields, layerVisibility, STATION_LAYERS, stationFilter } from '../basemapStyle';
import type { LabelLanguage } from '../basemapStyle';
import type { BasemapToggles } from './settings';

/** Applies the UI language and the operator's switches to a loaded map in place (no style reload, no flash). */
export function applyBasemapSettings(map: MapLibreMap, language: LabelLanguage, toggles: BasemapToggles): void {
  for (const [id, field] of Object.entries(labelFields(language))) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', field);
  for (const [id, visibility] of Object.entries(layerVisibility(toggles))) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility);
  for (const id of STATION_LAYERS) if (map.getLayer(id)) map.setFilter(id, stationFilter(toggles));
}

/**
 * `?view=lon,lat,zoom` opens the map on a place instead of the whole island: a link an operator can
 * share, and how tests look at a street. Anything malformed is ignored.
 */
export function initialView(search: string): { center: [number, number]; zoom: number } | null {
  const parts = new URLSearchParams(search).get('view')?.split(',').map(Number);
  if (!parts || parts.length !== 3 || !parts.every(Number.isFinite)) return null;
  const [lon = 0, lat = 0, zoom = 0] = parts;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
  return { center: [lon, lat], zoom };
}

/** `data-map-idle` on <html> counts the times the map has finished drawing everything in view, so tests wait on it after a move. */
export function markMapIdle(): void {
  const root = document.documentElement;
  root.dataset['mapIdle'] = String(Number(root.dataset['mapIdle'] ?? '0') + 1);
}
