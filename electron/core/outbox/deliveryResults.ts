import type { OutboxEntry } from '../../../shared/domain';
import { log } from '../log/logger';
import type { OutboxStore } from './actionService';
import type { DeliveryGate } from './deliveryGate';
import type { DeliveryOutcome } from './planner';
import { settle } from './planner';

/** What recording a delivery's outcome touches of the action service. */
export interface DeliveryResultsDeps {
  readonly gate: DeliveryGate;
  /** Notes whose run the platform would not take as one request; one that settles leaves it. */
  readonly alone: Set<string>;
  readonly patch: (actionId: string, change: Partial<OutboxEntry>) => void;
  readonly changed: (incidentId: string | null) => void;
  readonly now: () => number;
  readonly random: () => number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The platform's answers to the outbox's deliveries, one action or a run of notes, turned into recorded outcomes. */
export function createDeliveryResults(d: DeliveryResultsDeps) {
  const { gate, alone, changed, now, random } = d;
  const patchEntry = d.patch;

  /** The platform's answer to a run: false when it holds the queue (refused credentials), so nothing more is sent now. */
  async function answered(run: readonly OutboxEntry[], outcome: DeliveryOutcome, store: OutboxStore): Promise<boolean> {
    if (outcome.kind === 'unauthorized') {
      // Wrong credentials say nothing about the action: it stays queued as it was, and the whole queue waits.
      if (gate.refused(outcome.status, outcome.reason)) {
        log().warn('outbox: the platform refuses this console\'s credentials; holding every action', { status: outcome.status, reason: outcome.reason });
        changed(null);
      }
      return false;
    }
    if (gate.accepted()) {
      log().info('outbox: the platform accepts the credentials again; sending the queue');
      changed(null);
    }
    await record(run, outcome, store);
    const head = run[0];
    if (head !== undefined) changed(head.action.kind === 'unit-service' ? null : head.action.incidentId);
    return true;
  }

  /**
   * Writes each action's outcome (the store's worker commits them together), then shows it. One not recorded
   * stays queued and is sent again later (the platform deduplicates), after a backoff for it and for the queue
   * as a whole, so a failing disk does not turn into a loop of requests and log lines.
   */
  async function record(run: readonly OutboxEntry[], outcome: DeliveryOutcome, store: OutboxStore): Promise<void> {
    const at = now();
    const updates = run.map((entry) => ({ entry, update: settle(entry, outcome, at, random) }));
    const written = await Promise.allSettled(updates.map(({ entry, update }) => store.updateDelivery(entry.actionId, update, entry.actor)));
    const failures = written.flatMap((w) => (w.status === 'rejected' ? [w.reason] : []));
    const wait = failures.length > 0 ? gate.recordFailed() : 0;
    if (failures.length === 0) gate.recorded();
    updates.forEach(({ entry, update }, i) => {
      if (written[i]?.status === 'fulfilled') {
        patchEntry(entry.actionId, update);
        if (update.state !== 'queued') alone.delete(entry.actionId);
      } else patchEntry(entry.actionId, { nextAttemptAt: now() + wait });
    });
    if (failures.length > 0) {
      log().error('outbox: could not record a delivery result; retrying later', { actionId: run[0]?.actionId, actions: failures.length, waitMs: wait, failures: gate.recordFailuresInRow(), error: describe(failures[0]) });
    }
  }

  return { answered };
}
