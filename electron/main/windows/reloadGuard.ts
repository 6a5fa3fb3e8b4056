/** What to do after a window's renderer died or hung. */
export type HealAction = 'reload' | 'safe-view';

export const RELOAD_LIMIT = 3;
export const RELOAD_WINDOW_MS = 60_000;

/**
 * Counts a window's reloads: more than `limit` within `windowMs` means reloading is not helping (a page that
 * crashes as it loads), so the window gets the minimal safe view instead of a reload loop.
 */
export function createReloadGuard(limit = RELOAD_LIMIT, windowMs = RELOAD_WINDOW_MS): { record(now: number): HealAction } {
  let times: number[] = [];
  return {
    record(now) {
      times = [...times.filter((t) => now - t < windowMs), now];
      return times.length > limit ? 'safe-view' : 'reload';
    },
  };
}
