import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../shared/contract';
import type { OperatorProfile } from '../../shared/domain';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { en } from '../i18n/en';
import { ConsoleProvider } from '../store/context';
import { createConsoleStore } from '../store/store';
import type { ConsoleStore } from '../store/store';
import { IncidentActions, roleOf } from './IncidentActions';
import { commandFor } from './shortcuts';
import { keyAllowed } from './useShortcuts';

// Server rendering reads a store's initial state; these renders must see the state set up for them.
const asRendered = (store: ConsoleStore): ConsoleStore => ({ ...store, getInitialState: store.getState });
const noHost = buildBridge({ invoke: () => Promise.reject(new Error('no host in this test')), listen: () => () => undefined });

function actions(profile: OperatorProfile | null, status: 'new' | 'acknowledged' | 'resolved'): string {
  const store = createConsoleStore();
  if (profile) store.getState().setProfile(profile);
  return renderToStaticMarkup(
    <ConsoleProvider store={asRendered(store)} bridge={noHost}>
      <IncidentActions incident={incidentFixture({ status })} />
    </ConsoleProvider>,
  );
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('what a window offers', () => {
  it('offers a viewer no action at all, only a read-only note', () => {
    for (const status of ['new', 'acknowledged', 'resolved'] as const) {
      const html = actions({ name: 'Viewer', role: 'viewer', workstation: 'ws' }, status);
      expect(html).not.toContain('<button');
      expect(html).not.toContain('<input');
      expect(html).toContain('Read-only: this console has no operator profile');
    }
  });

  it('offers nothing before the core has said who is here', () => {
    expect(roleOf(null)).toBe('viewer');
    expect(actions(null, 'new')).not.toContain('<button');
  });

  it('still offers an operator and a supervisor their actions', () => {
    const operator = actions({ name: 'Somchai', role: 'operator', workstation: 'ws' }, 'acknowledged');
    expect(operator).toContain('Propose dispatch');
    expect(operator).toContain('Add note');
    const supervisor = actions({ name: 'Niran', role: 'supervisor', workstation: 'ws' }, 'resolved');
    expect(supervisor).toContain('aria-label="Close"');
    expect(supervisor).toContain('aria-label="Reopen"');
  });

  it('ignores a viewer’s action keys but keeps its navigation keys', () => {
    const fresh = incidentFixture({ status: 'new' });
    const acknowledged = { ...fresh, status: 'acknowledged' as const };
    const allowed = (key: string, incident = fresh, role: OperatorProfile['role'] = 'viewer') => {
      const command = commandFor(key, incident, role);
      return command !== null && keyAllowed(command, role);
    };
    expect(allowed('a')).toBe(false);
    expect(allowed('n')).toBe(false);
    expect(allowed('d', acknowledged)).toBe(false);
    expect(allowed('r', acknowledged)).toBe(false);
    for (const key of ['j', 'k', 'Enter', '/', '?', 'l', 'Escape']) expect(allowed(key)).toBe(true);
    expect(allowed('a', fresh, 'operator')).toBe(true);
    expect(allowed('d', acknowledged, 'operator')).toBe(true);
    expect(allowed('n', fresh, 'operator')).toBe(true);
  });
});
