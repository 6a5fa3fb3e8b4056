import { IncidentStatus } from './vocabulary';
import type { OperatorProfile } from './actions';

/** What an action amounts to for the role rules: its kind, and the status it moves to. */
export type ActionShape = { kind: 'acknowledge' | 'note' | 'dispatch' | 'create' | 'sop-check' | 'unit-service' } | { kind: 'status'; status: IncidentStatus };

/**
 * Who may do what. Operators take calls (create incidents), acknowledge, write notes (a dispatch proposal is a
 * note), check SOP items and report progress (on scene, resolved). Supervisors also dispatch, close, reopen
 * and take units out of service and back. A viewer (a console with
 * no operator profile configured) may only look: nobody is accountable for what it would do.
 * The UI offers only what this allows, and the core refuses anything else.
 */
export function mayPerform(role: OperatorProfile['role'], action: ActionShape): boolean {
  switch (role) {
    case 'viewer':
      return false;
    case 'supervisor':
      return true;
    case 'operator':
      return operatorMay(action);
  }
}

function operatorMay(action: ActionShape): boolean {
  switch (action.kind) {
    case 'acknowledge':
    case 'note':
    case 'create':
    case 'sop-check':
      return true;
    case 'dispatch':
    case 'unit-service':
      return false;
    case 'status':
      return action.status === 'on-scene' || action.status === 'resolved';
  }
}

const EVERY_ACTION: readonly ActionShape[] = [
  { kind: 'acknowledge' },
  { kind: 'note' },
  { kind: 'dispatch' },
  { kind: 'create' },
  { kind: 'sop-check' },
  { kind: 'unit-service' },
  ...IncidentStatus.options.map((status) => ({ kind: 'status' as const, status })),
];

/** Whether a role may do anything at all: a window shows one that may not a read-only view. */
export function mayAct(role: OperatorProfile['role']): boolean {
  return EVERY_ACTION.some((action) => mayPerform(role, action));
}
