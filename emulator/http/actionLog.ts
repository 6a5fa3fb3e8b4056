import { z } from 'zod';
import type { Reply } from './reply';

export const ActionEntry = z.object({
  actionId: z.string(),
  entityId: z.string(),
  method: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(['applied', 'duplicate', 'rejected']),
  reason: z.string().nullable(),
  /** What the first attempt answered, so a duplicate gets the very same answer. */
  status: z.number(),
  location: z.string().nullable(),
  problem: z.unknown(),
});
export type ActionEntry = z.infer<typeof ActionEntry>;

const detailOf = (body: unknown): string | null =>
  typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string' ? body.detail : null;

/**
 * Operator actions carry a client-generated id and are delivered at least once; the log applies each id
 * once and answers repeats with the original reply, so the platform applies every action exactly once.
 */
export class ActionLog {
  readonly entries: ActionEntry[];
  private readonly firstById = new Map<string, ActionEntry>();

  constructor(entries: readonly ActionEntry[] = [], private readonly clock: () => Date = () => new Date()) {
    this.entries = [...entries];
    for (const e of this.entries) if (e.outcome !== 'duplicate' && !this.firstById.has(e.actionId)) this.firstById.set(e.actionId, e);
  }

  run(actionId: string, entityId: string, method: string, apply: () => Reply): Reply {
    const first = this.firstById.get(actionId);
    if (first !== undefined) {
      this.entries.push({ ...first, entityId, method, receivedAt: this.clock().toISOString(), outcome: 'duplicate', reason: `repeat of ${first.outcome} action` });
      return replay(first);
    }
    const reply = apply();
    const ok = reply.status < 300;
    const location = reply.headers?.['Location'] ?? null;
    const entry: ActionEntry = {
      actionId,
      entityId,
      method,
      receivedAt: this.clock().toISOString(),
      outcome: ok ? 'applied' : 'rejected',
      reason: ok ? null : detailOf(reply.body),
      status: reply.status,
      location,
      problem: ok ? null : reply.body,
    };
    this.entries.push(entry);
    this.firstById.set(actionId, entry);
    return reply;
  }
}

function replay(e: ActionEntry): Reply {
  if (e.status >= 300) return { status: e.status, body: e.problem };
  return e.location === null ? { status: e.status } : { status: e.status, headers: { Location: e.location } };
}
