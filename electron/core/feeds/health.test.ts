import { describe, expect, it } from 'vitest';
import { assess, DEFAULT_RULES, newTrack, withLink, withMessage, withRejection } from './health';

const rules = DEFAULT_RULES.units;

describe('feed health', () => {
  it('is down until the link opens, and says why', () => {
    const track = newTrack('units');
    expect(assess(track, 0, rules)).toMatchObject({ state: 'down', detail: 'connecting to the platform' });
    expect(assess(withLink(track, 'closed', 'platform refused the connection'), 0, rules)).toMatchObject({ state: 'down', detail: 'platform refused the connection' });
  });

  it('is connected while messages arrive, with their rate and lag', () => {
    let track = withLink(newTrack('units'), 'open', 'open');
    for (let t = 1_000; t <= 10_000; t += 1_000) track = withMessage(track, t, t - 200, 3, rules);
    expect(assess(track, 10_000, rules)).toMatchObject({ state: 'connected', messagesPerSecond: 1, lagMs: 200, items: 30, lastMessageAt: 10_000 });
  });

  it('turns degraded when a talking feed goes silent (a stalled stream), and down when the link drops', () => {
    let track = withMessage(withLink(newTrack('units'), 'open', 'open'), 1_000, 1_000, 1, rules);
    expect(assess(track, 20_000, rules).state).toBe('connected');
    expect(assess(track, 40_000, rules)).toMatchObject({ state: 'degraded', detail: 'no data for 39 s' });
    track = withLink(track, 'closed', 'stream closed');
    expect(assess(track, 40_000, rules).state).toBe('down');
  });

  it('does not call a quiet incident feed degraded', () => {
    const track = withMessage(withLink(newTrack('incidents'), 'open', 'open'), 1_000, 1_000, 1, DEFAULT_RULES.incidents);
    expect(assess(track, 600_000, DEFAULT_RULES.incidents).state).toBe('connected');
  });

  it('reports rejections, degraded while they are recent', () => {
    let track = withMessage(withLink(newTrack('traffic'), 'open', 'open'), 1_000, 1_000, 1, rules);
    track = withRejection(track, 'x: coordinate outside', 1_500);
    expect(assess(track, 2_000, rules)).toMatchObject({ state: 'degraded', rejected: 1, lastRejection: { reason: 'x: coordinate outside', at: 1_500 } });
    track = withMessage(track, 20_000, 20_000, 1, rules);
    expect(assess(track, 20_000, rules)).toMatchObject({ state: 'connected', rejected: 1 });
  });

  it('flags late data', () => {
    const track = withMessage(withLink(newTrack('traffic'), 'open', 'open'), 100_000, 40_000, 1, rules);
    expect(assess(track, 100_000, rules)).toMatchObject({ state: 'degraded', detail: 'data is 60 s late' });
  });
});

describe('coded reasons beside the English detail', () => {
  it('codes every verdict, with its numbers as parameters', () => {
    const rules = { silenceMs: 30_000, maxLagMs: 30_000, rateWindowMs: 10_000 };
    const down = assess(newTrack('units'), 0, rules);
    expect(down.reason).toEqual({ code: 'connecting-platform' });
    const open = withLink(newTrack('units'), 'open', 'live', { code: 'live' });
    const heard = withMessage(open, 1_000, 1_000, 1, rules);
    expect(assess(heard, 2_000, rules).reason).toEqual({ code: 'live' });
    expect(assess(heard, 41_000, rules)).toMatchObject({ detail: 'no data for 40 s', reason: { code: 'no-data', params: { seconds: 40 } } });
    const late = withMessage(open, 100_000, 50_000, 1, rules);
    expect(assess(late, 100_000, rules)).toMatchObject({ detail: 'data is 50 s late', reason: { code: 'data-late', params: { seconds: 50 } } });
    const closed = withLink(heard, 'closed', 'gone');
    expect(assess(closed, 2_000, rules).reason).toBeUndefined();
  });
});
