import { agenciesFor } from '../../shared/domain';
import type { Agency, Incident, IncidentStatus, IncidentType, Unit } from '../../shared/domain';
import { shortId } from '../../shared/domain';
import { placeAt } from '../geo/subdistricts';
import { queueOrder } from './order';

export interface QueueFilter {
  type: IncidentType | null;
  /** null: every open incident. */
  status: IncidentStatus | null;
  /** A district or subdistrict P-code (OCHA): TH8301 is Mueang Phuket and every tambon in it, TH830101 Talat Yai alone. */
  district: string | null;
  agency: Agency | null;
  text: string;
}

export const NO_FILTER: QueueFilter = { type: null, status: null, district: null, agency: null, text: '' };

const OPEN: ReadonlySet<IncidentStatus> = new Set(['new', 'acknowledged', 'dispatched', 'on-scene']);

/** The incidents the queue shows for a filter, in queue order (priority, then age). Pure. */
export function filterQueue(incidents: Iterable<Incident>, filter: QueueFilter, units: ReadonlyMap<string, Unit>, label: (i: Incident) => string = () => ''): Incident[] {
  const text = filter.text.trim().toLowerCase();
  const all = [...incidents].filter((i) => (filter.status === null ? OPEN.has(i.status) : i.status === filter.status));
  return queueOrder(all, true).filter((i) => {
    if (filter.type && i.type !== filter.type) return false;
    // Where an incident is comes from its position and the shipped boundaries, not the platform's free-text district.
    const place = placeAt(i.position);
    if (filter.district && !place?.subdistrict.code.startsWith(filter.district)) return false;
    if (filter.agency) {
      const assigned = i.assignedUnitIds.some((id) => units.get(id)?.agency === filter.agency);
      if (!assigned && !agenciesFor[i.type].includes(filter.agency)) return false;
    }
    if (!text) return true;
    const names = place ? [place.subdistrict.en, place.subdistrict.th, place.district.en, place.district.th] : [];
    const haystack = [shortId(i.id), i.id, i.type, i.description, i.district ?? '', ...names, i.reporterLanguage ?? '', i.reporterNationality ?? '', label(i)].join(' ').toLowerCase();
    return haystack.includes(text);
  });
}

/** How many incidents are in each status, for the counts over the queue. */
export function countByStatus(incidents: Iterable<Incident>): Record<IncidentStatus, number> {
  const counts: Record<IncidentStatus, number> = { new: 0, acknowledged: 0, dispatched: 0, 'on-scene': 0, resolved: 0, closed: 0 };
  for (const i of incidents) counts[i.status]++;
  return counts;
}
