import { describe, expect, it } from 'vitest';
import { readDisplays } from './displays';

const screen = {
  getAllDisplays: () => [
    { id: 5, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 9, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 0, width: 2560, height: 1440 } },
  ],
  getPrimaryDisplay: () => ({ id: 9 }),
};

describe('readDisplays', () => {
  it("reads the OS's displays and marks the primary one", () => {
    expect(readDisplays(screen, {}).map((d) => [d.id, d.primary])).toEqual([
      [5, false],
      [9, true],
    ]);
  });

  it('uses PHUKET_FAKE_DISPLAYS instead when it is set, and refuses a bad one', () => {
    const fake = JSON.stringify([{ id: 1, bounds: { x: 0, y: 0, width: 800, height: 600 } }, { id: 2, bounds: { x: 800, y: 0, width: 800, height: 600 } }]);
    expect(readDisplays(screen, { PHUKET_FAKE_DISPLAYS: fake }).map((d) => d.id)).toEqual([1, 2]);
    expect(() => readDisplays(screen, { PHUKET_FAKE_DISPLAYS: '[{"id":1}]' })).toThrow(/not a list of displays/);
    expect(() => readDisplays(screen, { PHUKET_FAKE_DISPLAYS: 'two' })).toThrow(/not JSON/);
  });
});
