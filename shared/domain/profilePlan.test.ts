import { describe, expect, it } from 'vitest';
import { PROFILE_VERSION, ProfileError, defaultProfile, migrateProfile } from './profile';
import type { Display, WindowProfile } from './profile';
import { planWindows, profileFromPlan, rememberWindow } from './profilePlan';

const display = (id: number, x: number, primary = false): Display => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
  primary,
});
const wall = (n: number): Display[] => Array.from({ length: n }, (_, i) => display(10 + i, i * 1920, i === 0));
const roles = (profile: WindowProfile, displays: Display[]) => planWindows(displays, profile).windows.map((w) => `${w.displayId}:${w.role}`);

describe('planWindows with the default profile', () => {
  it('gives one display the all-in-one console over its work area', () => {
    const plan = planWindows(wall(1), defaultProfile());
    expect(plan.windows).toEqual([{ role: 'all', displayId: 10, bounds: { x: 0, y: 0, width: 1920, height: 1040 }, panelSizes: null }]);
    expect(plan.notes).toEqual([]);
  });

  it.each([
    [2, ['10:queue', '11:map']],
    [3, ['10:queue', '11:map', '12:board']],
    [4, ['10:queue', '11:map', '12:board', '13:status']],
    [6, ['10:queue', '11:map', '12:board', '13:status', '14:map', '15:map']],
  ])('spreads the roles over %i displays, primary first then left to right', (n, expected) => {
    expect(roles(defaultProfile(), wall(n))).toEqual(expected);
  });

  it('orders by the primary flag before position, and ignores a display listed twice', () => {
    const displays = [display(1, 0), display(2, 1920, true), display(2, 1920, true)];
    expect(roles(defaultProfile(), displays)).toEqual(['2:queue', '1:map']);
  });

  it('opens nothing without displays', () => {
    expect(planWindows([], defaultProfile()).windows).toEqual([]);
  });
});

describe('planWindows with a saved profile', () => {
  const saved = profileFromPlan(defaultProfile(), planWindows(wall(3), defaultProfile()));
  const moved = rememberWindow(saved, { role: 'map', displayId: 11, bounds: { x: 2000, y: 50, width: 1200, height: 800 }, panelSizes: [70, 30] });

  it('keeps each window on its display with its bounds and layout', () => {
    const map = planWindows(wall(3), moved).windows.find((w) => w.role === 'map');
    expect(map).toEqual({ role: 'map', displayId: 11, bounds: { x: 2000, y: 50, width: 1200, height: 800 }, panelSizes: [70, 30] });
  });

  it('drops the window of a missing display and says so', () => {
    const plan = planWindows([display(10, 0, true), display(11, 1920)], moved);
    expect(plan.windows.map((w) => w.role)).toEqual(['queue', 'map']);
    expect(plan.notes).toEqual([
      { kind: 'display-missing', displayId: 12, role: 'board' },
      { kind: 'role-dropped', role: 'board' },
    ]);
  });

  it('moves the queue to the remaining displays when its own display is missing', () => {
    const plan = planWindows([display(11, 1920, true), display(12, 3840)], moved);
    expect(plan.windows.map((w) => `${w.displayId}:${w.role}`)).toEqual(['11:queue', '12:map']);
    // The map's saved bounds belonged to the map: the queue on that display gets the whole work area.
    expect(plan.windows[0]?.bounds).toEqual({ x: 1920, y: 0, width: 1920, height: 1040 });
    expect(plan.notes).toContainEqual({ kind: 'queue-moved', displayId: 11 });
    expect(plan.notes).toContainEqual({ kind: 'role-dropped', role: 'board' });
  });

  it('gives a new display the first role not shown, and the saved one back when its display returns', () => {
    const two = [display(10, 0, true), display(11, 1920)];
    const afterUnplug = profileFromPlan(moved, planWindows(two, moved));
    const plan = planWindows([...two, display(99, 3840)], afterUnplug);
    expect(plan.windows.map((w) => `${w.displayId}:${w.role}`)).toEqual(['10:queue', '11:map', '99:board']);
    expect(plan.notes).toContainEqual({ kind: 'display-added', displayId: 99, role: 'board' });
    expect(roles(afterUnplug, wall(3))).toEqual(['10:queue', '11:map', '12:board']);
  });

  it('fits bounds that no longer lie on their display to its work area', () => {
    const off = rememberWindow(saved, { role: 'map', displayId: 11, bounds: { x: 9000, y: 0, width: 800, height: 600 }, panelSizes: null });
    expect(planWindows(wall(3), off).windows.find((w) => w.displayId === 11)?.bounds).toEqual({ x: 1920, y: 0, width: 1920, height: 1040 });
  });

  it('plans from a stale version 1 profile after migrating it', () => {
    const v1 = migrateProfile({ version: 1, displays: { '11': 'queue', '10': 'status' } });
    expect(v1.version).toBe(PROFILE_VERSION);
    expect(roles(v1, wall(3))).toEqual(['10:status', '11:queue', '12:map']);
  });
});

describe('migrateProfile', () => {
  it('accepts the current version unchanged', () => {
    const current = { ...defaultProfile(), roleSettings: { map: { language: 'th' as const } } };
    expect(migrateProfile(JSON.parse(JSON.stringify(current)))).toEqual(current);
  });

  it('refuses a newer version, a damaged one and something that is not a profile', () => {
    expect(() => migrateProfile({ version: PROFILE_VERSION + 1 })).toThrow(ProfileError);
    expect(() => migrateProfile({ version: 2, name: '', windows: [] })).toThrow(/damaged/);
    expect(() => migrateProfile({ version: 1, displays: { x: 'map' } })).toThrow(/version 1/);
    expect(() => migrateProfile('map,queue')).toThrow(/no version/);
  });
});
