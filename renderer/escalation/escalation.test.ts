import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../../shared/domain/testing/fixtures';
import { escalatedIds, newlyEscalated, sameIds } from './escalation';

const POLICY = { critical: 60_000, high: 180_000, medium: 600_000, low: null, informational: null };

describe('escalation', () => {
  it('escalates a new incident once its severity time has passed, not an acknowledged one or one that never escalates', () => {
    const critical = incidentFixture({ id: 'c', severity: 'critical', status: 'new', reportedAt: 0 });
    const acknowledged = { ...critical, id: 'a', status: 'acknowledged' as const };
    const low = { ...critical, id: 'l', severity: 'low' as const };
    const high = { ...critical, id: 'h', severity: 'high' as const };
    expect([...escalatedIds([critical, acknowledged, low, high], POLICY, 59_999)]).toEqual([]);
    expect([...escalatedIds([critical, acknowledged, low, high], POLICY, 60_000)]).toEqual(['c']);
    expect([...escalatedIds([critical, acknowledged, low, high], POLICY, 180_000)]).toEqual(['c', 'h']);
  });
  it('announces each escalation once', () => {
    expect(newlyEscalated(new Set(['a']), new Set(['a', 'b']))).toEqual(['b']);
    expect(sameIds(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameIds(new Set(['a']), new Set(['b']))).toBe(false);
  });
});
