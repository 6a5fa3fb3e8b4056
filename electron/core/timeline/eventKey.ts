import { createHash } from 'node:crypto';
import type { TimelineEvent } from '../../../shared/contract';

/**
 * What makes two timeline events the same, so an event written twice is kept once: an incident has one
 * report; this console's own doings are named by their action id; anything else by all it says, time included
 * (the report and notes carry their own times, so seeing them again after a restart yields the same key).
 */
export function timelineKey(incidentId: string, event: TimelineEvent): string {
  if (event.kind === 'reported') return `${incidentId}\u0000reported`;
  const actionId = event.params?.['actionId'];
  if (actionId !== undefined) return `${incidentId}\u0000action\u0000${actionId}`;
  const digest = createHash('sha256').update(JSON.stringify([event.kind, event.at, event.actor, event.from, event.to, event.text])).digest('hex').slice(0, 32);
  return `${incidentId}\u0000${digest}`;
}
