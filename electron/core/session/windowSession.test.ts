import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SharedSelection } from '../../../shared/contract';
import { createEventHub } from '../events';
import { PROFILE_FILE } from './profileFile';
import { startWindowSession } from './startSession';

const caller = (windowId: string) => ({ host: 'browser' as const, windowId });

async function session(dir: string | null = mkdtempSync(join(tmpdir(), 'session-'))) {
  const events = createEventHub();
  const seen: SharedSelection[] = [];
  events.subscribe((channel, payload) => {
    if (channel === 'selection:changed') seen.push(SharedSelection.parse(payload));
  });
  let n = 0;
  return { dir, seen, windows: await startWindowSession({ events, dataDir: dir, workstation: 'ws-7', newId: () => `b${++n}` }) };
}

describe('the window session', () => {
  it('broadcasts every selection in order, remembering the incident being worked on', async () => {
    const { windows, seen } = await session(null);
    windows.select(caller('ws-1'), { selection: { kind: 'incident', id: 'i1', from: 'map' }, ticket: 1 });
    windows.select(caller('ws-2'), { selection: { kind: 'unit', id: 'u1', from: 'map' }, ticket: 5 });
    expect(seen.map((s) => [s.seq, s.selection?.id, s.activeIncidentId, s.by, s.ticket])).toEqual([
      [1, 'i1', 'i1', 'ws-1', 1],
      [2, 'u1', 'i1', 'ws-2', 5],
    ]);
    // A window opened now (or reloaded after a crash) starts from the same state.
    expect(windows.identify(caller('ws-3'), 'queue').shared).toEqual(seen[1]);
  });

  it('gives a window the role its host assigned over the one it wished for, and all-in-one without either', async () => {
    const { windows } = await session(null);
    windows.assign('7', { role: 'board', displayId: 2 });
    expect(windows.identify(caller('7'), 'map')).toMatchObject({ windowId: '7', role: 'board', displayId: 2 });
    expect(windows.identify(caller('8'), 'status')).toMatchObject({ role: 'status', displayId: null });
    expect(windows.identify(caller('9'), null).role).toBe('all');
  });

  it('keeps bookmarks for every window', async () => {
    const { windows, seen } = await session(null);
    windows.saveBookmark({ name: 'Patong', center: [98.29, 7.89], zoom: 14 });
    windows.deleteBookmark(windows.saveBookmark({ name: 'Airport', center: [98.31, 8.11], zoom: 13 }).bookmarks[0]?.id ?? '');
    expect(seen.at(-1)?.bookmarks.map((b) => b.name)).toEqual(['Airport']);
  });

  it('remembers settings per role across a restart, in an atomically written per-workstation file', async () => {
    const first = await session();
    await first.windows.saveSettings('map', { layers: { traffic: false, units: true, incidents: true }, language: 'th' });
    await first.windows.saveSettings('map', { panelSizes: [60, 40] });
    const again = await session(first.dir);
    expect(again.windows.identify(caller('x'), 'map').settings).toEqual({ layers: { traffic: false, units: true, incidents: true }, language: 'th', panelSizes: [60, 40] });
    expect(again.windows.identify(caller('y'), 'queue').settings).toEqual({});
    const file: unknown = JSON.parse(readFileSync(join(first.dir ?? '', PROFILE_FILE), 'utf8'));
    expect(file).toMatchObject({ version: 1, workstations: { 'ws-7': { version: 2 } } });
  });

  it('imports a stale profile by migrating it, refuses a newer one, and starts on defaults from a damaged file', async () => {
    const { windows, dir } = await session();
    const imported = await windows.importProfile({ version: 1, displays: { '3': 'status' } });
    expect(imported.windows).toEqual([{ role: 'status', displayId: 3, bounds: null, panelSizes: null }]);
    await expect(windows.importProfile({ version: 99 })).rejects.toThrow(/newer/);
    writeFileSync(join(dir ?? '', PROFILE_FILE), '{ not json');
    expect((await session(dir)).windows.profile().windows).toEqual([]);
  });
});
