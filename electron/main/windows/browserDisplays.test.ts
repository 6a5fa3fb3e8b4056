import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/domain/profile';
import { planWindows } from '../../../shared/domain/profilePlan';
import { browserDisplays } from './browserDisplays';

describe('browserDisplays', () => {
  it('tiles one assumed screen for --windows 3, which plans the queue, the map wall and the board', () => {
    const displays = browserDisplays(3, null, null);
    expect(displays.map((d) => d.bounds)).toEqual([
      { x: 0, y: 0, width: 640, height: 1080 },
      { x: 640, y: 0, width: 640, height: 1080 },
      { x: 1280, y: 0, width: 640, height: 1080 },
    ]);
    expect(planWindows(displays, defaultProfile()).windows.map((w) => w.role)).toEqual(['queue', 'map', 'board']);
  });

  it("opens a profile's windows where it saved them, and prefers a faked display list", () => {
    const profile = { ...defaultProfile(), windows: [{ role: 'status' as const, displayId: 7, bounds: { x: 100, y: 50, width: 800, height: 600 }, panelSizes: null }] };
    expect(browserDisplays(3, profile, null)).toEqual([{ id: 7, bounds: { x: 100, y: 50, width: 800, height: 600 }, primary: true }]);
    const fake = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 720 } }];
    expect(browserDisplays(3, profile, fake)).toBe(fake);
  });
});
