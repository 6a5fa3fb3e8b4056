/**
 * Derives assets/transit/pksb/ from the upstream Phuket Smart Bus data (Nonarkara/phuket-smart-bus, MIT):
 * `npx tsx scripts/derive-pksb.ts <dir of the upstream pksb data>`. The route polylines are cut to
 * what a map and a simulation need (Douglas–Peucker at 2 m, 5 decimals ≈ 1 m) and each direction is one
 * LineString in driving order; the live GPS sample becomes the fleet (plates, unit ids, the real fix).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const OUT = join(import.meta.dirname, '..', 'assets', 'transit', 'pksb');
const TOLERANCE_M = 2;
type Pt = [number, number];

const Multi = z.object({
  features: z.array(z.object({ geometry: z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }) })),
});
const Sample = z.array(
  z.object({
    licence: z.string(),
    data: z.object({ pos: z.tuple([z.number(), z.number()]), spd: z.number(), azm: z.number(), time: z.string(), vhc: z.object({ id: z.string() }) }),
  }),
);

function perpendicularM(p: Pt, a: Pt, b: Pt): number {
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  const [ax, ay, bx, by] = [(a[0] - p[0]) * kx, (a[1] - p[1]) * ky, (b[0] - p[0]) * kx, (b[1] - p[1]) * ky];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function simplify(points: Pt[]): Pt[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  for (let span = stack.pop(); span !== undefined; span = stack.pop()) {
    const [from, to] = span;
    let worst = -1;
    let worstM = TOLERANCE_M;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicularM(at(points, i), at(points, from), at(points, to));
      if (d > worstM) [worst, worstM] = [i, d];
    }
    if (worst === -1) continue;
    keep[worst] = 1;
    stack.push([from, worst], [worst, to]);
  }
  const rounded = points.filter((_, i) => keep[i] === 1).map(([x, y]): Pt => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5]);
  return rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1]?.[0] || p[1] !== rounded[i - 1]?.[1]);
}

function at(points: Pt[], i: number): Pt {
  const p = points[i];
  if (p === undefined) throw new RangeError(`no point ${i}`);
  return p;
}

/** The parts of one feature, joined in the order given (the upstream splits a direction into pieces). */
function joined(src: string, file: string, feature: number, parts: number[]): Pt[] {
  const f = Multi.parse(JSON.parse(readFileSync(join(src, 'routes', file), 'utf8'))).features[feature];
  if (f === undefined) throw new Error(`${file}: no feature ${feature}`);
  return parts.flatMap((i) => f.geometry.coordinates[i] ?? []);
}

function main(src: string): void {
  const lines = [
    { routeId: 'rawai-airport', directionId: 0, name: 'Phuket Airport → Rawai', points: joined(src, 'rawai_airport_line.geojson', 0, [0]) },
    { routeId: 'rawai-airport', directionId: 1, name: 'Rawai → Phuket Airport', points: joined(src, 'rawai_airport_line.geojson', 1, [0]) },
    { routeId: 'patong-old-bus-station', directionId: 0, name: 'Bus Terminal 2 → Terminal 1 → Patong', points: joined(src, 'patong_old_bus_station_line.geojson', 0, [0]) },
    // Patong → Terminal 1, its loop round the old town, then on to Terminal 2.
    { routeId: 'patong-old-bus-station', directionId: 1, name: 'Patong → Terminal 1 → Terminal 2', points: joined(src, 'patong_old_bus_station_line.geojson', 1, [0, 2, 1]) },
    { routeId: 'dragon-line', directionId: 0, name: 'Dragon Line (Old Town loop)', points: [...joined(src, 'dragon_line.geojson', 0, [0]), ...joined(src, 'dragon_line.geojson', 1, [0])] },
  ];
  const collection = {
    type: 'FeatureCollection',
    features: lines.map((l) => ({
      type: 'Feature',
      properties: { routeId: l.routeId, directionId: l.directionId, name: l.name },
      geometry: { type: 'LineString', coordinates: simplify(l.points) },
    })),
  };
  writeFileSync(join(OUT, 'lines.geojson'), `${JSON.stringify(collection)}\n`);

  const sample = Sample.parse(JSON.parse(readFileSync(join(src, 'bus_live_gps_sample_2026-03-08.json'), 'utf8')));
  // The sample's times are Phuket local time without a zone.
  const fleet = sample.map((b) => ({
    vehicleId: b.data.vhc.id,
    plate: b.licence,
    position: b.data.pos,
    speedKmh: b.data.spd,
    bearingDeg: b.data.azm,
    time: `${b.data.time.slice(0, 23)}+07:00`,
  }));
  writeFileSync(join(OUT, 'fleet.json'), `${JSON.stringify({ source: 'PKSB live GPS snapshot 2026-03-08', vehicles: fleet }, null, 1)}\n`);
  for (const f of ['airport-to-rawai.json', 'rawai-to-airport.json']) copyFileSync(join(src, 'timetables', f), join(OUT, f));
  copyFileSync(join(src, 'gtfs-partial', 'routes.txt'), join(OUT, 'routes.txt'));
}

main(process.argv[2] ?? '/work/shared/data/phuket/transit/pksb');
