import { distanceToLineM, haversineM, pointInRing } from '../city/geo';
import type { LonLat } from '../city/geo';
import type { Geometry } from './entityModel';

/**
 * NGSI-LD geo-queries on the `location` GeoProperty: `georel=near;maxDistance==M` (or minDistance) with
 * `geometry=Point`, and `georel=within|intersects` with `geometry=Polygon` (outer ring only).
 */
export type GeoFilter =
  | { readonly rel: 'near'; readonly point: LonLat; readonly maxM: number | null; readonly minM: number | null }
  | { readonly rel: 'within' | 'intersects'; readonly ring: readonly LonLat[] };

type Parsed = { ok: true; filter: GeoFilter | null } | { ok: false; detail: string };

const isPosition = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';

function parseCoordinates(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function parseGeo(params: URLSearchParams): Parsed {
  const georel = params.get('georel');
  if (georel === null) return { ok: true, filter: null };
  const geometry = params.get('geometry');
  const coords = parseCoordinates(params.get('coordinates') ?? '');
  const [rel, ...modifiers] = georel.split(';');
  if (rel === 'near') {
    if (geometry !== 'Point' || !isPosition(coords)) return { ok: false, detail: 'near needs geometry=Point and coordinates=[lon,lat]' };
    let maxM: number | null = null;
    let minM: number | null = null;
    for (const m of modifiers) {
      const [key, value] = m.split('==');
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) return { ok: false, detail: `bad distance in "${m}"` };
      if (key === 'maxDistance') maxM = n;
      else if (key === 'minDistance') minM = n;
      else return { ok: false, detail: `unknown near modifier "${m}"` };
    }
    if (maxM === null && minM === null) return { ok: false, detail: 'near needs maxDistance or minDistance' };
    return { ok: true, filter: { rel: 'near', point: coords, maxM, minM } };
  }
  if (rel === 'within' || rel === 'intersects') {
    const ring: unknown = Array.isArray(coords) ? coords[0] : undefined;
    if (geometry !== 'Polygon' || !Array.isArray(ring) || ring.length < 3 || !ring.every(isPosition)) {
      return { ok: false, detail: `${rel} needs geometry=Polygon and coordinates=[[[lon,lat],...]]` };
    }
    return { ok: true, filter: { rel, ring } };
  }
  return { ok: false, detail: `unsupported georel "${georel}"` };
}

function vertices(g: Geometry): LonLat[] {
  return g.type === 'Point' ? [g.coordinates] : g.coordinates;
}

export function matchesGeo(g: Geometry, filter: GeoFilter): boolean {
  if (filter.rel === 'near') {
    const d = g.type === 'Point' ? haversineM(filter.point, g.coordinates) : distanceToLineM(filter.point, g.coordinates);
    return (filter.maxM === null || d <= filter.maxM) && (filter.minM === null || d >= filter.minM);
  }
  const inside = vertices(g).map((p) => pointInRing(p, filter.ring));
  return filter.rel === 'within' ? inside.every(Boolean) : inside.some(Boolean);
}
