import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator';

const START = '2025-03-04T05:00:00Z';
const freshDir = (): string => mkdtempSync(join(tmpdir(), 'phuket-emu-'));

describe('state persistence', () => {
  it('keeps incidents, units, the clock and the action log across a real restart', async () => {
    const statePath = join(freshDir(), 'state.json');
    const first = await startEmulator({ seed: 4, startTime: START, autoTick: false, statePath });
    const incident = [...first.city.incidents.values()].find((i) => i.status === 'new');
    if (incident === undefined) throw new Error('no new incident');
    const patch = (url: string): Promise<Response> =>
      fetch(`${url}/ngsi-ld/v1/entities/${encodeURIComponent(incident.id)}/attrs`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Action-Id': 'restart-action-1' },
        body: JSON.stringify({ status: 'acknowledged', notes: [{ id: 'n1', text: 'before restart', author: 'op', at: START }] }),
      });
    expect((await patch(first.url)).status).toBe(204);
    first.step(120);
    const before = { now: first.city.nowMs, incidents: [...first.city.incidents.values()], units: [...first.city.units.values()] };
    await first.close();

    const second = await startEmulator({ seed: 999, startTime: '2030-01-01T00:00:00Z', autoTick: false, statePath });
    try {
      expect(second.city.nowMs).toBe(before.now);
      expect([...second.city.incidents.values()]).toEqual(before.incidents);
      expect([...second.city.units.values()]).toEqual(before.units);
      expect((await patch(second.url)).status).toBe(204);
      const log = (await (await fetch(`${second.url}/emulator/actions`)).json()) as { outcome: string }[];
      expect(log.map((e) => e.outcome)).toEqual(['applied', 'duplicate']);
      expect(second.city.incidents.get(incident.id)?.notes).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['the wrong shape', JSON.stringify({ version: 1, savedAt: 'x', city: { nowMs: 'soon' }, actions: [] })],
  ])('moves a state file that is %s aside and starts fresh', async (_label, content) => {
    const dir = freshDir();
    const statePath = join(dir, 'state.json');
    writeFileSync(statePath, content);
    const warnings: string[] = [];
    const emu = await startEmulator({ seed: 4, startTime: START, autoTick: false, statePath, warn: (m) => warnings.push(m) });
    try {
      expect(emu.city.incidents.size).toBeGreaterThanOrEqual(8);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/unreadable .* moved it to .*state\.json\.corrupt-\d+/);
      expect(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
      expect(existsSync(statePath)).toBe(false);
    } finally {
      await emu.close();
    }
    expect(existsSync(statePath)).toBe(true);
  });
});
