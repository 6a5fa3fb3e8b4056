import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { z } from 'zod';
import { SUBDISTRICT_DATA } from './subdistrictData';

/** A place name in both languages, with its OCHA P-code. */
export interface AdminName {
  readonly code: string;
  readonly en: string;
  readonly th: string;
}

/** Where a point is: its subdistrict (tambon) and district (amphoe); `nearest` when it lies just offshore. */
export interface Place {
  readonly subdistrict: AdminName;
  readonly district: AdminName;
  readonly offshore: boolean;
}

const Name = z.object({ code: z.string(), en: z.string(), th: z.string() });
const Ring = z.array(z.tuple([z.number(), z.number()])).min(4);
const Subdistricts = z.array(Name.extend({ district: Name, polygons: z.array(z.array(Ring)) }));
type Subdistrict = z.infer<typeof Subdistricts>[number];

let parsed: Subdistrict[] | undefined;
/** The 17 subdistricts of Phuket (OCHA / RTSD), shipped with the renderer (derived by scripts/derive-assets.ts). */
export function subdistricts(): readonly Subdistrict[] {
  parsed ??= Subdistricts.parse(SUBDISTRICT_DATA);
  return parsed;
}

/** Districts (amphoe) in P-code order, each with its subdistricts: for pickers. */
export function districtsWithSubdistricts(): { district: AdminName; subdistricts: AdminName[] }[] {
  const byCode = new Map<string, { district: AdminName; subdistricts: AdminName[] }>();
  for (const s of subdistricts()) {
    const entry = byCode.get(s.district.code) ?? { district: s.district, subdistricts: [] };
    entry.subdistricts.push({ code: s.code, en: s.en, th: s.th });
    byCode.set(s.district.code, entry);
  }
  return [...byCode.values()].sort((a, b) => a.district.code.localeCompare(b.district.code)).map((d) => ({ ...d, subdistricts: d.subdistricts.sort((a, b) => a.code.localeCompare(b.code)) }));
}

/** How far offshore a point still belongs to the nearest subdistrict: a drowning off a beach is that beach's tambon. */
export const OFFSHORE_METRES = 5000;
const M_PER_DEG = 110_400;

function metresToVertex(s: Subdistrict, [lon, lat]: readonly [number, number]): number {
  let best = Infinity;
  for (const polygon of s.polygons) for (const [x, y] of polygon[0] ?? []) best = Math.min(best, Math.hypot((x - lon) * Math.cos((lat * Math.PI) / 180), y - lat) * M_PER_DEG);
  return best;
}

const cache = new Map<string, Place | null>();

/** The subdistrict and district at a point; the nearest within 5 km for a point at sea; null farther out. Pure, memoised by position. */
export function placeAt(position: readonly [number, number]): Place | null {
  const key = `${position[0].toFixed(5)},${position[1].toFixed(5)}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const point: [number, number] = [position[0], position[1]];
  const inside = subdistricts().find((s) => s.polygons.some((p) => booleanPointInPolygon(point, { type: 'Polygon', coordinates: p })));
  let place: Place | null = null;
  if (inside) place = { subdistrict: inside, district: inside.district, offshore: false };
  else {
    const nearest = subdistricts()
      .map((s) => ({ s, metres: metresToVertex(s, position) }))
      .sort((a, b) => a.metres - b.metres)[0];
    if (nearest && nearest.metres <= OFFSHORE_METRES) place = { subdistrict: nearest.s, district: nearest.s.district, offshore: true };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, place);
  return place;
}

/** "Subdistrict, District" in the UI's language, then the other language in brackets. */
export function placeName(place: Place, language: 'en' | 'th'): string {
  const other = language === 'th' ? 'en' : 'th';
  return `${place.subdistrict[language]}, ${place.district[language]} (${place.subdistrict[other]}, ${place.district[other]})`;
}
