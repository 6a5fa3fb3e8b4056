import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortId } from '../../shared/domain';
import { en } from '../../renderer/i18n/en';
import type { Strings } from '../../renderer/i18n/en';
import { th } from '../../renderer/i18n/th';
import { launchChromium } from '../support/chromium';
import { ROOT, startEmulatorProcess, startHeadlessConsole } from '../support/console-host';
import type { RunningConsole, RunningEmulator } from '../support/console-host';
import { waitForLiveFrames } from '../support/console-page';
import { FEED_PATHS } from '../../emulator/feeds/paths';
import { incidentsOnPlatform, receivedActions, setFault } from '../support/emulator-control';

// One platform, one console (restarted once, on the same data folder) and one browser for the whole file.
const dir = mkdtempSync(join(tmpdir(), 'call-taker-'));
const consoleEnv = {
  PHUKET_CONSOLE_DATA: join(dir, 'console'),
  PHUKET_OPERATOR_NAME: 'Niran',
  PHUKET_OPERATOR_ROLE: 'supervisor',
  PHUKET_PLATFORM_SILENCE_MS: '3000',
  // An accelerated escalation clock: a critical incident nobody acknowledges escalates after 2 s.
  PHUKET_ESCALATION_MS: '{"critical":2000}',
};
let emulator: RunningEmulator;
let app: RunningConsole;
let browser: Browser;
let page: Page;

async function openConsole(): Promise<void> {
  app = await startHeadlessConsole([], { ...consoleEnv, PHUKET_PLATFORM_URL: emulator.url, PHUKET_REPORTS_URL: `${emulator.url}${FEED_PATHS.citizenReports}`, PHUKET_REPORTS_POLL_S: '1' });
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(app.url);
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 90_000 });
  await waitForLiveFrames(page, 1);
}

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--port', '0', '--speed', '1', '--seed', '21', '--state', join(dir, 'platform.json')]);
  browser = await launchChromium();
  await openConsole();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') writeFileSync(join(ROOT, 'test-results', `call-taker-${context.task.name.slice(0, 30).replace(/\W+/g, '-')}-failed.png`), await page.screenshot());
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await emulator?.stop();
});

const shot = async (name: string) => writeFileSync(join(ROOT, 'test-results', `call-taker-${name}.png`), await page.screenshot());

/** Picks an option of the focused select with the arrow keys, as people do (typing Thai into a closed select is not reliable). */
async function chooseOption(option: string): Promise<void> {
  const chosen = () => page.evaluate(() => (document.activeElement instanceof HTMLSelectElement ? (document.activeElement.selectedOptions[0]?.textContent ?? '') : ''));
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let k = 0; k < 30; k++) {
      if ((await chosen()) === option) return;
      await page.keyboard.press(key);
    }
  }
  expect(await chosen()).toBe(option);
}

/** Tabs forward until the focused element has this accessible text, as an operator would. */
async function tabTo(text: string): Promise<void> {
  for (let k = 0; k < 30; k++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`could not reach "${text}" with Tab`);
}

/** Incidents created so far in this file. */
const taken: string[] = [];

interface Call {
  readonly line: string;
  readonly type: string;
  readonly severity: string;
  readonly place: string;
  readonly description: string;
  readonly caller: string;
  readonly phone: string;
  readonly language: string;
  readonly nationality: string;
}

/**
 * Takes a call with the keyboard alone: `i`, then every field in Tab order, the place from "Find a place",
 * and Enter on "Create incident". Answers the new incident's id and how long it took until its row was in the queue.
 */
async function takeCall(s: Strings, call: Call): Promise<{ id: string; ms: number }> {
  // Every incident this console knows now (the queue is virtualised: the core's outbox names the ones made here).
  const known = new Set([...(await page.locator('[data-incident-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-incident-id')))), ...taken].filter((x) => x !== null));
  const started = Date.now();
  await page.keyboard.press('Escape');
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: s.calltaker.dialog });
  await dialog.waitFor();
  await chooseOption(call.line);
  await page.keyboard.press('Tab');
  await chooseOption(call.type);
  await page.keyboard.press('Tab');
  await chooseOption(call.severity);
  await page.keyboard.press('Tab');
  const find = dialog.getByRole('combobox', { name: s.calltaker.findPlace });
  await expect(find.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await page.keyboard.type(call.place);
  const first = dialog.getByRole('listbox', { name: s.calltaker.places }).getByRole('option').first();
  await first.waitFor();
  const picked = (await first.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: s.calltaker.location, exact: true }).inputValue()).resolves.toMatch(/^7\.\d+, 98\.\d+$/);
  await page.keyboard.press('Tab'); // Location, filled in
  await page.keyboard.press('Tab'); // Pick on the map
  await page.keyboard.press('Tab');
  await page.keyboard.type(call.description);
  await page.keyboard.press('Tab');
  await page.keyboard.type(call.caller);
  await page.keyboard.press('Tab');
  await page.keyboard.type(call.phone);
  await page.keyboard.press('Tab');
  await chooseOption(call.language);
  await page.keyboard.press('Tab');
  await chooseOption(call.nationality);
  await tabTo(s.calltaker.create);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  // The new incident is selected at once, its row scrolled into view and marked "from this console".
  const row = page.getByRole('list', { name: s.incidents.queue }).locator('[data-incident-id][aria-current="true"]');
  const selectedNew = async () => {
    if ((await row.count()) !== 1) return '';
    const id = (await row.getAttribute('data-incident-id')) ?? '';
    return known.has(id) ? '' : ((await row.getAttribute('aria-label')) ?? '');
  };
  await expect.poll(selectedNew, { timeout: 15_000 }).toContain(s.calltaker.fromHere);
  const ms = Date.now() - started;
  const id = (await row.getAttribute('data-incident-id')) ?? '';
  expect(id).toMatch(/^urn:ngsi-ld:Alert:[0-9a-f-]{36}$/);
  taken.push(id);
  expect(picked.length).toBeGreaterThan(0);
  return { id, ms };
}

/** Empties the queue's search box (`/`, select all, delete, Esc). */
async function clearSearch(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
}

const detailOf = (s: Strings, id: string) => page.getByLabel(s.incidents.detail.replace('{{id}}', shortId(id)));
const timelineText = async (s: Strings, id: string) => (await detailOf(s, id).getByRole('region', { name: s.incidents.timeline }).locator('li').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());

/** Checks the first `count` SOP items of the open incident with Space. */
async function workSop(s: Strings, id: string, count: number): Promise<void> {
  const boxes = detailOf(s, id).getByRole('region', { name: s.sop.region }).getByRole('checkbox');
  await boxes.first().waitFor();
  for (let k = 0; k < count; k++) {
    await boxes.nth(k).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => boxes.nth(k).isChecked()).toBe(true);
  }
  await page.keyboard.press('Escape');
}

/** Acknowledge (a), then dispatch the top recommendation (d, Enter). */
async function acknowledgeAndDispatch(s: Strings, id: string): Promise<void> {
  const detail = detailOf(s, id);
  await page.keyboard.press('a');
  await detail.getByText(s.status.acknowledged, { exact: true }).waitFor();
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog', { name: s.dispatch.dialog });
  await dialog.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await detail.getByText(s.status.dispatched, { exact: true }).waitFor();
}

describe('the call-taker desk', () => {
  let englishId = '';
  let before: string[] = [];

  it('takes a call in English by keyboard alone, works the SOP, dispatches, and finds the timeline the same after a restart', async () => {
    const call: Call = { line: en.calltaker.lines.l1669, type: en.types.drowning, severity: en.severity.critical, place: 'Patong Beach', description: 'Swimmer pulled out past the flags, not breathing', caller: 'Anna Petrova', phone: '+7 912 555 0101', language: 'Russian', nationality: 'Russia' };
    const { id, ms } = await takeCall(en, call);
    englishId = id;
    console.info(`call to incident in the queue, keyboard only, English: ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
    const detail = detailOf(en, id);
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain('Russian');
    await workSop(en, id, 2);
    await acknowledgeAndDispatch(en, id);
    await expect.poll(async () => (await timelineText(en, id)).join('\n'), { timeout: 15_000 }).toMatch(/Call taken on 1669 · caller Anna Petrova/);
    await expect.poll(async () => (await timelineText(en, id)).join('\n')).toMatch(/SOP Drowning \/ water rescue: Confirm the exact beach .* done/);
    await expect.poll(async () => (await incidentsOnPlatform(emulator.url)).find((i) => i.id === id)?.status, { timeout: 30_000 }).toBe('dispatched');
    await shot('english');
    before = await timelineText(en, id);
    expect(before.filter((line) => line.includes(en.calltaker.fromHere)).length).toBeGreaterThanOrEqual(4);

    await page.close();
    await app.stop();
    await openConsole();
    await page.keyboard.press('/');
    await page.keyboard.type(shortId(id));
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await detailOf(en, id).waitFor();
    await expect.poll(() => timelineText(en, id), { timeout: 15_000 }).toEqual(expect.arrayContaining(before));
    const after = await timelineText(en, id);
    // The same lines with the same times, in the same order; only what happened since may follow.
    expect(after.slice(0, before.length)).toEqual(before);
  });

  it('takes a call in Thai by keyboard alone', async () => {
    await clearSearch();
    await page.keyboard.press('l');
    await page.getByRole('region', { name: th.incidents.region }).waitFor();
    const call: Call = { line: th.calltaker.lines.l191, type: th.types['traffic-accident'], severity: th.severity.high, place: 'ป่าตอง', description: 'รถจักรยานยนต์ชนกัน ผู้ขับขี่บาดเจ็บ', caller: 'สมชาย ใจดี', phone: '081 234 5678', language: 'ไทย', nationality: 'ไทย' };
    const { id, ms } = await takeCall(th, call);
    console.info(`call to incident in the queue, keyboard only, Thai: ${ms} ms`);
    expect(ms).toBeLessThan(30_000);
    await workSop(th, id, 1);
    await acknowledgeAndDispatch(th, id);
    const lines = await timelineText(th, id);
    expect(lines.join('\n')).toContain(th.calltaker.fromHere);
    // Thai mode shows no English words from the core in the timeline.
    expect(lines.join('\n')).not.toMatch(/\b(platform|acknowledged|dispatched|SOP item)\b/);
    await shot('thai');
    await page.keyboard.press('l');
    expect(englishId).not.toBe(id);
  });

  it('promotes a citizen report from the reports list: the dialog comes filled, and the report is linked to the new incident', async () => {
    const reports = page.getByRole('listbox', { name: en.reports.list });
    await reports.getByRole('option').first().waitFor({ timeout: 30_000 });
    await reports.getByRole('option').first().click();
    await page.getByRole('button', { name: en.reports.promote }).click();
    const dialog = page.getByRole('dialog', { name: en.calltaker.dialog });
    await expect(dialog.getByRole('note').textContent()).resolves.toMatch(/^From citizen report /);
    await expect(dialog.getByLabel(en.calltaker.location, { exact: true }).inputValue()).resolves.toMatch(/^\d+\.\d+, \d+\.\d+$/);
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await shot('promoted-report');
    const linked = async (): Promise<string[]> => {
      const body: unknown = await (await fetch(`${emulator.url}${FEED_PATHS.citizenReports}`)).json();
      const features = typeof body === 'object' && body !== null && 'features' in body && Array.isArray(body.features) ? body.features : [];
      return features.flatMap((f: unknown) => (typeof f === 'object' && f !== null && 'properties' in f && typeof f.properties === 'object' && f.properties !== null && 'incidentId' in f.properties && typeof f.properties.incidentId === 'string' ? [f.properties.incidentId] : []));
    };
    await expect.poll(linked, { timeout: 30_000 }).toHaveLength(1);
    const [incidentId] = await linked();
    await expect.poll(async () => (await incidentsOnPlatform(emulator.url)).some((i) => i.id === incidentId), { timeout: 30_000 }).toBe(true);
  });

  it('takes a call during an outage, delivers it once when the link returns, and escalates it while nobody acknowledges it', async () => {
    await clearSearch();
    await setFault(emulator.url, 'outage', true);
    await page.getByRole('status', { name: 'Platform link' }).filter({ hasText: 'down' }).waitFor({ timeout: 20_000 });
    const call: Call = { line: en.calltaker.lines.l199, type: en.types.fire, severity: en.severity.critical, place: 'Karon', description: 'Smoke from a guesthouse kitchen', caller: 'Lek', phone: '089 000 1111', language: 'Thai', nationality: 'Thailand' };
    const { id } = await takeCall(en, call);
    const row = page.getByRole('list', { name: en.incidents.queue }).locator(`[data-incident-id="${id}"]`);
    await expect(row.getAttribute('aria-label')).resolves.toContain(en.incidents.queued.replace('{{count}}', '1'));
    // Critical and new: after 2 s the row says it is escalated.
    await expect.poll(() => row.getAttribute('aria-label'), { timeout: 10_000 }).toContain(en.calltaker.escalated);
    await shot('outage-escalated');
    expect((await receivedActions(emulator.url)).filter((e) => e.entityId === id)).toEqual([]);

    await setFault(emulator.url, 'outage', false);
    await expect.poll(async () => (await incidentsOnPlatform(emulator.url)).some((i) => i.id === id), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => row.getAttribute('aria-label'), { timeout: 30_000 }).not.toContain(en.incidents.queued.replace('{{count}}', '1'));
    const log = (await receivedActions(emulator.url)).filter((e) => e.entityId === id);
    expect(log.filter((e) => e.outcome === 'applied')).toHaveLength(1);
    expect(log.filter((e) => e.outcome === 'rejected')).toEqual([]);
  });
});
