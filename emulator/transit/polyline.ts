import type { LonLat } from '../city/geo';
import { bearingDeg, haversineM, lerp } from '../city/geo';

/** A line measured once, so a distance along it finds its point by binary search. */
export interface Polyline {
  readonly coords: readonly LonLat[];
  /** Metres from the start to each vertex. */
  readonly cumulative: readonly number[];
  readonly lengthM: number;
}

export function measure(coords: readonly LonLat[]): Polyline {
  if (coords.length < 2) throw new RangeError('a polyline needs two points');
  const cumulative = [0];
  for (let i = 1; i < coords.length; i++) cumulative.push((cumulative[i - 1] ?? 0) + haversineM(vertex(coords, i - 1), vertex(coords, i)));
  return { coords, cumulative, lengthM: cumulative[cumulative.length - 1] ?? 0 };
}

function vertex(coords: readonly LonLat[], i: number): LonLat {
  const p = coords[i];
  if (p === undefined) throw new RangeError(`no vertex ${i}`);
  return p;
}

/** The segment holding distance d (clamped to the line): its first vertex's index. */
function segmentAt(line: Polyline, d: number): number {
  let lo = 0;
  let hi = line.coords.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((line.cumulative[mid] ?? 0) <= d) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The point d metres along the line and the direction of travel there. */
export function pointAlong(line: Polyline, d: number): { position: [number, number]; bearingDeg: number } {
  const clamped = Math.max(0, Math.min(line.lengthM, d));
  const i = segmentAt(line, clamped);
  const a = vertex(line.coords, i);
  const b = vertex(line.coords, i + 1);
  const start = line.cumulative[i] ?? 0;
  const span = (line.cumulative[i + 1] ?? start) - start;
  return { position: lerp(a, b, span === 0 ? 0 : (clamped - start) / span), bearingDeg: bearingDeg(a, b) };
}

/**
 * How far along the line p lies, looking only at or after `fromM`: a timetable's stops are projected in
 * order, so a line that passes the same place twice (out and back through Patong) puts each stop on the
 * right pass. Local equirectangular metres, fine at island scale.
 */
export function project(line: Polyline, p: LonLat, fromM = 0): number {
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  let best = { distM: Infinity, alongM: fromM };
  for (let i = segmentAt(line, fromM); i < line.coords.length - 1; i++) {
    const a = vertex(line.coords, i);
    const b = vertex(line.coords, i + 1);
    const [ax, ay, bx, by] = [(a[0] - p[0]) * kx, (a[1] - p[1]) * ky, (b[0] - p[0]) * kx, (b[1] - p[1]) * ky];
    const [dx, dy] = [bx - ax, by - ay];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const distM = Math.hypot(ax + t * dx, ay + t * dy);
    const start = line.cumulative[i] ?? 0;
    const alongM = Math.max(fromM, start + t * ((line.cumulative[i + 1] ?? start) - start));
    if (distM < best.distM) best = { distM, alongM };
  }
  return best.alongM;
}
