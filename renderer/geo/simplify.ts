/** Geometry helpers for deriving the shipped basemap: pure, no Node, no DOM. */
export type Position = [number, number];
export type Ring = Position[];

/** Metres per degree near Phuket (7.9° N): the tolerance is given in metres, the data is in degrees. */
const M_PER_DEG_LAT = 110_600;
const M_PER_DEG_LON = 110_250;

function offsetMetres(p: Position, a: Position, b: Position): number {
  const [px, py] = [(p[0] - a[0]) * M_PER_DEG_LON, (p[1] - a[1]) * M_PER_DEG_LAT];
  const [bx, by] = [(b[0] - a[0]) * M_PER_DEG_LON, (b[1] - a[1]) * M_PER_DEG_LAT];
  const len2 = bx * bx + by * by;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * bx + py * by) / len2));
  return Math.hypot(px - t * bx, py - t * by);
}

/** Douglas–Peucker on a line, iterative (coastlines have thousands of vertices): every dropped vertex lies within `metres` of the result. */
export function simplifyLine(line: readonly Position[], metres: number): Position[] {
  if (line.length <= 2) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = offsetMetres(line[i] ?? [0, 0], line[first] ?? [0, 0], line[last] ?? [0, 0]);
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > metres) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/**
 * A closed ring simplified the same way, split at its farthest vertex so the closing point is not
 * special; null when what is left is too small to be a polygon.
 */
export function simplifyRing(ring: readonly Position[], metres: number): Ring | null {
  if (ring.length < 4) return null;
  const start = ring[0] ?? [0, 0];
  let far = 1;
  for (let i = 1; i < ring.length; i++) if (offsetMetres(ring[i] ?? start, start, start) > offsetMetres(ring[far] ?? start, start, start)) far = i;
  const out = [...simplifyLine(ring.slice(0, far + 1), metres), ...simplifyLine(ring.slice(far), metres).slice(1)];
  return out.length >= 4 ? out : null;
}

/** Sutherland–Hodgman against a [west, south, east, north] box (convex, so any ring clips correctly); null when nothing is left. */
export function clipRing(ring: readonly Position[], [w, s, e, n]: readonly [number, number, number, number]): Ring | null {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= w, (a, b) => [w, a[1] + ((b[1] - a[1]) * (w - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= e, (a, b) => [e, a[1] + ((b[1] - a[1]) * (e - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= s, (a, b) => [a[0] + ((b[0] - a[0]) * (s - a[1])) / (b[1] - a[1]), s]],
    [(p) => p[1] <= n, (a, b) => [a[0] + ((b[0] - a[0]) * (n - a[1])) / (b[1] - a[1]), n]],
  ];
  let points: Position[] = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const input = points;
    points = [];
    input.forEach((current, i) => {
      const previous = input[(i + input.length - 1) % input.length] ?? current;
      if (inside(current)) {
        if (!inside(previous)) points.push(cross(previous, current));
        points.push(current);
      } else if (inside(previous)) points.push(cross(previous, current));
    });
  }
  const first = points[0];
  return first && points.length >= 3 ? [...points, first] : null;
}
