import { coded } from '../../../shared/contract';
import { incidentTransitions, incidentTypeToAlert } from '../../../shared/domain';
import type { Incident, IncidentStatus, OperatorAction, OperatorProfile, Unit } from '../../../shared/domain';
import type { Mapped } from '../feeds/result';
import { accept, refuse } from '../feeds/result';

function move(incident: Incident, to: IncidentStatus): Mapped<Incident> {
  if (!incidentTransitions[incident.status].includes(to)) {
    const allowed = incidentTransitions[incident.status].join(', ') || 'nothing';
    return refuse(`incident is ${incident.status}; it cannot move to ${to} (allowed: ${allowed})`, coded('lifecycle-move', { from: incident.status, to, allowed: incidentTransitions[incident.status].join(',') }));
  }
  return accept({ ...incident, status: to });
}

/**
 * What an action does to the incident as this console sees it, before the platform confirms.
 * Pure. The same lifecycle rules as the platform's, so an action refused here is never queued.
 */
export function applyActionLocally(incident: Incident, action: OperatorAction, actor: OperatorProfile, now: number): Mapped<Incident> {
  // The platform's updatedAt is kept: our clock and the platform's need not agree, and the windows order
  // versions by it. A local change has the same time and different content, which wins; so does the platform's next word.
  const stamped = (next: Mapped<Incident>): Mapped<Incident> => next;
  switch (action.kind) {
    case 'acknowledge':
      return stamped(move(incident, 'acknowledged'));
    case 'status':
      return stamped(move(incident, action.status));
    case 'note':
      if (incident.status === 'closed') return refuse('incident is closed; reopen it before adding a note', coded('incident-closed-note'));
      if (incident.notes.some((n) => n.id === action.noteId)) return accept(incident);
      return stamped(accept({ ...incident, notes: [...incident.notes, { id: action.noteId, text: action.text, author: actor.name, at: now }] }));
    case 'dispatch': {
      const next = incident.status === 'dispatched' || incident.status === 'on-scene' ? accept(incident) : move(incident, 'dispatched');
      if (!next.ok) return next;
      const units = [...new Set([...incident.assignedUnitIds, ...action.unitIds])];
      return stamped(accept({ ...next.value, status: next.value.status === 'on-scene' ? 'on-scene' : 'dispatched', assignedUnitIds: units }));
    }
    case 'sop-check':
      // The checklist is this console's record (timeline and audit); the incident itself does not change.
      return incident.status === 'closed' ? refuse('incident is closed; reopen it before working its procedure', coded('incident-closed-sop')) : accept(incident);
    case 'create':
      return incident.id === action.incidentId ? accept(incident) : refuse(`incident ${action.incidentId} already exists`, coded('incident-exists', { id: action.incidentId }));
    case 'unit-service':
      return refuse('a unit action does not apply to an incident', coded('unit-action-on-incident'));
  }
}

/** The incident a call creates, as this console shows it at once (new, reported now, by this workstation). */
export function createdIncident(action: Extract<OperatorAction, { kind: 'create' }>, actor: OperatorProfile, now: number): Incident {
  const { incident } = action;
  const alert = incidentTypeToAlert[incident.type];
  return {
    id: action.incidentId,
    type: incident.type,
    category: alert.category,
    subCategory: alert.subCategory,
    severity: incident.severity,
    status: 'new',
    position: incident.position,
    description: incident.description,
    district: incident.district,
    reporterLanguage: incident.callerLanguage,
    reporterNationality: incident.callerNationality,
    assignedUnitIds: [],
    notes: [],
    source: actor.workstation,
    reportedAt: now,
    updatedAt: now,
  };
}

/** A unit out of service or back, with the same rule as the platform's: only from available or out of service. */
export function applyUnitService(unit: Unit, action: Extract<OperatorAction, { kind: 'unit-service' }>): Mapped<Unit> {
  if (unit.status !== 'available' && unit.status !== 'out-of-service') return refuse(`unit ${unit.callsign} is ${unit.status}; it can change duty state only when available or out of service`, coded('unit-duty-busy', { callsign: unit.callsign, status: unit.status }));
  if (unit.status === action.status) return refuse(`unit ${unit.callsign} is already ${action.status}`, coded('unit-duty-same', { callsign: unit.callsign, status: action.status }));
  return accept({ ...unit, status: action.status });
}
