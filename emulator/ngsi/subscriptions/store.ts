import { randomUUID } from 'node:crypto';
import { NewSubscription, describeIssues } from './schema';
import type { SubscriptionFragment } from './schema';

/** What the client asked for, stripped of read-only members and `@context`. */
export type SubscriptionSpec = Omit<NewSubscription, 'id' | '@context' | 'status' | 'createdAt' | 'modifiedAt'>;

export interface DeliveryState {
  timesSent: number;
  timesFailed: number;
  lastNotification?: string;
  lastSuccess?: string;
  lastFailure?: string;
  lastErrorReason?: string;
  status?: 'ok' | 'failed';
}

export interface StoredSubscription {
  readonly id: string;
  spec: SubscriptionSpec;
  readonly createdAt: string;
  modifiedAt: string;
  readonly delivery: DeliveryState;
  /** Wall-clock time of the last notification, for throttling. */
  lastSentMs: number | null;
}

export type SubscriptionStatus = 'active' | 'paused' | 'expired';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; type: string; detail: string };

const bad = (detail: string): StoreResult<never> => ({ ok: false, status: 400, type: 'BadRequestData', detail });
const notFound = (id: string): StoreResult<never> => ({ ok: false, status: 404, type: 'ResourceNotFound', detail: `no subscription ${id}` });

function cleanSpec(s: NewSubscription): SubscriptionSpec {
  const spec = { ...s, notification: { ...s.notification } };
  for (const k of ['id', '@context', 'status', 'createdAt', 'modifiedAt'] as const) delete spec[k];
  for (const k of ['status', 'timesSent', 'timesFailed', 'lastNotification', 'lastFailure', 'lastSuccess'] as const) delete spec.notification[k];
  return spec;
}

export function subscriptionStatus(sub: StoredSubscription, nowMs: number): SubscriptionStatus {
  if (sub.spec.expiresAt !== undefined && Date.parse(sub.spec.expiresAt) <= nowMs) return 'expired';
  return sub.spec.isActive === false ? 'paused' : 'active';
}

/** The representation GET returns: the client's members plus the system's status fields. */
export function subscriptionJson(sub: StoredSubscription, nowMs: number): Record<string, unknown> {
  const d = sub.delivery;
  const notification: Record<string, unknown> = { ...sub.spec.notification };
  // timesSent and timesFailed have minimum 1 in v1.8: absent until something happened.
  if (d.timesSent > 0) notification['timesSent'] = d.timesSent;
  if (d.timesFailed > 0) notification['timesFailed'] = d.timesFailed;
  for (const k of ['status', 'lastNotification', 'lastSuccess', 'lastFailure', 'lastErrorReason'] as const) if (d[k] !== undefined) notification[k] = d[k];
  return {
    id: sub.id,
    ...sub.spec,
    isActive: sub.spec.isActive ?? true,
    notification,
    status: subscriptionStatus(sub, nowMs),
    createdAt: sub.createdAt,
    modifiedAt: sub.modifiedAt,
  };
}

/**
 * Subscriptions in creation order. Every time here (expiresAt, createdAt, modifiedAt) is on the wall clock, as
 * a real broker reads them: the simulation's accelerated clock must not make a client's lease run out early.
 */
export class SubscriptionStore {
  private readonly subs = new Map<string, StoredSubscription>();

  /** `now` is the wall clock; tests inject their own to reach expiry without waiting. */
  constructor(readonly now: () => number = Date.now) {}

  get size(): number {
    return this.subs.size;
  }

  all(): StoredSubscription[] {
    return [...this.subs.values()];
  }

  get(id: string): StoredSubscription | undefined {
    return this.subs.get(id);
  }

  create(input: NewSubscription): StoreResult<StoredSubscription> {
    const id = input.id ?? `urn:ngsi-ld:Subscription:${randomUUID()}`;
    if (this.subs.has(id)) return { ok: false, status: 409, type: 'AlreadyExists', detail: `subscription ${id} already exists` };
    const future = this.checkFuture(input.expiresAt);
    if (future !== null) return bad(future);
    const now = new Date(this.now()).toISOString();
    const sub: StoredSubscription = { id, spec: cleanSpec(input), createdAt: now, modifiedAt: now, delivery: { timesSent: 0, timesFailed: 0 }, lastSentMs: null };
    this.subs.set(id, sub);
    return { ok: true, value: sub };
  }

  /** Merges a fragment: top-level members replace, `notification` members replace one by one. Renewing expiresAt revives an expired one. */
  patch(id: string, fragment: SubscriptionFragment): StoreResult<StoredSubscription> {
    const sub = this.subs.get(id);
    if (sub === undefined) return notFound(id);
    if (fragment.id !== undefined && fragment.id !== id) return bad(`id ${fragment.id} in the body does not match ${id}`);
    const future = this.checkFuture(fragment.expiresAt);
    if (future !== null) return bad(future);
    const { notification, ...rest } = fragment;
    const merged = NewSubscription.safeParse({ ...sub.spec, ...rest, type: 'Subscription', notification: { ...sub.spec.notification, ...notification } });
    if (!merged.success) return bad(describeIssues(merged.error));
    sub.spec = cleanSpec(merged.data);
    sub.modifiedAt = new Date(this.now()).toISOString();
    return { ok: true, value: sub };
  }

  delete(id: string): StoreResult<null> {
    return this.subs.delete(id) ? { ok: true, value: null } : notFound(id);
  }

  private checkFuture(expiresAt: string | undefined): string | null {
    const now = this.now();
    if (expiresAt === undefined || Date.parse(expiresAt) > now) return null;
    return `expiresAt ${expiresAt} is not in the future (now ${new Date(now).toISOString()})`;
  }
}
