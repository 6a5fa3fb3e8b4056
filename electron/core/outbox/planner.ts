import { subjectOf } from '../../../shared/domain';
import type { OutboxEntry } from '../../../shared/domain';
import type { DeliveryUpdate } from '../store/api';
import type { BackoffPolicy } from '../feeds/backoff';
import { backoffDelay } from '../feeds/backoff';

/** What one attempt to deliver an action came to. */
export type DeliveryOutcome =
  /** The platform applied it, or had already (it deduplicates by action id). */
  | { kind: 'applied' }
  /** The platform refused it for good (a lifecycle conflict, say): the operator must look at it. */
  | { kind: 'rejected'; reason: string }
  /** The platform refuses this console's credentials (401/403): nothing is wrong with the action; the queue waits. */
  | { kind: 'unauthorized'; status: 401 | 403; reason: string }
  /** Nothing is known: unreachable, 5xx, timeout. Try again later. */
  | { kind: 'failed'; reason: string; retryAfterMs?: number };

export interface PlanInput {
  readonly entries: readonly OutboxEntry[];
  readonly now: number;
  /** Actions already on their way: never sent twice at once. */
  readonly inFlight: ReadonlySet<string>;
}

/** Per subject (an incident, or a unit for a duty change): actions on one entity go in order. */
const incidentOf = (e: OutboxEntry) => subjectOf(e.action);

/**
 * Which actions to send now. Per incident, strictly in order: only the oldest unsettled action may go,
 * and only once its backoff has passed. A rejected action is settled, so it never blocks the ones after it;
 * incidents never wait for each other.
 */
export function planDeliveries(input: PlanInput): OutboxEntry[] {
  const head = new Map<string, OutboxEntry>();
  for (const entry of [...input.entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.state !== 'queued' || head.has(incidentOf(entry))) continue;
    head.set(incidentOf(entry), entry);
  }
  return [...head.values()].filter((e) => !input.inFlight.has(e.actionId) && (e.nextAttemptAt ?? 0) <= input.now);
}

/** The most notes sent in one request: 400 queued on an incident go in 8 requests, each body well under 100 kB. */
export const NOTE_RUN_MAX = 50;

/**
 * The actions that go in one request, from a subject's queue (oldest first, its head about to go): the head, and,
 * when it is a note, the notes right after it, up to `max`. A run never passes another kind of action, so the
 * order within the incident holds; an action marked `alone` (its run was refused), or a note that attaches a
 * citizen report (its link is a second step, outbox/reportLinks), goes by itself.
 */
export function noteRun(queue: readonly OutboxEntry[], max: number, alone: ReadonlySet<string>): OutboxEntry[] {
  const run: OutboxEntry[] = [];
  for (const entry of queue) {
    if (run.length >= max || entry.action.kind !== 'note' || entry.action.reportId !== undefined || alone.has(entry.actionId)) break;
    run.push(entry);
  }
  const head = queue[0];
  return run.length > 0 || head === undefined ? run : [head];
}

export const DELIVERY_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/** The outbox row after an attempt. Pure: `random` feeds the jitter. */
export function settle(entry: OutboxEntry, outcome: DeliveryOutcome, now: number, random: () => number = Math.random): DeliveryUpdate {
  const attempts = entry.attempts + 1;
  switch (outcome.kind) {
    case 'applied':
      return { state: 'confirmed', attempts, nextAttemptAt: null, lastError: null, settledAt: now };
    case 'rejected':
      return { state: 'rejected', attempts, nextAttemptAt: null, lastError: outcome.reason, settledAt: now };
    case 'unauthorized':
    case 'failed': {
      const wait = Math.max(backoffDelay(attempts - 1, DELIVERY_BACKOFF, random), outcome.kind === 'failed' ? (outcome.retryAfterMs ?? 0) : 0);
      return { state: 'queued', attempts, nextAttemptAt: now + wait, lastError: outcome.reason, settledAt: null };
    }
  }
}
