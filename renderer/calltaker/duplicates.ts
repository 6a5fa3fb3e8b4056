import type { Incident, IncidentType, LonLat } from '../../shared/domain';

export const DUPLICATE_METRES = 500;
export const DUPLICATE_MS = 30 * 60_000;
const EARTH_M = 6_371_000;

export function metresBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Open incidents that are probably the same call again: the same type, within 500 m, reported in the last
 * 30 minutes. Nearest first. Pure.
 */
export function likelyDuplicates(incidents: Iterable<Incident>, type: IncidentType, at: LonLat, now: number): { incident: Incident; metres: number }[] {
  const found: { incident: Incident; metres: number }[] = [];
  for (const incident of incidents) {
    if (incident.type !== type || incident.status === 'resolved' || incident.status === 'closed') continue;
    if (now - incident.reportedAt > DUPLICATE_MS) continue;
    const metres = metresBetween(at, incident.position);
    if (metres <= DUPLICATE_METRES) found.push({ incident, metres });
  }
  return found.sort((a, b) => a.metres - b.metres);
}
