import type { EscalationPolicy } from '../../shared/contract';
import type { Incident } from '../../shared/domain';

/** Incidents still new (nobody acknowledged them) past their severity's time. Pure. */
export function escalatedIds(incidents: Iterable<Incident>, policy: EscalationPolicy, now: number): Set<string> {
  const ids = new Set<string>();
  for (const incident of incidents) {
    const limit = policy[incident.severity];
    if (incident.status === 'new' && limit !== null && now - incident.reportedAt >= limit) ids.add(incident.id);
  }
  return ids;
}

/** Ids in `next` that were not in `before`: each escalation is announced once. */
export const newlyEscalated = (before: ReadonlySet<string>, next: ReadonlySet<string>): string[] => [...next].filter((id) => !before.has(id));

export const sameIds = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));
