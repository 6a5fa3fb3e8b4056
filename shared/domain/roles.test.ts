import { describe, expect, it } from 'vitest';
import { mayAct, mayPerform } from './roles';
import type { ActionShape } from './roles';
import { IncidentStatus } from './vocabulary';

const everything: ActionShape[] = [{ kind: 'acknowledge' }, { kind: 'note' }, { kind: 'dispatch' }, { kind: 'create' }, { kind: 'sop-check' }, { kind: 'unit-service' }, ...IncidentStatus.options.map((status) => ({ kind: 'status' as const, status }))];

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
  it('lets an operator take a call and work the SOP, but only a supervisor take a unit out of service or back', () => {
    expect(mayPerform('operator', { kind: 'create' })).toBe(true);
    expect(mayPerform('operator', { kind: 'sop-check' })).toBe(true);
    expect(mayPerform('operator', { kind: 'unit-service' })).toBe(false);
    expect(mayPerform('supervisor', { kind: 'unit-service' })).toBe(true);
  });
  it('lets a supervisor do everything', () => {
    for (const action of everything) expect(mayPerform('supervisor', action)).toBe(true);
  });
  it('lets a viewer do nothing at all', () => {
    for (const action of everything) expect(mayPerform('viewer', action)).toBe(false);
    expect(mayAct('viewer')).toBe(false);
    expect(mayAct('operator')).toBe(true);
    expect(mayAct('supervisor')).toBe(true);
  });
});
