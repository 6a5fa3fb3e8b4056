import type { ActionRequest } from '../../../shared/contract';
import { isLocalOnly } from '../../../shared/domain';
import type { OperatorAction, OperatorProfile, OutboxEntry } from '../../../shared/domain';

/** An incident id for a call taken here: the platform's id for it from the start, so a resent create is the same one. */
export const newIncidentId = (uuid: string): string => `urn:ngsi-ld:Alert:${uuid}`;

/** The action as queued: the window's request without its client request id, a note with its id, a create with its incident's. */
export function toAction(request: ActionRequest, actionId: string, incidentId: string): OperatorAction {
  switch (request.kind) {
    case 'acknowledge':
      return { kind: 'acknowledge', incidentId: request.incidentId };
    case 'note':
      return { kind: 'note', incidentId: request.incidentId, noteId: actionId, text: request.text, ...(request.reportId === undefined ? {} : { reportId: request.reportId }) };
    case 'status':
      return { kind: 'status', incidentId: request.incidentId, status: request.status };
    case 'dispatch':
      return { kind: 'dispatch', incidentId: request.incidentId, unitIds: request.unitIds };
    case 'create':
      return { kind: 'create', incidentId, incident: request.incident, ...(request.reportId === undefined ? {} : { reportId: request.reportId }) };
    case 'sop-check':
      return { kind: 'sop-check', incidentId: request.incidentId, sopId: request.sopId, version: request.version, itemId: request.itemId, checked: request.checked };
    case 'unit-service':
      return { kind: 'unit-service', unitId: request.unitId, status: request.status };
  }
}

/** A new outbox row: queued for the platform, or, for this console's own record, settled at once. */
export function newEntry(actionId: string, seq: number, action: OperatorAction, actor: OperatorProfile, now: number): OutboxEntry {
  const local = isLocalOnly(action);
  return {
    actionId,
    seq,
    action,
    actor,
    createdAt: now,
    state: local ? 'confirmed' : 'queued',
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    settledAt: local ? now : null,
  };
}
