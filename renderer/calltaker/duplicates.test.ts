import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { likelyDuplicates, metresBetween } from './duplicates';

const NOW = 10_000_000;
const PATONG: [number, number] = [98.2963, 7.8961];

describe('likely duplicates', () => {
  const near = incidentFixture({ id: 'near', type: 'drowning', position: [98.2983, 7.8961], reportedAt: NOW - 5 * 60_000 });
  it('offers open incidents of the same type within 500 m and 30 min, nearest first', () => {
    const nearer = incidentFixture({ id: 'nearer', type: 'drowning', position: [98.2965, 7.8961], reportedAt: NOW - 60_000 });
    expect(likelyDuplicates([near, nearer], 'drowning', PATONG, NOW).map((d) => d.incident.id)).toEqual(['nearer', 'near']);
  });
  it('leaves out another type, a closed one, one too far and one too old', () => {
    const others = [
      { ...near, id: 'type', type: 'fire' as const },
      { ...near, id: 'closed', status: 'closed' as const },
      { ...near, id: 'far', position: [98.31, 7.8961] as [number, number] },
      { ...near, id: 'old', reportedAt: NOW - 31 * 60_000 },
    ];
    expect(likelyDuplicates(others, 'drowning', PATONG, NOW)).toEqual([]);
  });
  it('measures metres on the ground', () => {
    expect(metresBetween(PATONG, [98.2963, 7.9051])).toBeCloseTo(1000, -1);
  });
});
