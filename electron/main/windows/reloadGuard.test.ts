import { describe, expect, it } from 'vitest';
import { createReloadGuard } from './reloadGuard';

describe('the reload guard', () => {
  it('allows three reloads in a minute and opens the safe view on the fourth', () => {
    const guard = createReloadGuard();
    expect([0, 10_000, 20_000].map((t) => guard.record(t))).toEqual(['reload', 'reload', 'reload']);
    expect(guard.record(30_000)).toBe('safe-view');
  });

  it('forgets reloads older than a minute', () => {
    const guard = createReloadGuard();
    for (const t of [0, 10_000, 20_000]) guard.record(t);
    expect(guard.record(65_000)).toBe('reload');
  });
});
