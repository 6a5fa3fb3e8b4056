import type { Warning } from '../../../../shared/domain';
import type { CapMessage } from './mapCap';

const MAX_REMEMBERED = 10_000;

/**
 * The warnings in force among the messages a publisher lists, whatever order they arrived in: a message
 * that an Update or Cancel references is gone (now or whenever it shows up again), a duplicate counts
 * once, an expired one is dropped. Superseded keys are remembered across polls (bounded), so a publisher
 * that drops the Cancel from its index but keeps the original cannot bring a cancelled warning back.
 */
export class ActiveSet {
  private readonly superseded = new Set<string>();

  /** Remembers what these messages replace, then answers the warnings still in force at `now`. */
  resolve(messages: readonly CapMessage[], now: number): { warnings: Warning[]; nextExpiry: number | null } {
    for (const message of messages) for (const key of message.replaces) this.remember(key);
    const byKey = new Map<string, Warning>();
    let nextExpiry: number | null = null;
    for (const message of messages) {
      const warning = message.warning;
      if (warning === null || this.superseded.has(message.key) || byKey.has(message.key)) continue;
      if (warning.expiresAt !== null) {
        if (warning.expiresAt <= now) continue;
        nextExpiry = nextExpiry === null ? warning.expiresAt : Math.min(nextExpiry, warning.expiresAt);
      }
      byKey.set(message.key, warning);
    }
    return { warnings: [...byKey.values()], nextExpiry };
  }

  private remember(key: string): void {
    if (this.superseded.has(key)) return;
    this.superseded.add(key);
    if (this.superseded.size > MAX_REMEMBERED) {
      const oldest = this.superseded.values().next();
      if (oldest.done !== true) this.superseded.delete(oldest.value);
    }
  }
}
