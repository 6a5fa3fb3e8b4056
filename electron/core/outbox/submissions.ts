import type { ActionRequest } from '../../../shared/contract';
import type { IncidentStatus, UnitStatus } from '../../../shared/domain';

/** How long a second identical request from the same state counts as the same click. */
export const DUPLICATE_WINDOW_MS = 10_000;
const REMEMBERED = 200;

interface Submission {
  readonly key: string;
  readonly clientRequestId: string | null;
  readonly actionId: string;
  readonly at: number;
  /** The incident's status before and after the action: a repeat taken from either is the same action. */
  readonly from: IncidentStatus | UnitStatus;
  readonly to: IncidentStatus | UnitStatus;
}

/** What an action asks for, whatever order its fields came in: incident, kind and payload. */
function keyOf(request: ActionRequest): string {
  switch (request.kind) {
    case 'acknowledge':
      return JSON.stringify([request.incidentId, request.kind]);
    case 'note':
      return JSON.stringify([request.incidentId, request.kind, request.text.trim()]);
    case 'status':
      return JSON.stringify([request.incidentId, request.kind, request.status]);
    case 'dispatch':
      return JSON.stringify([request.incidentId, request.kind, [...new Set(request.unitIds)].sort()]);
    case 'create':
      return JSON.stringify([request.kind, request.incident]);
    case 'sop-check':
      return JSON.stringify([request.incidentId, request.kind, request.sopId, request.itemId, request.checked]);
    case 'unit-service':
      return JSON.stringify([request.unitId, request.kind, request.status]);
  }
}

/**
 * Recent submissions, so a double click (or a window that sends again after a lost reply) queues one
 * action. A request with a client request id is the same as an earlier one with that id; without one, the
 * same incident, kind and payload within the window, taken from the state the first one started from or
 * led to, is the same action.
 */
export class RecentSubmissions {
  private readonly recent: Submission[] = [];

  find(request: ActionRequest, status: IncidentStatus | UnitStatus, now: number): string | null {
    const id = request.clientRequestId ?? null;
    if (id !== null) return this.recent.find((s) => s.clientRequestId === id)?.actionId ?? null;
    const key = keyOf(request);
    const match = this.recent.find((s) => s.key === key && now - s.at <= DUPLICATE_WINDOW_MS && (s.from === status || s.to === status));
    return match?.actionId ?? null;
  }

  remember(request: ActionRequest, actionId: string, from: IncidentStatus | UnitStatus, to: IncidentStatus | UnitStatus, now: number): void {
    this.recent.push({ key: keyOf(request), clientRequestId: request.clientRequestId ?? null, actionId, at: now, from, to });
    if (this.recent.length > REMEMBERED) this.recent.splice(0, this.recent.length - REMEMBERED);
  }
}
