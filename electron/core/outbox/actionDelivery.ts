import type { Incident, OutboxEntry } from '../../../shared/domain';
import type { DeliveryOutcome } from './planner';

export type { DeliveryOutcome } from './planner';

/** What one request for a run of notes came to: one outcome for every action of the run, or "send them one by one". */
export type RunOutcome = DeliveryOutcome | { kind: 'split'; reason: string };

/** What a delivery may need to know besides the action itself. */
export interface DeliveryContext {
  /** The action's incident as the platform shows it now, or null (a dispatch adds to its units rather than replacing them). */
  readonly platform: Incident | null;
}

/**
 * The outbox's port to a platform, beside FeedSource: the outbox decides what to send and when, an
 * implementation decides how (today NGSI-LD PATCH/POST, outbox/transport.ts). It must never throw: every
 * failure is an outcome, and the platform is expected to deduplicate by the entry's action id.
 */
export interface ActionDelivery {
  /** Where actions go, for logs (e.g. the broker's host). */
  readonly name: string;
  deliver(entry: OutboxEntry, context: DeliveryContext): Promise<DeliveryOutcome>;
  /**
   * Consecutive queued notes of one incident as one request, when the platform may take them so. 'split' when it
   * would not (or answered for only some): nothing is known of any, and each goes alone through `deliver`.
   */
  deliverNotes?(entries: readonly OutboxEntry[]): Promise<RunOutcome>;
}
