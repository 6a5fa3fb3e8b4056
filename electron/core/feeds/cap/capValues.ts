import type { LonLat } from '../../../../shared/domain';

/** CAP dateTime: ISO 8601 with seconds and an offset (CAP forbids "Z", real feeds send it: accepted). */
const CAP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?([+-]\d{2}:\d{2}|Z)$/;

export function parseCapTime(value: string | null): number | null {
  if (value === null || !CAP_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

const MAX_POINTS = 20_000;

function point(pair: string): LonLat | null {
  const parts = pair.split(',');
  if (parts.length !== 2) return null;
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  return [lon, lat];
}

/**
 * A CAP polygon, "lat,lon lat,lon …" (WGS 84, latitude first), as a closed ring of [lon, lat]; null with a
 * bad point, under four points, or over the most a ring may hold. An unclosed ring is closed (`wasOpen` says so).
 */
export function parseCapPolygon(value: string): { ring: LonLat[]; wasOpen: boolean } | null {
  const pairs = value.trim().split(/\s+/);
  if (pairs.length > MAX_POINTS) return null;
  const ring: LonLat[] = [];
  for (const pair of pairs) {
    const p = point(pair);
    if (p === null) return null;
    ring.push(p);
  }
  const first = ring[0];
  const last = ring.at(-1);
  if (first === undefined || last === undefined) return null;
  const closed = first[0] === last[0] && first[1] === last[1];
  if (!closed) ring.push([first[0], first[1]]);
  return ring.length >= 4 ? { ring, wasOpen: !closed } : null;
}

/** A CAP circle, "lat,lon radiusKm". */
export function parseCapCircle(value: string): { center: LonLat; radiusKm: number } | null {
  const parts = value.trim().split(/\s+/);
  if (parts.length !== 2) return null;
  const center = point(parts[0] ?? '');
  const radiusKm = Number(parts[1]);
  if (center === null || !Number.isFinite(radiusKm) || radiusKm < 0 || radiusKm > 5_000) return null;
  return { center, radiusKm };
}

/** CAP `references`: space-separated "sender,identifier,sent" triples; each becomes its sender,identifier key. */
export function referencedKeys(references: readonly string[]): string[] {
  const keys: string[] = [];
  for (const triple of references) {
    const parts = triple.split(',');
    if (parts.length >= 3 && parts[0] !== '' && parts[1] !== '') keys.push(`${parts[0]},${parts[1]}`);
  }
  return keys;
}

/** Splits CAP's whitespace-separated `references` text into triples. */
export const splitReferences = (value: string | null): string[] => (value === null ? [] : value.split(/\s+/).filter((t) => t !== ''));
