import { z } from 'zod';

/** Switchable failure modes for resilience tests. */
export const FaultPatch = z
  .object({ outage: z.boolean(), http503: z.boolean(), stall: z.boolean(), malformed: z.boolean(), refuseBatches: z.boolean() })
  .partial()
  .strict();
export type FaultPatch = z.infer<typeof FaultPatch>;

export interface FaultState {
  outage: boolean;
  http503: boolean;
  stall: boolean;
  malformed: boolean;
  /** Behave as a platform that takes one instance of a multi-attribute per request: a run of notes gets a 400. */
  refuseBatches: boolean;
}

export const noFaults = (): FaultState => ({ outage: false, http503: false, stall: false, malformed: false, refuseBatches: false });

export const RETRY_AFTER_S = 5;
