import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { shortId } from '../../shared/domain';
import { en } from '../../renderer/i18n/en';
import { th } from '../../renderer/i18n/th';
import type { Strings } from '../../renderer/i18n/en';
import { launchChromium } from '../support/chromium';
import { ROOT, startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { waitForLiveFrames } from '../support/console-page';

const shot = async (page: Page, name: string) => writeFileSync(join(ROOT, 'test-results', `${name}.png`), await page.screenshot());
let emulator: RunningEmulator;
let browser: Browser;
const consoles: RunningConsole[] = [];
let reportCount = 0;

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--port', '0', '--speed', '20', '--seed', '4', '--start', '2026-11-26T13:00:00+07:00']);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const app of consoles) await app.stop();
  await emulator?.stop();
});

/** A tourist's call reaches the platform: a new incident in Patong, as the console would see any other. */
async function reportIncident(): Promise<string> {
  const id = `urn:ngsi-ld:Alert:phuket:call-${Date.now()}-${reportCount++}`;
  const response = await fetch(`${emulator.url}/ngsi-ld/v1/entities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id,
      type: 'Alert',
      incidentType: 'traffic-accident',
      severity: 'critical',
      location: { type: 'Point', coordinates: [98.2985, 7.8935] },
      description: 'Motorbike collision on Rat-U-Thit Road, rider down',
      district: 'Kathu',
      reporterLanguage: 'ru',
      reporterNationality: 'Russian',
    }),
  });
  if (response.status !== 201) throw new Error(`report refused: ${response.status} ${await response.text()}`);
  return id;
}

async function openConsole(env: Record<string, string>): Promise<{ page: Page; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
  const app = await startHeadlessConsole([], { PHUKET_PLATFORM_URL: emulator.url, PHUKET_CONSOLE_DATA: dir, ...env });
  consoles.push(app);
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  await waitForLiveFrames(page, 1);
  return { page, dir };
}

function auditEvents(dir: string, ids: readonly string[]): string[] {
  const db = new Database(join(dir, 'journal.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT action_id AS actionId, event FROM audit ORDER BY seq').all();
    return rows.flatMap((row) => (typeof row === 'object' && row !== null && 'event' in row && 'actionId' in row && ids.includes(String(row.actionId)) ? [String(row.event)] : []));
  } finally {
    db.close();
  }
}

function outboxIds(dir: string, incidentId: string): string[] {
  const db = new Database(join(dir, 'journal.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT action_id AS id FROM outbox WHERE incident_id = ? ORDER BY seq')
      .all(incidentId)
      .flatMap((row) => (typeof row === 'object' && row !== null && 'id' in row ? [String(row.id)] : []));
  } finally {
    db.close();
  }
}

describe.each<[string, Strings]>([
  ['English', en],
  ['Thai', th],
])('an incident from first report to closure, keyboard only, in %s', (language, s) => {
  let page: Page;
  let dir: string;
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `workflow-${language}-failed`);
  });
  // A failed scenario must not leave its page drawing the map while the next one runs.
  afterAll(async () => {
    await page?.close();
  });

  it('acknowledges, dispatches the top recommendation, follows the unit, resolves and closes', async () => {
    ({ page, dir } = await openConsole({ PHUKET_OPERATOR_NAME: 'Niran', PHUKET_OPERATOR_ROLE: 'supervisor' }));
    if (language === 'Thai') await page.keyboard.press('l');
    await page.getByRole('region', { name: s.incidents.region }).waitFor();

    const id = await reportIncident();
    const row = page.getByRole('list', { name: s.incidents.queue }).getByRole('button', { name: new RegExp(`^${shortId(id)} `) });
    await row.waitFor({ timeout: 30_000 });
    await shot(page, `workflow-${language}-queue`);

    // Find it and open it without the mouse.
    await page.keyboard.press('/');
    await page.keyboard.type(shortId(id));
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: s.incidents.region }).getByLabel(s.incidents.detail.replace('{{id}}', shortId(id)));
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain(s.types['traffic-accident']);

    await page.keyboard.press('a');
    await detail.getByText(s.status.acknowledged, { exact: true }).waitFor();

    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog', { name: s.dispatch.dialog });
    await dialog.waitFor();
    const top = dialog.getByRole('option').first();
    await top.waitFor();
    const callsign = await top.getAttribute('aria-label');
    expect(callsign).toMatch(/^PKT-/);
    await shot(page, `workflow-${language}-dispatch`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    // The unit drives there over the roads; the platform reports it on scene.
    await detail.getByText(s.status['on-scene'], { exact: true }).waitFor({ timeout: 90_000 });
    await detail.getByText(s.timeline.arrived.replace('{{unit}}', callsign ?? '')).waitFor({ timeout: 30_000 });
    await shot(page, `workflow-${language}-detail`);

    // Resolving and closing are confirmed (y), so a mis-keyed r or c ends nothing.
    await page.keyboard.press('r');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('y');
    await detail.getByText(s.status.resolved, { exact: true }).waitFor();
    await page.keyboard.press('c');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('y');
    await detail.getByText(s.status.closed, { exact: true }).waitFor();

    // Every step is in the timeline, and every action confirmed by the platform and in the audit chain.
    const states = s.actions.states;
    for (const text of [s.actions.describe.acknowledge, s.actions.describe.dispatch.replace('{{count}}', '1'), s.actions.describe.status.replace('{{status}}', s.status.resolved), s.actions.describe.status.replace('{{status}}', s.status.closed)]) {
      await detail.getByRole('list', { name: s.actions.log }).getByRole('listitem', { name: `${text}: ${states.confirmed}` }).waitFor({ timeout: 30_000 });
    }
    const timeline = await detail.getByRole('region', { name: s.incidents.timeline }).or(detail.getByLabel(s.incidents.timeline)).first().textContent();
    for (const step of [s.timeline.reported, s.actions.describe.acknowledge, s.timeline.arrived.replace('{{unit}}', callsign ?? '')]) expect(timeline).toContain(step);
    const ids = outboxIds(dir, id);
    expect(ids).toHaveLength(4);
    const audit = auditEvents(dir, ids);
    expect(audit.filter((e) => !e.startsWith('delivery:'))).toEqual(['acknowledge', 'dispatch', 'status', 'status']);
    expect(audit.filter((e) => e === 'delivery:confirmed')).toHaveLength(4);
  });

  it('shows every key in the help overlay', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: s.help.dialog });
    await help.waitFor();
    for (const text of Object.values(s.help.keys)) await expect(help.textContent()).resolves.toContain(text);
    await shot(page, `workflow-${language}-help`);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    if (language === 'Thai') {
      // The bundled Thai font is what draws the panels, so marks stack right on a machine without Thai fonts too.
      const loaded = await page.evaluate(() => document.fonts.check('14px "Console Thai"', 'ที่เกิดเหตุ'));
      expect(loaded).toBe(true);
    }
    await page.close();
  });
});

describe('role rules in the UI', () => {
  it('offers an operator no dispatch, close or reopen, and turns a dispatch into a proposal', async () => {
    const { page } = await openConsole({ PHUKET_OPERATOR_NAME: 'Somchai', PHUKET_OPERATOR_ROLE: 'operator' });
    onTestFinished(() => page.close());
    await page.getByRole('status', { name: 'Operator' }).or(page.getByLabel('Operator')).first().waitFor();
    const id = await reportIncident();
    await page.getByRole('list', { name: en.incidents.queue }).getByRole('button', { name: new RegExp(`^${shortId(id)} `) }).click();
    const detail = page.getByLabel(en.incidents.detail.replace('{{id}}', shortId(id)));
    await detail.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await detail.getByText(en.status.acknowledged, { exact: true }).waitFor();
    await expect(detail.getByRole('button', { name: /^Dispatch/ }).count()).resolves.toBe(0);
    await expect(detail.getByRole('button', { name: /^Close/ }).count()).resolves.toBe(0);
    await detail.getByRole('button', { name: /Propose dispatch/ }).click();
    const dialog = page.getByRole('dialog', { name: en.dispatch.dialog });
    await dialog.getByText(en.dispatch.proposeHint).waitFor();
    await dialog.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await detail.getByRole('list', { name: en.actions.log }).getByRole('listitem', { name: /^Note: Propose dispatch: PKT-/ }).waitFor();
  });
});
