import type { TimelineEvent } from '../../../shared/contract';
import type { Incident, OperatorAction, OperatorProfile } from '../../../shared/domain';

/**
 * This console's action as a line of its incident's timeline: codes and values (action kind, line, SOP item),
 * never sentences, so each window says it in its own language. Keyed by the action id, so it is kept once.
 */
export function ownEvent(actionId: string, action: OperatorAction, actor: OperatorProfile, at: number, before: Incident | null, after: Incident): TimelineEvent {
  const base = { at, actor: actor.name.slice(0, 100), origin: 'console' as const };
  switch (action.kind) {
    case 'create': {
      const c = action.incident;
      const params: Record<string, string> = { actionId, line: c.line };
      if (c.callerName !== '') params['caller'] = c.callerName;
      if (c.callerPhone !== '') params['phone'] = c.callerPhone;
      if (c.place !== null) params['place'] = c.place;
      return { ...base, kind: 'created', from: null, to: after.status, text: c.description || null, params };
    }
    case 'sop-check':
      return { ...base, kind: 'sop', from: null, to: action.checked ? 'checked' : 'unchecked', text: null, params: { actionId, sop: action.sopId, version: String(action.version), item: action.itemId } };
    case 'note':
      return { ...base, kind: 'action', from: null, to: null, text: action.text, params: { actionId, action: 'note' } };
    case 'dispatch':
      return { ...base, kind: 'action', from: before?.status ?? null, to: after.status, text: action.unitIds.join(', '), params: { actionId, action: 'dispatch' } };
    case 'acknowledge':
    case 'status':
    case 'unit-service':
      return { ...base, kind: 'action', from: before?.status ?? null, to: after.status, text: null, params: { actionId, action: action.kind } };
  }
}
