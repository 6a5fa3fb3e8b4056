import type { IncidentType, Severity } from '../../shared/domain';
import { haversineM, offsetM } from './geo';
import type { LonLat } from './geo';
import { BEACHES, DISTRICTS, FLOOD_PRONE, NIGHTLIFE, nearestPlace } from './places';
import type { Place } from './places';
import type { Random } from './random';
import type { RoadGraph } from './roadGraph';

export interface IncidentDraft {
  readonly type: IncidentType;
  readonly severity: Severity;
  readonly location: [number, number];
  readonly description: string;
  readonly district: string;
  readonly reporterLanguage: string | null;
  readonly reporterNationality: string | null;
}

const isDay = (hour: number): boolean => hour >= 7 && hour < 19;
const isNight = (hour: number): boolean => hour >= 20 || hour < 4;

/** Expected incidents per simulated hour across the island; evenings are busiest. */
export function incidentsPerHour(hour: number): number {
  if (hour < 6) return 2.5;
  if (hour < 18) return 4;
  return 5;
}

function typeWeights(hour: number): [IncidentType, number][] {
  const beachHours = hour >= 10 && hour < 18;
  return [
    ['traffic-accident', isNight(hour) ? 35 : 40],
    ['medical', isNight(hour) ? 25 : 30],
    ['drowning', beachHours ? 10 : 0],
    ['assault', isNight(hour) ? 15 : 2],
    ['theft', isNight(hour) ? 15 : 5],
    ['fire', 4],
    ['flood', isDay(hour) ? 3 : 2],
    ['missing-person', isDay(hour) ? 4 : 2],
  ];
}

const SEVERITY: Record<IncidentType, [Severity, number][]> = {
  'traffic-accident': [['low', 3], ['medium', 4], ['high', 2], ['critical', 1]],
  medical: [['medium', 4], ['high', 4], ['critical', 2]],
  drowning: [['high', 5], ['critical', 5]],
  assault: [['low', 2], ['medium', 5], ['high', 3]],
  theft: [['informational', 2], ['low', 6], ['medium', 2]],
  fire: [['medium', 3], ['high', 4], ['critical', 3]],
  flood: [['low', 3], ['medium', 5], ['high', 2]],
  'missing-person': [['medium', 6], ['high', 4]],
};

/** Who calls: Thai residents and the island's main tourist markets. [nationality, language, weight]. */
const REPORTERS: [string, string, number][] = [
  ['TH', 'th', 42],
  ['RU', 'ru', 14],
  ['CN', 'zh', 11],
  ['GB', 'en', 6],
  ['AU', 'en', 5],
  ['DE', 'de', 5],
  ['IN', 'en', 4],
  ['US', 'en', 3],
  ['FR', 'fr', 3],
  ['KR', 'ko', 3],
];

const jitter = (rng: Random, p: LonLat, metres: number): [number, number] =>
  offsetM(p, rng.between(-metres, metres), rng.between(-metres, metres));

/** A vertex of a routable road near `centre`, so crews can drive to the scene. */
function roadPointNear(rng: Random, graph: RoadGraph, centre: LonLat | null): { at: [number, number]; road: string | null } {
  const candidates = graph.segments.filter(
    (s) => graph.routable[s.from] && (centre === null || haversineM(s.coordinates[0] ?? centre, centre) < 2500),
  );
  const seg = rng.pick(candidates.length > 0 ? candidates : graph.segments);
  const p = rng.pick(seg.coordinates);
  return { at: [p[0], p[1]], road: seg.name };
}

const TEMPLATES: Record<IncidentType, readonly string[]> = {
  'traffic-accident': ['Motorbike collision', 'Motorbike skid, rider down', 'Car and motorbike collision', 'Pickup truck rollover'],
  medical: ['Tourist collapsed, breathing difficulty', 'Resident with chest pain', 'Heat exhaustion', 'Severe allergic reaction'],
  drowning: ['Swimmer in difficulty in a rip current', 'Swimmer pulled unconscious from the water'],
  assault: ['Fight outside a bar', 'Tourist assaulted'],
  theft: ['Bag snatched by a passing motorbike', 'Phone and wallet stolen from a tourist'],
  fire: ['Kitchen fire in a restaurant', 'Electrical fire in a shophouse', 'Grass fire close to houses'],
  flood: ['Flash flooding, road under water', 'Drainage overflow flooding shophouses'],
  'missing-person': ['Child separated from parents', 'Tourist overdue from a hike'],
};

function siteFor(rng: Random, type: IncidentType, hour: number, graph: RoadGraph): { at: [number, number]; where: string } {
  const inDistrict = (): { at: [number, number]; where: string } => {
    const d: Place = rng.pick(DISTRICTS);
    const p = roadPointNear(rng, graph, d.at);
    return { at: p.at, where: d.name };
  };
  switch (type) {
    case 'traffic-accident': {
      const p = roadPointNear(rng, graph, null);
      return { at: p.at, where: p.road ?? 'the road' };
    }
    case 'drowning': {
      const beach = rng.pick(BEACHES);
      return { at: offsetM(beach.at, 0, rng.between(-300, 300)), where: beach.name };
    }
    case 'assault':
    case 'theft': {
      if (!isNight(hour)) return inDistrict();
      const spot = rng.weighted(NIGHTLIFE.map((n, i) => [n, i === 0 ? 6 : 1] as const));
      return { at: jitter(rng, spot.at, 200), where: spot.name };
    }
    case 'flood': {
      const area = rng.pick(FLOOD_PRONE);
      return { at: jitter(rng, area.at, 400), where: area.name };
    }
    case 'missing-person': {
      if (!rng.chance(0.5)) return inDistrict();
      const beach = rng.pick(BEACHES);
      return { at: [beach.at[0], beach.at[1]], where: beach.name };
    }
    case 'medical':
    case 'fire':
      return inDistrict();
  }
}

export function drawIncident(rng: Random, hour: number, graph: RoadGraph): IncidentDraft {
  const type = rng.weighted(typeWeights(hour));
  const site = siteFor(rng, type, hour, graph);
  const reporter = rng.chance(0.9) ? rng.weighted(REPORTERS.map(([n, l, w]) => [[n, l] as const, w] as const)) : null;
  return {
    type,
    severity: rng.weighted(SEVERITY[type]),
    location: site.at,
    description: `${rng.pick(TEMPLATES[type])}, ${site.where}`,
    district: nearestPlace(site.at, DISTRICTS, haversineM).name,
    reporterNationality: reporter?.[0] ?? null,
    reporterLanguage: reporter?.[1] ?? null,
  };
}
