import type { Position, Ring } from './simplify';

function inRing([x, y]: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ((ring[j] ?? [0, 0])[0] - (ring[i] ?? [0, 0])[0]) * ((ring[j] ?? [0, 0])[1] + (ring[i] ?? [0, 0])[1]);
  return Math.abs(sum / 2);
}

/**
 * One place to write a polygon's name: inside its largest part, as far from the edges as a 40 × 40
 * grid finds. maplibre would otherwise label every islet of a multi-part district.
 */
export function labelPoint(polygons: readonly Ring[][]): Position {
  const largest = [...polygons].sort((a, b) => area(b[0] ?? []) - area(a[0] ?? []))[0];
  const outer = largest?.[0];
  if (!largest || !outer) throw new Error('labelPoint: no polygon');
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const vertices = largest.flat();
  let best: Position = outer[0] ?? [w, s];
  let bestClearance = -1;
  for (let i = 1; i < 40; i++) {
    for (let j = 1; j < 40; j++) {
      const p: Position = [w + ((e - w) * i) / 40, s + ((n - s) * j) / 40];
      if (!inRing(p, outer) || largest.slice(1).some((hole) => inRing(p, hole))) continue;
      let clearance = Infinity;
      for (const v of vertices) clearance = Math.min(clearance, Math.hypot(v[0] - p[0], v[1] - p[1]));
      if (clearance > bestClearance) [best, bestClearance] = [p, clearance];
    }
  }
  return best;
}
