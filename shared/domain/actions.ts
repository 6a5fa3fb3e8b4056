import { z } from 'zod';
import { IncidentStatus } from './vocabulary';

/** Who is at the console: every action and audit record names them. */
export const OperatorProfile = z.object({
  name: z.string().min(1).max(100),
  role: z.enum(['operator', 'supervisor', 'viewer']),
  workstation: z.string().min(1).max(100),
});
export type OperatorProfile = z.infer<typeof OperatorProfile>;

/** A client-generated action id: UUIDv7, so ids also sort by creation time. */
export const ActionId = z.uuid({ version: 'v7' });

/** What an operator asks for. Every action travels the same path: local state + outbox + audit, then the platform. */
export const OperatorAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge'), incidentId: z.string().min(1).max(256) }),
  z.object({ kind: z.literal('note'), incidentId: z.string().min(1).max(256), noteId: z.string().min(1).max(64), text: z.string().trim().min(1).max(4000) }),
  z.object({ kind: z.literal('status'), incidentId: z.string().min(1).max(256), status: IncidentStatus }),
  z.object({ kind: z.literal('dispatch'), incidentId: z.string().min(1).max(256), unitIds: z.array(z.string().min(1).max(256)).min(1).max(20) }),
]);
export type OperatorAction = z.infer<typeof OperatorAction>;

/**
 * Where an action is on its way to the platform.
 * queued: saved locally, not yet accepted; confirmed: the platform applied it (or had already);
 * rejected: the platform refused it, with its reason: it needs the operator's attention.
 */
export const DeliveryState = z.enum(['queued', 'confirmed', 'rejected']);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const OutboxEntry = z.object({
  actionId: ActionId,
  /** Order of creation on this console. */
  seq: z.number().int().positive(),
  action: OperatorAction,
  actor: OperatorProfile,
  createdAt: z.number().int().nonnegative(),
  state: DeliveryState,
  attempts: z.number().int().nonnegative(),
  /** Earliest time of the next attempt (backoff); null once settled. */
  nextAttemptAt: z.number().int().nonnegative().nullable(),
  lastError: z.string().max(2000).nullable(),
  settledAt: z.number().int().nonnegative().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
