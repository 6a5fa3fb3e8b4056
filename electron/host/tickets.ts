import { newSecret, secretMatches } from './secret';

export const TICKET_TTL_MS = 60_000;
/** Bounds on what outstanding tickets and sessions may hold, so minting can never grow memory without end. */
const MAX_TICKETS = 16;
const MAX_SESSIONS = 32;

export interface Tickets {
  /** A fresh single-use ticket, valid for TICKET_TTL_MS. */
  mint(): string;
  /** Spends a ticket: a new session credential, or null when it is unknown, used or expired. */
  redeem(ticket: string | null): string | null;
  sessionValid(credential: string | null): boolean;
}

/**
 * The launch handshake that keeps the secret off command lines: the window is opened with a one-time
 * ticket, which the host trades for a session credential held in an HttpOnly cookie.
 */
export function createTickets(now: () => number = Date.now, ttlMs = TICKET_TTL_MS): Tickets {
  const tickets = new Map<string, number>();
  const sessions: string[] = [];

  const prune = (): void => {
    const t = now();
    for (const [ticket, expires] of tickets) if (expires <= t) tickets.delete(ticket);
  };

  return {
    mint() {
      prune();
      const oldest = tickets.keys().next();
      if (tickets.size >= MAX_TICKETS && oldest.done !== true) tickets.delete(oldest.value);
      const ticket = newSecret();
      tickets.set(ticket, now() + ttlMs);
      return ticket;
    },
    redeem(ticket) {
      if (ticket === null) return null;
      const expires = tickets.get(ticket);
      tickets.delete(ticket);
      if (expires === undefined || expires <= now()) return null;
      const session = newSecret();
      sessions.push(session);
      if (sessions.length > MAX_SESSIONS) sessions.shift();
      return session;
    },
    sessionValid(credential) {
      return sessions.some((s) => secretMatches(s, credential));
    },
  };
}
