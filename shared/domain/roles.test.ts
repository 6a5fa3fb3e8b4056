import { describe, expect, it } from 'vitest';
import { mayPerform } from './roles';

describe('role rules', () => {
  it('lets an operator acknowledge, note and report progress, but not dispatch, close or reopen', () => {
    expect(mayPerform('operator', { kind: 'acknowledge' })).toBe(true);
    expect(mayPerform('operator', { kind: 'note' })).toBe(true);
    expect(mayPerform('operator', { kind: 'status', status: 'on-scene' })).toBe(true);
    expect(mayPerform('operator', { kind: 'status', status: 'resolved' })).toBe(true);
    expect(mayPerform('operator', { kind: 'dispatch' })).toBe(false);
    expect(mayPerform('operator', { kind: 'status', status: 'closed' })).toBe(false);
    expect(mayPerform('operator', { kind: 'status', status: 'acknowledged' })).toBe(false);
  });
  it('lets a supervisor do everything', () => {
    for (const action of [{ kind: 'dispatch' }, { kind: 'status', status: 'closed' }, { kind: 'status', status: 'acknowledged' }] as const) {
      expect(mayPerform('supervisor', action)).toBe(true);
    }
  });
});
