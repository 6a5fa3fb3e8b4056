import type { OpsFigures, TimelineEvent } from '../../../shared/contract';
import type { Incident, Severity } from '../../../shared/domain';

const HOUR_MS = 3_600_000;
const OPEN = new Set(['new', 'acknowledged', 'dispatched', 'on-scene']);

/** When an incident first reached a status, from its timeline (a reopen does not reset the first time). */
function firstAt(events: readonly TimelineEvent[], status: string): number | null {
  let at: number | null = null;
  for (const e of events) if (e.kind === 'status' && e.to === status && (at === null || e.at < at)) at = e.at;
  return at;
}

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * The status wall's live figures: open incidents by severity, and the mean time from report to acknowledgement and
 * to dispatch over incidents that reached that step in the last hour (as the console saw them in their timelines).
 */
export function computeFigures(incidents: Iterable<Incident>, timelineOf: (id: string) => readonly TimelineEvent[], now: number): OpsFigures {
  const openBySeverity: Record<Severity, number> = { informational: 0, low: 0, medium: 0, high: 0, critical: 0 };
  const ack: number[] = [];
  const dispatched: number[] = [];
  for (const incident of incidents) {
    if (OPEN.has(incident.status)) openBySeverity[incident.severity] += 1;
    const events = timelineOf(incident.id);
    const ackAt = firstAt(events, 'acknowledged');
    const dispatchAt = firstAt(events, 'dispatched');
    if (ackAt !== null && now - ackAt <= HOUR_MS && ackAt >= incident.reportedAt) ack.push(ackAt - incident.reportedAt);
    if (dispatchAt !== null && now - dispatchAt <= HOUR_MS && dispatchAt >= incident.reportedAt) dispatched.push(dispatchAt - incident.reportedAt);
  }
  return {
    at: now,
    openBySeverity,
    meanAckMs: mean(ack),
    meanDispatchMs: mean(dispatched),
    acknowledgedLastHour: ack.length,
    dispatchedLastHour: dispatched.length,
  };
}
