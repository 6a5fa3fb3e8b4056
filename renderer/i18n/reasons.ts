import type { TFunction } from 'i18next';
import type { CodedReason } from '../../shared/contract';
import { REASON_CODES } from '../../shared/contract';

const KNOWN = new Set<string>(REASON_CODES);

/** Parameters that are themselves codes (a role, a status, an action kind), said in the UI language. */
function wordsFor(t: TFunction, reason: CodedReason): Record<string, string | number> {
  const params: Record<string, string | number> = { ...reason.params };
  const word = (key: string, value: string | number | undefined): string | number | undefined =>
    typeof value === 'string' ? t(key.replace('*', value), { defaultValue: value }) : value;
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined) params[name] = value;
  };
  const unitCode = reason.code === 'unit-duty-busy' || reason.code === 'unit-duty-same';
  set('role', word('role.*', params['role']));
  set('from', word('status.*', params['from']));
  set('to', word('status.*', params['to']));
  set('status', word(unitCode ? 'unitStatus.*' : 'status.*', params['status']));
  const action = params['action'];
  if (typeof action === 'string') {
    params['action'] = action.startsWith('status:')
      ? t('reasons.words.moveTo', { status: word('status.*', action.slice('status:'.length)) })
      : t(`actions.kinds.${action}`, { defaultValue: action });
  }
  const allowed = params['allowed'];
  if (typeof allowed === 'string') {
    params['allowed'] = allowed === '' ? t('reasons.words.nothing') : allowed.split(',').map((s) => word('status.*', s)).join(t('reasons.words.list'));
  }
  return params;
}

/**
 * A reason from the core in the operator's language: the coded reason when this window knows its code,
 * else the core's English text as it came.
 */
export function reasonText(t: TFunction, reason: CodedReason | undefined, fallback: string): string {
  if (reason === undefined || !KNOWN.has(reason.code)) return fallback;
  return t(`reasons.${reason.code}`, { ...wordsFor(t, reason), defaultValue: fallback });
}
