import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import { createCapSource } from '../../electron/core/feeds/cap/capSource';
import { recordingSink, until } from '../../electron/core/feeds/cap/capTestHttp';
import { Warning } from '../../shared/domain';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: 3, startTime: '2026-07-01T03:00:00Z', autoTick: false });
});
afterAll(() => emu.close());

const names = (warnings: readonly Warning[] | undefined): string[] => (warnings ?? []).map((w) => w.identifier.replace(/^PKT-\w+-/, '')).sort();

describe('the console reading the emulator CAP feed', () => {
  it('gets valid Thai/English warnings, the Update replacing the rain alert and the Cancel removing the wave one on the simulated clock', async () => {
    const { sink, got } = recordingSink();
    const source = createCapSource({ indexUrl: `${emu.url}/cap/index.atom`, pollMs: 20, now: () => emu.platformNow() });
    source.start(sink);
    try {
      await until(() => got.snapshots.length >= 1, 'the first listing');
      const first = got.snapshots[0] ?? [];
      expect(names(first)).toEqual(['rain', 'wave']);
      for (const w of first) {
        expect(Warning.safeParse(w).success).toBe(true);
        expect(w.texts.map((t) => t.language)).toEqual(['th-TH', 'en-US']);
        expect(w.areas.every((a) => a.polygons.length + a.circles.length > 0)).toBe(true);
      }
      expect(first.find((w) => w.identifier.endsWith('rain'))?.areas.map((a) => a.description)).toEqual(['อำเภอเมืองภูเก็ต', 'อำเภอกะทู้', 'อำเภอถลาง']);

      emu.step(6 * 60);
      await until(() => names(got.snapshots.at(-1)).includes('tsunami-exercise'), 'the exercise');
      expect(got.snapshots.at(-1)?.find((w) => w.identifier.endsWith('exercise'))?.status).toBe('Exercise');

      emu.step(15 * 60);
      await until(() => names(got.snapshots.at(-1)).includes('rain-update'), 'the rain update');
      expect(names(got.snapshots.at(-1))).toEqual(['rain-update', 'tsunami-exercise', 'wave']);

      emu.step(25 * 60);
      await until(() => !names(got.snapshots.at(-1)).includes('wave'), 'the wave cancel');
      expect(names(got.snapshots.at(-1))).toEqual(['rain-update', 'tsunami-exercise']);

      emu.step(20 * 60);
      await until(() => !names(got.snapshots.at(-1)).includes('tsunami-exercise'), 'the exercise to expire');
      expect(names(got.snapshots.at(-1))).toEqual(['rain-update']);
      expect(got.rejected).toEqual([]);
    } finally {
      await source.stop();
    }
  }, 60_000);
});
