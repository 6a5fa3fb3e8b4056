import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortId } from '../../shared/domain';
import { launchChromium } from '../support/chromium';
import { ROOT, startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { waitForLiveFrames } from '../support/console-page';
import type { Fault } from '../support/emulator-control';
import { emulatorMqttUrl, incidentsOnPlatform, patchIncidentElsewhere, receivedActions, setFault } from '../support/emulator-control';

/** Everything one scenario needs: its own platform, its own console and its own local store. */
async function startScenario(name: string): Promise<{ emulator: RunningEmulator; app: RunningConsole; page: Page; browser: Browser }> {
  const dir = mkdtempSync(join(tmpdir(), `outage-${name}-`));
  const emulator = await startEmulatorProcess(['--port', '0', '--speed', '1', '--seed', '11', '--state', join(dir, 'platform.json')]);
  const app = await startHeadlessConsole([], { PHUKET_PLATFORM_URL: emulator.url, PHUKET_MQTT_URL: await emulatorMqttUrl(emulator.url), PHUKET_CONSOLE_DATA: join(dir, 'console'), PHUKET_PLATFORM_SILENCE_MS: '3000', PHUKET_OPERATOR_NAME: 'Niran', PHUKET_OPERATOR_ROLE: 'supervisor' });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  await waitForLiveFrames(page, 1);
  return { emulator, app, page, browser };
}

const link = (page: Page) => page.getByRole('status', { name: 'Platform link' });
const queueRow = (page: Page, id: string) => page.getByRole('list', { name: 'Incident queue' }).getByRole('button', { name: new RegExp(`^${shortId(id)} `) });
const actionState = (page: Page, text: string, state: 'queued' | 'confirmed' | 'needs attention') =>
  page.getByRole('list', { name: 'Actions' }).getByRole('listitem', { name: `${text}: ${state}` });

async function open(page: Page, id: string): Promise<void> {
  await queueRow(page, id).click();
  await page.getByLabel(`Incident ${shortId(id)}`).waitFor();
}

async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Note text' }).fill(text);
  await page.getByRole('button', { name: 'Add note', exact: true }).click();
  await actionState(page, `Note: ${text}`, 'queued').waitFor();
}

describe.each<Fault>(['outage', 'http503', 'stall'])('working through a platform %s', (fault) => {
  let emulator: RunningEmulator;
  let app: RunningConsole;
  let page: Page;
  let browser: Browser;

  beforeAll(async () => {
    ({ emulator, app, page, browser } = await startScenario(fault));
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') writeFileSync(join(ROOT, 'test-results', `outage-${fault}-failed.png`), await page.screenshot());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await emulator?.stop();
  });

  it('queues every action while the platform is away and delivers each exactly once when it returns', async () => {
    // The emulator's first three incidents always wait for an operator (its stand-in consoles never touch them).
    const number = (id: string) => Number(/(\d+)$/.exec(id)?.[1] ?? Infinity);
    const fresh = (await incidentsOnPlatform(emulator.url))
      .filter((i) => i.status === 'new' && number(i.id) <= 3)
      .map((i) => i.id)
      .sort((a, b) => number(a) - number(b));
    const [incident, closedElsewhere] = fresh;
    if (!incident || !closedElsewhere) throw new Error('the emulator should start with new incidents');
    await link(page).filter({ hasText: 'live' }).waitFor({ timeout: 30_000 });

    await setFault(emulator.url, fault, true);
    await link(page).filter({ hasText: fault === 'stall' ? 'stalled' : 'down' }).waitFor({ timeout: 20_000 });
    const banner = page.getByRole('alert').filter({ hasText: fault === 'stall' ? 'Platform not responding since' : 'Platform unreachable since' });
    await banner.waitFor();

    // Another console closes an incident this one still sees as new.
    for (const status of ['acknowledged', 'resolved', 'closed']) await patchIncidentElsewhere(emulator.url, closedElsewhere, { status });

    await open(page, incident);
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await actionState(page, 'Acknowledge', 'queued').waitFor();
    await addNote(page, 'Caller is a tourist, speaks Russian');
    await addNote(page, 'Second motorbike involved');
    await page.getByRole('button', { name: 'Dispatch', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Dispatch' });
    await dialog.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await actionState(page, 'Dispatch 1 unit(s)', 'queued').waitFor();
    await open(page, closedElsewhere);
    await addNote(page, 'Witness called back');
    writeFileSync(join(ROOT, 'test-results', `outage-${fault}-queued.png`), await page.screenshot());

    await setFault(emulator.url, fault, false);
    await link(page).filter({ hasText: 'live' }).waitFor({ timeout: 60_000 });

    // The note on the incident closed elsewhere needs the operator's attention, with the platform's reason.
    const attention = page.getByRole('region', { name: 'Needs attention' });
    await attention.getByRole('listitem', { name: /note on .*: incident .* is closed; cannot add a note/ }).waitFor({ timeout: 60_000 });

    // The others were delivered: all confirmed.
    await open(page, incident);
    for (const text of ['Acknowledge', 'Note: Caller is a tourist, speaks Russian', 'Note: Second motorbike involved', 'Dispatch 1 unit(s)']) {
      await actionState(page, text, 'confirmed').waitFor({ timeout: 60_000 });
    }
    await banner.waitFor({ state: 'detached' });
    writeFileSync(join(ROOT, 'test-results', `outage-${fault}-confirmed.png`), await page.screenshot());

    // The platform applied each of ours exactly once, whatever was retried.
    const log = (await receivedActions(emulator.url)).filter((e) => e.entityId === incident);
    const applied = log.filter((e) => e.outcome === 'applied');
    expect(applied).toHaveLength(4);
    expect(new Set(applied.map((e) => e.actionId)).size).toBe(4);
    expect(log.filter((e) => e.outcome === 'rejected')).toEqual([]);
    const onPlatform = (await incidentsOnPlatform(emulator.url)).find((i) => i.id === incident);
    expect(onPlatform?.status).toBe('dispatched');
    expect(app.process.exitCode).toBeNull();
  });
});
