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
import type { ActionEntry } from '../../emulator/http/actionLog';
import type { OutboxEntry } from '../../shared/domain';

/**
 * Two supervisors at two consoles (two cores, two data folders, two workstations: two sets of subscriptions)
 * act on the same incident at the same moment against one platform. The platform decides: every action is
 * applied at most once, and the one that comes second to a closed incident is refused with the platform's own
 * reason, which its console shows as needing attention.
 */
let emu: Emulator;
let a: ConsoleCore;
let b: ConsoleCore;
let closing = '';
let dispatching = '';
let unitId = '';

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const core = (workstation: string, name: string) =>
  startConsoleCore({
    name: 'two-supervisors',
    version: '0.0.0',
    host: 'browser',
    platform: PlatformConfig.parse({ baseUrl: emu.url }),
    profile: { name, role: 'supervisor', workstation },
    store: () => createStore({ dir: mkdtempSync(join(tmpdir(), `two-supervisors-${workstation}-`)) }),
    dataDir: mkdtempSync(join(tmpdir(), `two-supervisors-${workstation}-windows-`)),
    newId: () => uuidv7(),
  });

const platformLog = async (): Promise<ActionEntry[]> => (await (await fetch(`${emu.url}/emulator/actions`)).json()) as ActionEntry[];
const settled = (c: ConsoleCore, actionId: string): OutboxEntry | undefined => c.actions.view().entries.find((e) => e.actionId === actionId && e.state !== 'queued');

beforeAll(async () => {
  emu = await startEmulator({ seed: 11, startTime: '2025-03-04T01:00:00Z', autoTick: false });
  const quiet = [...emu.city.incidents.values()].filter((i) => !i.auto && i.assignedUnits.length === 0);
  const [toClose, toDispatch] = quiet;
  const unit = [...emu.city.units.values()].find((u) => u.status === 'available' && u.agency !== 'marine-rescue');
  if (toClose === undefined || toDispatch === undefined || unit === undefined) throw new Error('the fixture city lacks a quiet incident or an available unit');
  toClose.status = 'resolved';
  toDispatch.status = 'acknowledged';
  closing = toClose.id;
  dispatching = toDispatch.id;
  unitId = unit.id;
  a = await core('CC-01', 'Kanya');
  b = await core('CC-02', 'Somchai');
  for (const c of [a, b]) {
    await until(() => c.live.health().link.state === 'up' && c.live.platformIncident(closing)?.status === 'resolved' && c.live.platformIncident(dispatching)?.status === 'acknowledged', 'both consoles to list the platform');
  }
}, 60_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await emu?.close();
});

describe('two supervisors on the same incident', () => {
  it('both dispatch the same unit at once: each action is applied once, the unit is assigned once', async () => {
    const [fromA, fromB] = await Promise.all([a.actions.perform({ kind: 'dispatch', incidentId: dispatching, unitIds: [unitId] }), b.actions.perform({ kind: 'dispatch', incidentId: dispatching, unitIds: [unitId] })]);
    await until(() => settled(a, fromA.actionId) !== undefined && settled(b, fromB.actionId) !== undefined, 'both dispatches to settle');
    const log = await platformLog();
    for (const id of [fromA.actionId, fromB.actionId]) expect(log.filter((e) => e.actionId === id && e.outcome !== 'duplicate')).toHaveLength(1);
    expect(emu.city.incidents.get(dispatching)).toMatchObject({ status: 'dispatched', assignedUnits: [unitId] });
    expect(emu.city.units.get(unitId)?.incidentId).toBe(dispatching);
  }, 30_000);

  it('both close at once: one close is applied once, the other is refused with the platform\'s reason and needs attention at its console', async () => {
    const [fromA, fromB] = await Promise.all([a.actions.perform({ kind: 'status', incidentId: closing, status: 'closed' }), b.actions.perform({ kind: 'status', incidentId: closing, status: 'closed' })]);
    await until(() => settled(a, fromA.actionId) !== undefined && settled(b, fromB.actionId) !== undefined, 'both closes to settle');
    const log = await platformLog();
    const first = (id: string) => log.filter((e) => e.actionId === id && e.outcome !== 'duplicate');
    const outcomes = [fromA.actionId, fromB.actionId].map((id) => {
      const entries = first(id);
      expect(entries).toHaveLength(1);
      return entries[0]!.outcome;
    });
    expect([...outcomes].sort()).toEqual(['applied', 'rejected']);
    expect(emu.city.incidents.get(closing)?.status).toBe('closed');

    const [winner, loser, loserId] = outcomes[0] === 'applied' ? [a, b, fromB.actionId] : [b, a, fromA.actionId];
    const refused = settled(loser, loserId);
    expect(refused).toMatchObject({ state: 'rejected' });
    expect(refused?.lastError).toMatch(new RegExp(`^incident ${closing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is closed; cannot change it`));
    expect(log.find((e) => e.actionId === loserId)?.reason).toBe(refused?.lastError);
    // Both consoles end up showing what the platform says: closed.
    for (const c of [winner, loser]) await until(() => c.live.platformIncident(closing)?.status === 'closed', 'both consoles to show the close');
  }, 30_000);
});
