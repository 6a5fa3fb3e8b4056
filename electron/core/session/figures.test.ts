import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/contract';
import type { Incident } from '../../../shared/domain';
import { computeFigures } from './figures';

const NOW = 10 * 3_600_000;
const incident = (id: string, severity: Incident['severity'], status: Incident['status'], reportedAt: number): Incident => ({
  id, type: 'fire', category: 'fire', subCategory: null, severity, status, position: [98.3, 7.9], description: '', district: null,
  reporterLanguage: null, reporterNationality: null, assignedUnitIds: [], notes: [], source: null, reportedAt, updatedAt: reportedAt,
});
const status = (to: string, at: number): TimelineEvent => ({ at, kind: 'status', actor: 'Niran', from: null, to, text: null });

describe('computeFigures', () => {
  it('counts open incidents by severity and averages the last hour of acknowledgements and dispatches', () => {
    const incidents = [
      incident('a', 'critical', 'dispatched', NOW - 600_000),
      incident('b', 'critical', 'acknowledged', NOW - 300_000),
      incident('c', 'low', 'closed', NOW - 7_200_000),
      incident('d', 'medium', 'new', NOW - 1000),
    ];
    const timelines: Record<string, TimelineEvent[]> = {
      a: [status('acknowledged', NOW - 540_000), status('dispatched', NOW - 480_000)],
      b: [status('acknowledged', NOW - 200_000)],
      // Acknowledged two hours ago: outside the window.
      c: [status('acknowledged', NOW - 7_100_000), status('closed', NOW - 60_000)],
    };
    const figures = computeFigures(incidents, (id) => timelines[id] ?? [], NOW);
    expect(figures.openBySeverity).toEqual({ informational: 0, low: 0, medium: 1, high: 0, critical: 2 });
    expect(figures.meanAckMs).toBe((60_000 + 100_000) / 2);
    expect(figures.meanDispatchMs).toBe(120_000);
    expect(figures.acknowledgedLastHour).toBe(2);
    expect(figures.dispatchedLastHour).toBe(1);
  });

  it('has no mean without any action in the last hour', () => {
    const figures = computeFigures([incident('a', 'high', 'new', NOW)], () => [], NOW);
    expect(figures).toMatchObject({ meanAckMs: null, meanDispatchMs: null, acknowledgedLastHour: 0 });
  });
});
