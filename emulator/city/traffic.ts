import { haversineM } from './geo';
import type { LonLat } from './geo';
import { AIRPORT, HILLS, PATONG } from './places';
import type { RoadSegment } from './roadGraph';

/** What a segment's traffic depends on besides the clock; computed once per segment. */
export interface SegmentProfile {
  readonly freeFlowKmh: number;
  readonly lanes: number;
  readonly patong: boolean;
  readonly airport: boolean;
  readonly hill: boolean;
  /** How busy this road is compared with the island's average (0.55–1.5): some roads jam at the peak, others stay free. */
  readonly busyness: number;
}

export interface TrafficReading {
  readonly averageVehicleSpeed: number;
  readonly intensity: number;
  readonly occupancy: number;
  readonly congested: boolean;
}

const LANE_CAPACITY_PER_HOUR = 900;
const THAILAND_UTC_OFFSET_H = 7;

/** Phuket has no daylight saving, so local time is simply UTC+7. */
export function bangkokHour(ms: number): number {
  return (((ms / 3_600_000 + THAILAND_UTC_OFFSET_H) % 24) + 24) % 24;
}

export function midpoint(line: readonly LonLat[]): LonLat {
  return line[Math.floor(line.length / 2)] ?? line[0] ?? [0, 0];
}

/** A stable number in [0, 1) from a string (FNV-1a), so a road's character does not depend on the seed. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

const ARTERIAL_KMH = 60;

export function segmentProfile(seg: RoadSegment): SegmentProfile {
  const mid = midpoint(seg.coordinates);
  return {
    busyness: 0.55 + 0.8 * unitHash(seg.id) + (seg.freeFlowKmh >= ARTERIAL_KMH ? 0.15 : 0),
    freeFlowKmh: seg.freeFlowKmh,
    lanes: seg.lanes,
    patong: haversineM(mid, PATONG) < 2000,
    airport: haversineM(mid, AIRPORT) < 3000,
    hill: HILLS.some((h) => haversineM(mid, h) < 1500),
  };
}

/** Island-wide demand by hour: quiet nights, morning (7–9) and evening (16–19) peaks. */
function baseDemand(hour: number): number {
  if (hour < 5) return 0.08;
  if (hour < 7) return 0.08 + ((hour - 5) / 2) * 0.42;
  if (hour < 9) return 0.85;
  if (hour < 16) return 0.5;
  if (hour < 19) return 0.85;
  if (hour < 22) return 0.45;
  return 0.2;
}

/** Fraction of capacity in use, 0..1. Patong is busy at night (20–02), the airport road by day. */
export function demand(hour: number, profile: SegmentProfile): number {
  let d = Math.min(1, baseDemand(hour) * profile.busyness);
  if (profile.patong && (hour >= 20 || hour < 2)) d = Math.max(d, 0.8);
  if (profile.airport && hour >= 8 && hour < 20) d = Math.max(d, 0.7);
  return d;
}

/** `noise` in [-1, 1] nudges speed by up to ±6 %; near an open incident traffic crawls. */
export function trafficReading(profile: SegmentProfile, hour: number, nearIncident: boolean, noise: number): TrafficReading {
  const d = demand(hour, profile);
  let ratio = 1 - 0.65 * d * d;
  if (profile.hill) ratio *= 0.75;
  if (nearIncident) ratio *= 0.35;
  ratio *= 1 + 0.06 * noise;
  const averageVehicleSpeed = Math.max(3, Math.round(profile.freeFlowKmh * ratio));
  return {
    averageVehicleSpeed,
    intensity: Math.round((profile.lanes * LANE_CAPACITY_PER_HOUR * d * (nearIncident ? 0.6 : 1)) / 10) * 10,
    occupancy: Math.round(Math.min(0.98, d * 0.7 + (nearIncident ? 0.25 : 0)) * 100) / 100,
    congested: averageVehicleSpeed < 0.5 * profile.freeFlowKmh,
  };
}

export const sameReading = (a: TrafficReading, b: TrafficReading): boolean =>
  a.averageVehicleSpeed === b.averageVehicleSpeed && a.intensity === b.intensity && a.occupancy === b.occupancy && a.congested === b.congested;
