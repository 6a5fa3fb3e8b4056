import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../shared/contract';
import type { SettingsView } from '../../shared/contract/settings';
import type { OperatorProfile } from '../../shared/domain';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import { LocalSettings } from '../settings/SettingsDialog';
import { ConsoleProvider } from '../store/context';
import { createConsoleStore } from '../store/store';
import type { ConsoleStore } from '../store/store';
import { WindowsDialog } from './WindowsDialog';

const asRendered = (store: ConsoleStore): ConsoleStore => ({ ...store, getInitialState: store.getState });
const noHost = buildBridge({ invoke: () => Promise.reject(new Error('no host in this test')), listen: () => () => undefined });

function render(node: React.ReactNode, profile: OperatorProfile | null = null): string {
  const store = createConsoleStore();
  if (profile) store.getState().setProfile(profile);
  return renderToStaticMarkup(
    <ConsoleProvider store={asRendered(store)} bridge={noHost}>
      {node}
    </ConsoleProvider>,
  );
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en }, th: { translation: th } }, lng: 'en', interpolation: { escapeValue: false } });
});

const view: SettingsView = {
  entries: [
    { path: 'logLevel', value: '"info"', source: 'default', file: null, deployed: false },
    { path: 'workstation', value: '"CC-DESK-04"', source: 'machine', file: '/etc/phuket-console/config.json', deployed: true },
  ],
  files: [],
};
const noop = () => undefined;

describe('View → Windows and roles', () => {
  it('is a modal dialog naming this window’s role, with the keys that move focus and a focused close button', () => {
    const html = render(<WindowsDialog onClose={noop} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="true"');
    expect(html).toContain('This window: Console, no display assigned');
    expect(html).toMatch(/<kbd>Alt<\/kbd>\+<kbd>Tab<\/kbd>/);
    expect(html).toContain('Close this dialog');
    expect(html).toMatch(/<button type="button" autofocus="">Close<\/button>/i);
  });
});

describe('the settings view’s local settings', () => {
  it('lets a supervisor change what is not deployed, and keeps what IT set read-only', () => {
    const html = render(<LocalSettings view={view} onSaved={noop} status={null} setStatus={noop} />, { name: 'A', role: 'supervisor', workstation: 'w' });
    expect(html).not.toMatch(/<select[^>]*disabled/);
    expect(html).toMatch(/<input[^>]*disabled[^>]*data-setting-edit="workstation"/);
    expect(html).toContain('set by IT (read-only)');
    expect(html).toContain('>Save<');
  });

  it('shows an operator the values with every control disabled, and says only a supervisor can change them', () => {
    const html = render(<LocalSettings view={view} onSaved={noop} status={null} setStatus={noop} />, { name: 'B', role: 'operator', workstation: 'w' });
    expect(html).toContain('Only a supervisor can change these.');
    expect(html).toMatch(/<select[^>]*disabled/);
    expect(html).not.toContain('>Save<');
  });
});
