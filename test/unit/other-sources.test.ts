import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformConfig } from '../../electron/core/config';
import { startConsoleCore } from '../../electron/core/consoleCore';
import type { ConsoleCore } from '../../electron/core/consoleCore';
import { createStore } from '../../electron/core/store/store';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import { emulatorSources } from '../../emulator/feeds/paths';
import type { OutboxEntry } from '../../shared/domain';

/**
 * One console core against the emulator's four sources at once: the NGSI-LD broker, CAP warnings, the
 * Smart Bus GTFS-realtime feed and citizen reports. Each is a source of its own in feed health; a report
 * promoted to an incident is created on the broker and linked on the reports platform, once.
 */
let emu: Emulator;
let core: ConsoleCore;

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  // Mid-morning in Phuket, when the Smart Bus runs; the clock advances only when the test steps it.
  emu = await startEmulator({ seed: 7, startTime: '2026-12-06T10:00:00+07:00', autoTick: false, embeddedBroker: false });
  emu.step(600);
  const sources = Object.fromEntries(Object.entries(emulatorSources(emu.url)).map(([key, source]) => [key, { ...source, pollS: 1 }]));
  core = await startConsoleCore({
    name: 'other-sources',
    version: '0.0.0',
    host: 'browser',
    platform: PlatformConfig.parse({ baseUrl: emu.url, sources }),
    profile: { name: 'Kanya', role: 'supervisor', workstation: 'CC-07' },
    store: () => createStore({ dir: mkdtempSync(join(tmpdir(), 'other-sources-')) }),
    dataDir: mkdtempSync(join(tmpdir(), 'other-sources-windows-')),
    newId: () => uuidv7(),
  });
}, 60_000);

afterAll(async () => {
  await core?.stop();
  await emu?.close();
});

describe('a console reading every source of the built-in platform', () => {
  it('shows warnings, buses and citizen reports beside the NGSI-LD feeds, each with its own health and link', async () => {
    await until(() => {
      const s = core.live.snapshot();
      return s.warnings.length > 0 && s.buses.length > 0 && s.reports.length > 0 && s.units.length > 0;
    }, 'every kind in the snapshot');
    const health = core.live.health();
    expect(health.feeds.map((f) => f.feed).sort()).toEqual(['buses', 'incidents', 'reports', 'traffic', 'units', 'warnings']);
    const sources = new Set((health.links ?? []).map((l) => l.source));
    expect(sources).toEqual(new Set([expect.stringContaining('127.0.0.1'), 'CAP warnings', 'Smart Bus (GTFS-realtime)', 'Citizen reports']));
    const snapshot = core.live.snapshot();
    expect(snapshot.warnings.some((w) => w.status === 'Exercise' || w.status === 'Actual')).toBe(true);
    expect(snapshot.warnings.every((w) => w.texts.some((t) => t.language.startsWith('th')) && w.texts.some((t) => t.language.startsWith('en')))).toBe(true);
    expect(snapshot.buses.every((b) => b.label !== null && b.routeId !== null)).toBe(true);
  });

  it('promotes a citizen report to an incident through the outbox, and the report comes back linked to it', async () => {
    const report = core.live.snapshot().reports.find((r) => r.incidentId === null);
    if (!report) throw new Error('the emulator has no unlinked report');
    const accepted = await core.actions.perform({
      kind: 'create',
      reportId: report.id,
      incident: { type: 'flood', severity: 'medium', position: report.position, description: report.description.slice(0, 200), district: null, place: null, callerName: '', callerPhone: '', callerLanguage: null, callerNationality: null, line: 'other' },
    });
    const incidentId = accepted.incidentId ?? '';
    const confirmed = (): OutboxEntry | undefined => core.actions.view().entries.find((e) => e.actionId === accepted.actionId && e.state === 'confirmed');
    await until(() => confirmed() !== undefined, 'the promotion to be confirmed');
    await until(() => core.live.snapshot().reports.find((r) => r.id === report.id)?.incidentId === incidentId, 'the report to show its incident');
    await until(() => core.live.snapshot().incidents.some((i) => i.id === incidentId), 'the incident from the platform');
  });
});
