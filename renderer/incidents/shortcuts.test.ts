import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { commandFor, isSingleCharacterKey } from './shortcuts';

describe('keyboard commands', () => {
  const fresh = incidentFixture({ status: 'new' });
  it('moves, opens, searches and helps', () => {
    expect(commandFor('j', undefined, 'operator')).toEqual({ kind: 'move', by: 1 });
    expect(commandFor('k', fresh, 'operator')).toEqual({ kind: 'move', by: -1 });
    expect(commandFor('Enter', fresh, 'operator')).toEqual({ kind: 'open' });
    expect(commandFor('/', undefined, 'operator')).toEqual({ kind: 'search' });
    expect(commandFor('?', undefined, 'operator')).toEqual({ kind: 'help' });
  });
  it('acts only where the lifecycle and the role allow', () => {
    expect(commandFor('a', fresh, 'operator')).toEqual({ kind: 'act', request: { kind: 'acknowledge', incidentId: fresh.id } });
    expect(commandFor('d', fresh, 'supervisor')).toBeNull();
    expect(commandFor('d', { ...fresh, status: 'acknowledged' }, 'supervisor')).toEqual({ kind: 'dispatch' });
    expect(commandFor('r', { ...fresh, status: 'on-scene' }, 'operator')).toMatchObject({ request: { status: 'resolved' } });
    expect(commandFor('c', { ...fresh, status: 'resolved' }, 'operator')).toBeNull();
    expect(commandFor('c', { ...fresh, status: 'resolved' }, 'supervisor')).toMatchObject({ request: { status: 'closed' } });
    expect(commandFor('o', { ...fresh, status: 'closed' }, 'supervisor')).toMatchObject({ request: { status: 'acknowledged' } });
  });
  it('asks before closing or resolving, so a mis-keyed c or r ends nothing', () => {
    expect(commandFor('c', { ...fresh, status: 'resolved' }, 'supervisor')).toMatchObject({ kind: 'confirm' });
    expect(commandFor('r', { ...fresh, status: 'on-scene' }, 'operator')).toMatchObject({ kind: 'confirm' });
    expect(commandFor('s', { ...fresh, status: 'dispatched' }, 'operator')).toMatchObject({ kind: 'act' });
  });
  it('opens the new-incident dialog for whoever may take calls, with or without a selection', () => {
    expect(commandFor('i', undefined, 'operator')).toEqual({ kind: 'new-incident' });
    expect(commandFor('i', fresh, 'supervisor')).toEqual({ kind: 'new-incident' });
    expect(commandFor('i', undefined, 'viewer')).toBeNull();
  });
  it('knows which keys are single characters, the ones that can be turned off', () => {
    expect(['a', '/', '?', 'ก'].every(isSingleCharacterKey)).toBe(true);
    expect(['Enter', 'Escape', 'ArrowDown'].some(isSingleCharacterKey)).toBe(false);
  });
});
