import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WindowSpec } from '../../../shared/domain/profilePlan';
import { openChromiumWall } from './chromiumWall';

/** A stand-in browser: logs its arguments, dies by SIGKILL on its first run for the map, and exits 0 (closed) otherwise. */
function fakeChromium(dir: string): string {
  const path = join(dir, 'chromium.sh');
  writeFileSync(
    path,
    `#!/bin/sh\necho "$@" >> "${dir}/launches"\ncase "$1" in *role=map*) if [ ! -e "${dir}/killed" ]; then touch "${dir}/killed"; kill -9 $$; fi;; esac\nexit 0\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

const spec = (role: WindowSpec['role'], x: number): WindowSpec => ({ role, displayId: x, bounds: { x, y: 0, width: 640, height: 1080 }, panelSizes: null });

describe('openChromiumWall', () => {
  it('opens one --app window per role in place, reopens a killed one with its role and place, and ends when the operator closed all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wall-'));
    let tickets = 0;
    const said: string[] = [];
    await new Promise<void>((resolve) => {
      openChromiumWall({ chromium: fakeChromium(dir), ticketUrl: () => `http://127.0.0.1:1/?ticket=t${++tickets}`, windows: [spec('queue', 0), spec('map', 640)], onAllClosed: resolve, say: (line) => said.push(line) });
    });
    const launches = readFileSync(join(dir, 'launches'), 'utf8').trim().split('\n');
    const maps = launches.filter((l) => l.includes('#role=map'));
    expect(launches).toHaveLength(3);
    expect(maps).toHaveLength(2);
    for (const line of maps) expect(line).toContain('--window-position=640,0 --window-size=640,1080');
    // Each opening spends its own one-time ticket.
    expect(new Set(launches.map((l) => /ticket=(t\d+)/.exec(l)?.[1])).size).toBe(3);
    expect(said).toEqual(['The map window went away (exit SIGKILL); opening it again in place.']);
  });
});
