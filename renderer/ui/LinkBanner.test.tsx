import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge } from '../../shared/contract';
import type { FeedHealthReport, SourceLinkHealth } from '../../shared/contract';
import { en } from '../i18n/en';
import { th } from '../i18n/th';
import { ConsoleProvider } from '../store/context';
import { createConsoleStore } from '../store/store';
import { LinkBanner } from './LinkBanner';

const noHost = buildBridge({ invoke: () => Promise.reject(new Error('no host in this test')), listen: () => () => undefined });

function banner(links: SourceLinkHealth[]): string {
  const store = createConsoleStore();
  const report: FeedHealthReport = { at: Date.now(), link: { state: 'down', since: Date.now() - 5_000 }, platform: 'two', feeds: [], links };
  store.getState().setHealth(report);
  return renderToStaticMarkup(
    <ConsoleProvider store={{ ...store, getInitialState: store.getState }} bridge={noHost}>
      <LinkBanner />
    </ConsoleProvider>,
  );
}

beforeAll(async () => {
  await i18next.use(initReactI18next).init({ resources: { en: { translation: en }, th: { translation: th } }, lng: 'en', interpolation: { escapeValue: false } });
});

describe('the link banner with several sources', () => {
  it('says which source is down, and only that one', () => {
    const html = banner([
      { id: 'broker', source: 'city.example', target: 'city.example', state: 'closed', detail: 'connection refused', since: 1 },
      { id: 'mqtt', source: 'fleet.example', target: 'mqtt.fleet', state: 'open', detail: 'subscribed', since: 1 },
    ]);
    expect(html).toContain('data-source="city.example"');
    expect(html).toContain('city.example is down (broker: connection refused); the other sources keep flowing.');
    expect(html).not.toContain('data-source="fleet.example"');
  });

  it('with one source, says nothing more than that the platform is unreachable', () => {
    const html = banner([{ id: 'broker', source: 'city.example', target: 'city.example', state: 'closed', detail: 'connection refused', since: 1 }]);
    expect(html).toContain('Platform unreachable since');
    expect(html).not.toContain('data-source');
  });
});
