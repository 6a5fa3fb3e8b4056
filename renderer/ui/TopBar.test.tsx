import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../shared/contract';
import type { AppInfo } from '../../shared/contract';
import type { OperatorProfile } from '../../shared/domain';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import { ConsoleProvider } from '../store/context';
import { createConsoleStore } from '../store/store';
import type { ConsoleStore } from '../store/store';
import { sessionNotices, TopBar } from './TopBar';

const info = (profileMode: AppInfo['profileMode'], platformConfigured = true): AppInfo => ({ name: 'c', version: '0.1.0', host: 'browser', startedAt: 1, profileMode, platformConfigured });
const viewer: OperatorProfile = { name: 'Viewer', role: 'viewer', workstation: 'ws' };
const demo: OperatorProfile = { name: 'Demo Supervisor', role: 'supervisor', workstation: 'ws' };
// Server rendering reads a store's initial state; these renders must see the state set up for them.
const asRendered = (store: ConsoleStore): ConsoleStore => ({ ...store, getInitialState: store.getState });
const noHost = buildBridge({ invoke: () => Promise.reject(new Error('no host in this test')), listen: () => () => undefined });

function topBar(appInfo: AppInfo, profile: OperatorProfile): string {
  const store = createConsoleStore();
  store.getState().setAppInfo(appInfo);
  store.getState().setProfile(profile);
  return renderToStaticMarkup(
    <ConsoleProvider store={asRendered(store)} bridge={noHost}>
      <TopBar />
    </ConsoleProvider>,
  );
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en }, th: { translation: th } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('the top bar says what kind of session this is', () => {
  it('decides the notices from the mode, the role and the platform', () => {
    expect(sessionNotices(info('configured'), { ...demo, name: 'Niran' })).toEqual([]);
    expect(sessionNotices(info('demo'), demo)).toEqual(['demo']);
    expect(sessionNotices(info('viewer'), viewer)).toEqual(['viewer']);
    expect(sessionNotices(info('viewer', false), viewer)).toEqual(['viewer', 'noPlatform']);
    // A profile configured as a viewer is read-only too, and before the host answers nothing is claimed.
    expect(sessionNotices(info('configured'), viewer)).toEqual(['viewer']);
    expect(sessionNotices(null, null)).toEqual([]);
  });

  it('shows a DEMO badge on the built-in emulator', async () => {
    await i18next.changeLanguage('en');
    const html = topBar(info('demo'), demo);
    expect(html).toMatch(/data-session="demo"[^>]*>DEMO</);
    expect(html).not.toContain('Read-only');
  });

  it('shows the read-only viewer marker, and no platform when there is none, in English and Thai', async () => {
    await i18next.changeLanguage('en');
    const english = topBar(info('viewer', false), viewer);
    expect(english).toContain('Read-only viewer — no operator profile configured');
    expect(english).toContain('No platform configured');
    await i18next.changeLanguage('th');
    const thai = topBar(info('viewer', false), viewer);
    expect(thai).toContain('ดูได้อย่างเดียว — ยังไม่ได้ตั้งค่าโปรไฟล์ผู้ปฏิบัติงาน');
    expect(thai).toContain('ยังไม่ได้ตั้งค่าแพลตฟอร์ม');
    expect(thai).toContain('ผู้ดูเท่านั้น');
  });
});
