import { Agency, UnitStatus } from '../../shared/domain';
import type { Incident, Unit } from '../../shared/domain';

export interface AgencyRow {
  readonly agency: Agency;
  readonly counts: Readonly<Record<UnitStatus, number>>;
  readonly units: readonly Unit[];
}

export interface ActiveDispatch {
  readonly incident: Incident;
  readonly units: readonly Unit[];
}

const zero = (): Record<UnitStatus, number> => ({ available: 0, dispatched: 0, 'on-scene': 0, returning: 0, 'out-of-service': 0 });
const byCallsign = (a: Unit, b: Unit) => a.callsign.localeCompare(b.callsign);

/** Units grouped by agency with a count per status, agencies in the vocabulary's order. Pure. */
export function unitsByAgency(units: Iterable<Unit>): AgencyRow[] {
  const rows = new Map<Agency, { counts: Record<UnitStatus, number>; units: Unit[] }>();
  for (const unit of units) {
    const row = rows.get(unit.agency) ?? { counts: zero(), units: [] };
    row.counts[unit.status] += 1;
    row.units.push(unit);
    rows.set(unit.agency, row);
  }
  return Agency.options.flatMap((agency) => {
    const row = rows.get(agency);
    return row ? [{ agency, counts: row.counts, units: row.units.sort(byCallsign) }] : [];
  });
}

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 } as const;

/** Incidents with units on the way or on scene, worst first, each with its units. Pure. */
export function activeDispatches(incidents: Iterable<Incident>, units: ReadonlyMap<string, Unit>): ActiveDispatch[] {
  return [...incidents]
    .filter((i) => i.status === 'dispatched' || i.status === 'on-scene')
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.reportedAt - b.reportedAt)
    .map((incident) => ({ incident, units: incident.assignedUnitIds.flatMap((id) => units.get(id) ?? []) }));
}

export const UNIT_STATUSES = UnitStatus.options;
