import type { LonLat } from '../model';
import type { Incident, Unit } from '../model';

/** A plain incident for tests: override what the test is about. */
export function incidentFixture(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'urn:ngsi-ld:Alert:phuket:1',
    type: 'medical',
    category: 'health',
    subCategory: null,
    severity: 'high',
    status: 'acknowledged',
    position: [98.3, 7.9],
    description: '',
    district: null,
    reporterLanguage: null,
    reporterNationality: null,
    assignedUnitIds: [],
    notes: [],
    source: null,
    reportedAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/** A plain unit for tests. */
export function unitFixture(id: string, position: LonLat, overrides: Partial<Unit> = {}): Unit {
  return { id, callsign: id, agency: 'ems', status: 'available', position, headingDeg: 0, speedKmh: 0, station: null, assignedIncidentId: null, observedAt: 0, ...overrides };
}
