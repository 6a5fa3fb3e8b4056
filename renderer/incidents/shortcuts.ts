import type { ActionRequest } from '../../shared/contract';
import { mayPerform } from '../../shared/domain';
import type { Incident, OperatorProfile } from '../../shared/domain';
import { canDispatch, STATUS_MOVES } from './IncidentActions';

/** What a key press asks for, decided purely from the key and the state; the hook carries it out. */
export type KeyCommand =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'open' }
  | { kind: 'act'; request: ActionRequest }
  /** Closing and resolving end an incident: asked first, so a mis-keyed `c` or `r` cannot. */
  | { kind: 'confirm'; request: ActionRequest }
  | { kind: 'new-incident' }
  | { kind: 'dispatch' }
  | { kind: 'note' }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'language' }
  | { kind: 'back' };

/** A key that is one printable character: these can be turned off (WCAG 2.1.4); arrows, Enter and Esc stay. */
export const isSingleCharacterKey = (key: string): boolean => [...key].length === 1;

export function commandFor(key: string, selected: Incident | undefined, role: OperatorProfile['role']): KeyCommand | null {
  switch (key) {
    case 'i':
      return mayPerform(role, { kind: 'create' }) ? { kind: 'new-incident' } : null;
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'Enter':
      return selected ? { kind: 'open' } : null;
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
    case 'l':
      return { kind: 'language' };
    case 'Escape':
      return { kind: 'back' };
  }
  if (!selected) return null;
  if (key === 'a') return selected.status === 'new' ? { kind: 'act', request: { kind: 'acknowledge', incidentId: selected.id } } : null;
  if (key === 'd') return canDispatch(selected) ? { kind: 'dispatch' } : null;
  if (key === 'n') return { kind: 'note' };
  const move = STATUS_MOVES.find((m) => m.key === key);
  if (move && move.from.includes(selected.status) && mayPerform(role, { kind: 'status', status: move.to })) {
    const request: ActionRequest = { kind: 'status', incidentId: selected.id, status: move.to };
    return move.to === 'closed' || move.to === 'resolved' ? { kind: 'confirm', request } : { kind: 'act', request };
  }
  return null;
}
