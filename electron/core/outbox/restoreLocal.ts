import type { Incident } from '../../../shared/domain';
import type { Store } from '../store/api';

/**
 * local_incidents holds the incidents this console changed whose actions are still on their way. At start,
 * one the live state does not know (a call taken here during an outage, not in the cache, which keeps only
 * what the platform sent) is shown again from it. Returns how many.
 */
export async function restoreLocalIncidents(store: Pick<Store, 'localIncidents'>, known: (id: string) => boolean, show: (incident: Incident) => void): Promise<number> {
  const missing = (await store.localIncidents()).filter((incident) => !known(incident.id));
  for (const incident of missing) show(incident);
  return missing.length;
}
