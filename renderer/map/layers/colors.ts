import type { Agency, IncidentType, Severity, UnitStatus } from '../../../shared/domain';

export type Rgba = [number, number, number, number];

/** Traffic by share of free-flow speed, the usual green → red, ordered by lightness too so it survives greyscale. */
export const TRAFFIC_BANDS: readonly { minShare: number; color: Rgba; label: string }[] = [
  { minShare: 0.75, color: [64, 196, 120, 235], label: 'free flow' },
  { minShare: 0.5, color: [242, 200, 70, 235], label: 'busy' },
  { minShare: 0.25, color: [240, 128, 40, 240], label: 'slow' },
  { minShare: 0, color: [214, 48, 64, 245], label: 'jammed' },
];
export const TRAFFIC_UNKNOWN: Rgba = [120, 130, 145, 200];

const SLOW = 2;

/** The band for a segment: by share of free flow; a segment the platform calls congested is at least "slow". */
export function trafficBand(speedKmh: number, freeFlowKmh: number | null, congested: boolean): number | null {
  if (!freeFlowKmh) return congested ? SLOW : null;
  const share = speedKmh / freeFlowKmh;
  const band = TRAFFIC_BANDS.findIndex((b) => share >= b.minShare);
  const index = band === -1 ? TRAFFIC_BANDS.length - 1 : band;
  return congested ? Math.max(index, SLOW) : index;
}

export function trafficColor(speedKmh: number, freeFlowKmh: number | null, congested: boolean): Rgba {
  const band = trafficBand(speedKmh, freeFlowKmh, congested);
  return band === null ? TRAFFIC_UNKNOWN : (TRAFFIC_BANDS[band]?.color ?? TRAFFIC_UNKNOWN);
}

/** Unit status colours; the status is also written in the tooltip and the panels, never carried by colour alone. */
export const UNIT_STATUS_COLORS: Record<UnitStatus, Rgba> = {
  available: [80, 220, 140, 255],
  dispatched: [255, 196, 61, 255],
  'on-scene': [255, 100, 100, 255],
  returning: [110, 170, 255, 255],
  'out-of-service': [140, 150, 160, 255],
};
export const STALE_COLOR: Rgba = [110, 115, 125, 150];

/** Severity: colour, size and ring count all rise together, so it reads without colour vision too. */
export const SEVERITY_STYLE: Record<Severity, { color: Rgba; radiusPx: number; rings: number }> = {
  informational: { color: [150, 165, 185, 230], radiusPx: 9, rings: 0 },
  low: { color: [90, 170, 230, 235], radiusPx: 11, rings: 0 },
  medium: { color: [242, 193, 78, 240], radiusPx: 13, rings: 1 },
  high: { color: [240, 128, 40, 245], radiusPx: 15, rings: 1 },
  critical: { color: [235, 60, 70, 255], radiusPx: 17, rings: 2 },
};

export const AGENCY_LETTER: Record<Agency, string> = {
  police: 'P',
  'tourist-police': 'T',
  ems: 'E',
  fire: 'F',
  rescue: 'R',
  'marine-rescue': 'M',
};

export const INCIDENT_TYPES: readonly IncidentType[] = ['traffic-accident', 'medical', 'fire', 'flood', 'assault', 'theft', 'drowning', 'missing-person'];
