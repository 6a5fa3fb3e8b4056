import { agenciesFor } from '../../shared/domain';
import type { Incident, Unit } from '../../shared/domain';

const R = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

/** Available units of the agencies that answer this incident type, nearest first (straight line). */
export function nearestAvailable(incident: Incident, units: Iterable<Unit>, limit = 5): { unit: Unit; metres: number }[] {
  const agencies = new Set(agenciesFor[incident.type]);
  return [...units]
    .filter((u) => u.status === 'available' && agencies.has(u.agency))
    .map((unit) => ({ unit, metres: haversineM(unit.position, incident.position) }))
    .sort((a, b) => a.metres - b.metres)
    .slice(0, limit);
}
