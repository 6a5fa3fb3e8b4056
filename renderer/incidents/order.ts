import type { Incident, Severity } from '../../shared/domain';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 };
const OPEN: ReadonlySet<Incident['status']> = new Set(['new', 'acknowledged', 'dispatched', 'on-scene']);

/** By priority (severity), then the oldest first: the next one to handle is at the top. Open ones only unless `all`. */
export function queueOrder(incidents: Iterable<Incident>, all = false): Incident[] {
  return [...incidents].filter((i) => all || OPEN.has(i.status)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.reportedAt - b.reportedAt);
}
