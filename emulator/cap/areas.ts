import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the emulator's CAP warnings apply, in CAP's own notation ("lat,lon" points, circles "lat,lon km"). */
export interface CapArea {
  readonly th: string;
  readonly en: string;
  readonly polygons: readonly string[];
  readonly circles: readonly string[];
}

type Position = [number, number];
const Position = z.tuple([z.number(), z.number()]);
const Boundaries = z.object({
  features: z.array(
    z.object({
      properties: z.object({ level: z.string(), code: z.string() }),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
      ]),
    }),
  ),
});

/** The simplified OCHA district boundaries the console ships (assets/basemap/boundaries.geojson). */
const BOUNDARIES = join(import.meta.dirname, '..', '..', 'assets', 'basemap', 'boundaries.geojson');

/** Douglas–Peucker in degrees (Phuket spans half a degree: the distortion is immaterial here), iterative. */
function simplify(line: readonly Position[], tolerance: number): Position[] {
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  for (let span = stack.pop(); span !== undefined; span = stack.pop()) {
    const [first, last] = span;
    const a = line[first] ?? [0, 0];
    const b = line[last] ?? [0, 0];
    let worst = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const p = line[i] ?? [0, 0];
      const chord = Math.hypot(b[0] - a[0], b[1] - a[1]);
      // A closed ring starts where it ends: the first split is then by distance from that point.
      const d = chord === 0 ? Math.hypot(p[0] - a[0], p[1] - a[1]) : Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / chord;
      if (d > worst) [worst, index] = [d, i];
    }
    if (index !== -1 && worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** A closed ring cut to at most `maxPoints`, by raising the tolerance until it fits. */
export function simplifyRing(ring: readonly Position[], maxPoints: number): Position[] {
  let out = [...ring];
  for (let tolerance = 0.0001; out.length > maxPoints; tolerance *= 1.5) out = simplify(ring, tolerance);
  return out;
}

const toCap = (ring: readonly Position[]): string => ring.map(([lon, lat]) => `${lat.toFixed(5)},${lon.toFixed(5)}`).join(' ');

/** The outer ring of a district's largest part (small islands are left out of a rain warning). */
function districtRing(code: string): Position[] {
  const file = Boundaries.parse(JSON.parse(readFileSync(BOUNDARIES, 'utf8')));
  const feature = file.features.find((f) => f.properties.level === 'district' && f.properties.code === code);
  if (feature === undefined) throw new Error(`district ${code} missing from ${BOUNDARIES}`);
  const parts = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const outer = parts.map((p) => p[0] ?? []).sort((a, b) => b.length - a.length)[0];
  if (outer === undefined || outer.length < 4) throw new Error(`district ${code} has no ring`);
  return outer;
}

export const MAX_RING_POINTS = 200;

/** Mueang Phuket, Kathu and Thalang, each one area with its real (simplified) boundary. */
export function districtAreas(): CapArea[] {
  const districts = [
    { code: 'TH8301', th: 'อำเภอเมืองภูเก็ต', en: 'Mueang Phuket district' },
    { code: 'TH8302', th: 'อำเภอกะทู้', en: 'Kathu district' },
    { code: 'TH8303', th: 'อำเภอถลาง', en: 'Thalang district' },
  ];
  return districts.map((d) => ({ th: d.th, en: d.en, polygons: [toCap(simplifyRing(districtRing(d.code), MAX_RING_POINTS))], circles: [] }));
}

/** The west-coast beaches, each a circle on the beach (1.2 km covers the sand and the surf zone). */
export const BEACH_AREAS: readonly CapArea[] = [
  { th: 'หาดในยาง', en: 'Nai Yang Beach', polygons: [], circles: ['8.0903,98.2955 1.2'] },
  { th: 'หาดบางเทา', en: 'Bang Tao Beach', polygons: [], circles: ['8.0010,98.2925 1.2'] },
  { th: 'หาดสุรินทร์', en: 'Surin Beach', polygons: [], circles: ['7.9754,98.2780 1.2'] },
  { th: 'หาดกมลา', en: 'Kamala Beach', polygons: [], circles: ['7.9530,98.2805 1.2'] },
  { th: 'หาดป่าตอง', en: 'Patong Beach', polygons: [], circles: ['7.8960,98.2930 1.2'] },
  { th: 'หาดกะรน', en: 'Karon Beach', polygons: [], circles: ['7.8440,98.2925 1.2'] },
  { th: 'หาดกะตะ', en: 'Kata Beach', polygons: [], circles: ['7.8200,98.2965 1.2'] },
  { th: 'หาดในหาน', en: 'Nai Harn Beach', polygons: [], circles: ['7.7770,98.3035 1.2'] },
];

/** A band along the Andaman (west) coast from Mai Khao to Promthep Cape, 2–3 km out to sea and 1–2 km inland. */
export const ANDAMAN_COAST: CapArea = {
  th: 'ชายฝั่งทะเลอันดามัน จังหวัดภูเก็ต ตั้งแต่หาดไม้ขาวถึงแหลมพรหมเทพ',
  en: 'Andaman coast of Phuket, Mai Khao Beach to Promthep Cape',
  polygons: [
    '8.2000,98.2600 8.1000,98.2750 8.0000,98.2700 7.9500,98.2600 7.9000,98.2700 7.8500,98.2700 7.8000,98.2800 7.7550,98.2900 ' +
      '7.7550,98.3150 7.8000,98.3150 7.8500,98.3100 7.9000,98.3100 7.9500,98.3000 8.0000,98.3100 8.1000,98.3150 8.2000,98.3050 8.2000,98.2600',
  ],
  circles: [],
};
