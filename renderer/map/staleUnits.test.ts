import { describe, expect, it } from 'vitest';
import type { FeedHealthReport } from '../../shared/contract';
import type { Unit } from '../../shared/domain';
import { unitFixture } from '../../shared/domain/testing/fixtures';
import { staleUnitIds } from './staleUnits';

const unit = (id: string, status: Unit['status'], observedAt: number): Unit => unitFixture(id, [98.3, 7.9], { agency: 'police', status, observedAt });
const health = (state: 'connected' | 'down'): FeedHealthReport => ({
  at: 0,
  link: { state: 'up', since: 0 },
  platform: 'test',
  feeds: [{ feed: 'units', state, detail: '', lastMessageAt: null, lagMs: null, messagesPerSecond: 0, items: 0, rejected: 0, lastRejection: null }],
});

describe('staleUnitIds', () => {
  it('greys a moving unit that stopped reporting while others did, not an idle one at its station', () => {
    const units = [unit('moving-fresh', 'dispatched', 200_000), unit('moving-quiet', 'dispatched', 100_000), unit('parked', 'available', 0)];
    expect([...staleUnitIds(units, health('connected'))]).toEqual(['moving-quiet']);
  });
  it('greys every unit when the units feed is not live', () => {
    const units = [unit('a', 'available', 1), unit('b', 'dispatched', 2)];
    expect(staleUnitIds(units, health('down'))).toEqual(new Set(['a', 'b']));
  });
});
