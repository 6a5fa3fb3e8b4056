import type { Incident, OperatorAction, OperatorProfile, OutboxEntry, RoadSegmentState, Unit } from '../../../../shared/domain';
import type { ActionWrite, ObservationRecord } from '../api';

// Valid domain objects for the store's tests and the kill -9 harness: small, deterministic, inside Phuket.

export const OPERATOR: OperatorProfile = { name: 'Somchai P.', role: 'operator', workstation: 'desk-3' };

const AT = Date.UTC(2025, 10, 26, 3, 0, 0);

export function fakeIncident(n: number, at = AT): Incident {
  return {
    id: `urn:ngsi-ld:Alert:test-${n}`,
    type: 'traffic-accident',
    category: 'traffic',
    subCategory: 'carAccident',
    severity: 'medium',
    status: 'new',
    position: [98.3 + (n % 50) * 0.001, 7.9 + (n % 30) * 0.001],
    description: `collision ${n}`,
    district: 'Kathu',
    reporterLanguage: null,
    reporterNationality: null,
    assignedUnitIds: [],
    notes: [],
    source: 'test',
    reportedAt: at,
    updatedAt: at,
  };
}

export function fakeUnit(n: number, at = AT): Unit {
  return {
    id: `urn:ngsi-ld:Vehicle:unit-${n}`,
    callsign: `EMS-${n}`,
    agency: 'ems',
    status: 'available',
    position: [98.35 + (n % 40) * 0.001, 7.88],
    headingDeg: (n * 37) % 360,
    speedKmh: 40,
    station: null,
    assignedIncidentId: null,
    observedAt: at,
  };
}

export function fakeSegment(n: number, at = AT): RoadSegmentState {
  return {
    id: `urn:ngsi-ld:TrafficFlowObserved:seg-${n}`,
    segmentId: `seg-${n}`,
    name: `Road ${n}`,
    path: [
      [98.3, 7.9 + n * 0.0001],
      [98.31, 7.9 + n * 0.0001],
    ],
    speedKmh: 30 + (n % 40),
    freeFlowKmh: 60,
    intensity: 100,
    occupancy: 0.2,
    congested: false,
    observedAt: at,
  };
}

/** An observation as the feed writer would make it: source time from the item, receive time given. */
export function observe(item: Incident | Unit | RoadSegmentState, receivedAt: number): ObservationRecord {
  const sourceTime = 'updatedAt' in item ? item.updatedAt : item.observedAt;
  if ('callsign' in item) return { feed: 'units', entityId: item.id, sourceTime, receivedAt, endedAt: null, item: { feed: 'units', item } };
  if ('path' in item) return { feed: 'traffic', entityId: item.id, sourceTime, receivedAt, endedAt: null, item: { feed: 'traffic', item } };
  return { feed: 'incidents', entityId: item.id, sourceTime, receivedAt, endedAt: item.status === 'closed' ? item.updatedAt : null, item: { feed: 'incidents', item } };
}

/** What the action does to the incident, as the console would show it before the platform confirms. */
export function applyAction(incident: Incident, action: OperatorAction, actor: OperatorProfile, at: number): Incident {
  switch (action.kind) {
    case 'acknowledge':
      return { ...incident, status: 'acknowledged', updatedAt: at };
    case 'note':
      return { ...incident, notes: [...incident.notes, { id: action.noteId, text: action.text, author: actor.name, at }].slice(-500), updatedAt: at };
    case 'status':
      return { ...incident, status: action.status, updatedAt: at };
    case 'dispatch':
      return { ...incident, status: 'dispatched', assignedUnitIds: [...new Set([...incident.assignedUnitIds, ...action.unitIds])].slice(-50), updatedAt: at };
    case 'create':
    case 'sop-check':
    case 'unit-service':
      return incident;
  }
}

/** The write for one action on `incident`, queued. `seq` is a placeholder: the outbox assigns it. */
export function actionWrite(actionId: string, incident: Incident, action: OperatorAction, at: number, actor: OperatorProfile = OPERATOR): ActionWrite & { readonly before: Incident; readonly after: Incident } {
  const entry: OutboxEntry = { actionId, seq: 1, action, actor, createdAt: at, state: 'queued', attempts: 0, nextAttemptAt: at, lastError: null, settledAt: null };
  return { entry, before: incident, after: applyAction(incident, action, actor, at) };
}
