import type { CredentialHold } from '../../../shared/contract';
import type { BackoffPolicy } from '../feeds/backoff';
import { backoffDelay } from '../feeds/backoff';

/** One action is sent now and then to see whether the credentials are accepted again. */
export const PROBE_MS = { minMs: 30_000, maxMs: 60_000 } as const;
/** After the store failed to record a delivery: nothing is sent until it has had time to recover. */
export const RECORD_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

export type Permit = { kind: 'all' } | { kind: 'probe' } | { kind: 'none' };

/**
 * What may be sent now. Two brakes, both on the whole queue: a credential hold (only a slow probe goes)
 * and a store that could not record the last result (nothing goes until its backoff has passed). Each
 * brake is released by the event that proves it unnecessary: an answer other than 401/403, a recorded result.
 */
export class DeliveryGate {
  private held: CredentialHold | null = null;
  private recordFailures = 0;
  private recordBlockedUntil = 0;

  constructor(
    private readonly now: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  hold(): CredentialHold | null {
    return this.held;
  }

  /** How many recordings failed in a row; a recorded result resets it. */
  recordFailuresInRow(): number {
    return this.recordFailures;
  }

  /** May anything be sent now? A probe is granted once per probe interval and moves the interval on. */
  permit(): Permit {
    const now = this.now();
    if (now < this.recordBlockedUntil) return { kind: 'none' };
    if (this.held === null) return { kind: 'all' };
    if (now < this.held.nextProbeAt) return { kind: 'none' };
    this.held = { ...this.held, nextProbeAt: now + this.probeDelay() };
    return { kind: 'probe' };
  }

  /** A 401/403. True when it starts a hold (so the operator is told once). */
  refused(status: 401 | 403, reason: string): boolean {
    const started = this.held === null;
    const now = this.now();
    this.held = { status, reason, since: this.held?.since ?? now, nextProbeAt: this.held?.nextProbeAt ?? now + this.probeDelay() };
    return started;
  }

  /** The platform answered something other than 401/403. True when that lifts a hold. */
  accepted(): boolean {
    const lifted = this.held !== null;
    this.held = null;
    return lifted;
  }

  /** The store failed to record a result: returns how long this action waits before it is tried again. */
  recordFailed(): number {
    const wait = backoffDelay(this.recordFailures, RECORD_BACKOFF, this.random);
    this.recordFailures += 1;
    this.recordBlockedUntil = this.now() + wait;
    return wait;
  }

  recorded(): void {
    this.recordFailures = 0;
    this.recordBlockedUntil = 0;
  }

  private probeDelay(): number {
    return Math.round(PROBE_MS.minMs + this.random() * (PROBE_MS.maxMs - PROBE_MS.minMs));
  }
}
