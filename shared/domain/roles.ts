import type { IncidentStatus } from './vocabulary';
import type { OperatorProfile } from './actions';

/** What an action amounts to for the role rules: its kind, and the status it moves to. */
export type ActionShape = { kind: 'acknowledge' | 'note' | 'dispatch' } | { kind: 'status'; status: IncidentStatus };

/**
 * Who may do what. Operators acknowledge, write notes (a dispatch proposal is a note), and report
 * progress (on scene, resolved). Supervisors also dispatch, close and reopen.
 * The UI offers only what this allows, and the core refuses anything else.
 */
export function mayPerform(role: OperatorProfile['role'], action: ActionShape): boolean {
  if (role === 'supervisor') return true;
  switch (action.kind) {
    case 'acknowledge':
    case 'note':
      return true;
    case 'dispatch':
      return false;
    case 'status':
      return action.status === 'on-scene' || action.status === 'resolved';
  }
}
