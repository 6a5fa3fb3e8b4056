import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortId } from '../../shared/domain';
import { launchChromium } from '../support/chromium';
import { startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { feedState, waitForLiveFrames } from '../support/console-page';
import { subscriptionsOnPlatform } from '../support/emulator-control';
import { freePort, mosquittoMissing, startMosquitto } from '../support/mosquitto';

/**
 * The console as a client of a real NGSI-LD platform: its own subscriptions, notifications through Debian
 * mosquitto (stopped and restarted on the same port mid-test) and through the emulator's embedded broker.
 */

const link = (page: Page) => page.getByRole('status', { name: 'Platform link' });
const queueRow = (page: Page, id: string) => page.getByRole('list', { name: 'Incident queue' }).getByRole('button', { name: new RegExp(`^${shortId(id)} `) });
const mqttLink = (page: Page, state: 'up' | 'down') => page.getByRole('region', { name: 'Feed health' }).getByRole('listitem', { name: `MQTT notifications: ${state}` });

async function openPage(browser: Browser, app: RunningConsole): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  return page;
}

/** Another party reports an incident on the platform. */
async function report(emulatorUrl: string, label: string): Promise<string> {
  const id = `urn:ngsi-ld:Alert:phuket:${label}-${Date.now()}`;
  const response = await fetch(`${emulatorUrl}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, type: 'Alert', incidentType: 'medical', severity: 'high', location: { type: 'Point', coordinates: [98.33, 7.95] } }),
  });
  if (response.status !== 201) throw new Error(`report refused: ${response.status} ${await response.text()}`);
  return id;
}

const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000).toISOString();

describe.skipIf(mosquittoMissing() !== null)('through Debian mosquitto', () => {
  let broker: { stop(): Promise<void> };
  let port: number;
  let emulator: RunningEmulator;
  let app: RunningConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    port = await freePort();
    broker = await startMosquitto(10_000, port);
    // The platform's clock starts behind ours, so expiry happens only when this test makes it happen.
    emulator = await startEmulatorProcess(['--port', '0', '--speed', '20', '--seed', '5', '--start', TWO_DAYS_AGO, '--mqtt', `mqtt://127.0.0.1:${port}`]);
    const started = Date.now();
    [app, browser] = await Promise.all([
      startHeadlessConsole([], { PHUKET_PLATFORM_URL: emulator.url, PHUKET_MQTT_URL: `mqtt://127.0.0.1:${port}`, PHUKET_SUBSCRIPTION_TTL_S: '6', PHUKET_PLATFORM_SILENCE_MS: '3000' }),
      launchChromium(),
    ]);
    page = await openPage(browser, app);
    await link(page).filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });
    console.log(`mosquitto: console live ${Date.now() - started} ms after start`);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await emulator?.stop();
    await broker?.stop();
  });

  it('subscribes with standard subscriptions to mosquitto, and traffic, units and incidents arrive live', async () => {
    const subs = await subscriptionsOnPlatform(emulator.url);
    const ours = subs.filter((s) => s.id.startsWith('urn:ngsi-ld:Subscription:phuket-console:'));
    expect(ours.map((s) => s.id.split(':').at(-1)).sort()).toEqual(['Alert', 'RoadAccident', 'TrafficFlowObserved', 'Vehicle']);
    for (const s of ours) expect(s.notification.endpoint.uri).toMatch(new RegExp(`^mqtt://127\\.0\\.0\\.1:${port}/phuket/console/`));
    await waitForLiveFrames(page, 3);
    for (const feed of ['Traffic', 'Units', 'Incidents'] as const) await feedState(page, feed, 'connected').waitFor({ timeout: 30_000 });
    await mqttLink(page, 'up').waitFor();
    const sent = Date.now();
    const id = await report(emulator.url, 'live');
    await queueRow(page, id).waitFor({ timeout: 15_000 });
    console.log(`mosquitto: a new incident reached the queue in ${Date.now() - sent} ms`);
  });

  it('renews its subscriptions before they expire, and recovers one the platform let expire', async () => {
    const alertSub = async () => (await subscriptionsOnPlatform(emulator.url)).find((s) => s.id.endsWith(':Alert'));
    const first = (await alertSub())?.expiresAt;
    await expect.poll(async () => (await alertSub())?.expiresAt, { timeout: 15_000, interval: 250 }).not.toBe(first);
    // Let it lapse on the platform's (wall) clock, as after a missed renewal. The console renews every few
    // seconds, so a renewal can land in the half second before the lapse: then it is simply tried again.
    let lapsed = false;
    for (let attempt = 0; attempt < 5 && !lapsed; attempt += 1) {
      const sub = await alertSub();
      if (!sub) throw new Error('no Alert subscription on the platform');
      const until = new Date(Date.now() + 500).toISOString();
      const patch = await fetch(`${emulator.url}/ngsi-ld/v1/subscriptions/${encodeURIComponent(sub.id)}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ expiresAt: until }),
      });
      expect(patch.status).toBe(204);
      const seen: { state: 'waiting' | 'expired' | 'renewed' } = { state: 'waiting' };
      await expect
        .poll(
          async () => {
            const now = await alertSub();
            seen.state = now?.status === 'expired' ? 'expired' : Date.parse(now?.expiresAt ?? '') !== Date.parse(until) ? 'renewed' : 'waiting';
            return seen.state;
          },
          { timeout: 10_000, interval: 50 },
        )
        .not.toBe('waiting');
      lapsed = seen.state === 'expired';
    }
    expect(lapsed).toBe(true);
    await expect.poll(async () => (await alertSub())?.status, { timeout: 10_000, interval: 100 }).toBe('active');
    const id = await report(emulator.url, 'after-expiry');
    await queueRow(page, id).waitFor({ timeout: 15_000 });
  });

  it('says so when the MQTT broker goes away, and loses nothing once it is back', async () => {
    await broker.stop();
    await link(page).filter({ hasText: 'down' }).waitFor({ timeout: 20_000 });
    await mqttLink(page, 'down').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Platform unreachable since' }).waitFor();
    const missed = await report(emulator.url, 'while-away');
    const stoppedAt = Date.now();
    broker = await startMosquitto(10_000, port);
    await link(page).filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });
    console.log(`mosquitto: live again ${Date.now() - stoppedAt} ms after the broker restarted`);
    await queueRow(page, missed).waitFor({ timeout: 15_000 });
    const after = await report(emulator.url, 'after-restart');
    await queueRow(page, after).waitFor({ timeout: 15_000 });
    expect(app.process.exitCode).toBeNull();
  });
});

describe('through the embedded broker of `npm start` with nothing configured', () => {
  let app: RunningConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startHeadlessConsole(['--speed', '1']), launchChromium()]);
    page = await openPage(browser, app);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('goes live through MQTT notifications: traffic, units and incidents', async () => {
    await link(page).filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });
    await mqttLink(page, 'up').waitFor();
    await waitForLiveFrames(page, 3);
    for (const feed of ['Traffic', 'Units', 'Incidents'] as const) await feedState(page, feed, 'connected').waitFor({ timeout: 30_000 });
    await page.getByText('NGSI-LD types: Alert, RoadAccident').waitFor();
    expect(app.stderr()).not.toMatch(/core fault/);
  });
});
