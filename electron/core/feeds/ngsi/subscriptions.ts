import { z } from 'zod';
import type { BrokerConfig } from './http';
import { BrokerError, brokerRequest } from './http';

const BASE = '/ngsi-ld/v1/subscriptions';

/** Where the broker sends one type's notifications (the NGSI-LD Endpoint, CIM 009 §5.2.15). */
export interface NotifyEndpoint {
  /** mqtt[s]://host[:port]/topic (the MQTT binding, §7) or http[s]://… */
  readonly uri: string;
  readonly notifierInfo?: readonly { key: string; value: string }[];
}

export interface SubscriptionPlan {
  /** Chosen by the console, stable per workstation: a restart finds (and takes over) its own subscription. */
  readonly id: string;
  readonly entityType: string;
  readonly endpoint: NotifyEndpoint;
}

/**
 * The Subscription the console asks for: every creation, update and deletion of one entity type, normalized
 * with system attributes (modifiedAt orders what arrives), expiring unless renewed, so a console that vanished
 * leaves nothing behind for long.
 */
export function subscriptionBody(plan: SubscriptionPlan, expiresAt: number, sysAttrs: boolean): Record<string, unknown> {
  return {
    id: plan.id,
    type: 'Subscription',
    subscriptionName: `Phuket console: ${plan.entityType}`,
    description: 'Live feed of the Phuket command console; renewed while the console runs, deleted when it stops.',
    entities: [{ type: plan.entityType }],
    notificationTrigger: ['entityCreated', 'entityUpdated', 'entityDeleted'],
    expiresAt: new Date(expiresAt).toISOString(),
    notification: {
      format: 'normalized',
      ...(sysAttrs ? { sysAttrs: true } : {}),
      endpoint: {
        uri: plan.endpoint.uri,
        accept: 'application/json',
        ...(plan.endpoint.notifierInfo ? { notifierInfo: plan.endpoint.notifierInfo.map((p) => ({ ...p })) } : {}),
      },
    },
  };
}

/** What a maintenance round found: whether a subscription had lapsed, so notifications may have been missed. */
export interface Maintained {
  readonly lapsed: string[];
}

export interface SubscriptionManagerOptions {
  readonly broker: BrokerConfig;
  readonly plans: readonly SubscriptionPlan[];
  readonly ttlMs: number;
  readonly now?: () => number;
  readonly fetchImpl?: typeof fetch;
  /** Told when the broker refuses sysAttrs, once: ordering then falls back to the entities' own times. */
  readonly onSysAttrsRefused?: (detail: string) => void;
}

const Readback = z.object({ status: z.string().max(40).optional(), isActive: z.boolean().optional() });

/** Whether a subscription read back has stopped notifying (CIM 009 §5.2.12 `status`, `isActive`). */
function lapsedState(text: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const parsed = Readback.safeParse(json);
  return parsed.success && (parsed.data.status === 'expired' || parsed.data.isActive === false);
}

const path = (id: string): string => `${BASE}/${encodeURIComponent(id)}`;
const brief = (text: string): string => text.replace(/\s+/g, ' ').slice(0, 200);

/** The broker does not speak sysAttrs in subscriptions (a 400 that names it). */
const refusesSysAttrs = (status: number, text: string): boolean => status === 400 && /sysAttrs/.test(text);

/**
 * Creates, renews (PATCH expiresAt at two thirds of the lifetime), checks and deletes the console's own
 * subscriptions. A subscription the broker lost (404) or let expire is made again and reported as lapsed, so
 * the caller lists again. Link failures are thrown as BrokerError for the caller's backoff.
 */
export class SubscriptionManager {
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;
  /** When each subscription is due for renewal (our clock); absent until it exists. */
  private readonly renewAt = new Map<string, number>();
  private sysAttrs = true;

  constructor(private readonly options: SubscriptionManagerOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  /** Whether subscriptions ask for sysAttrs (false once the broker refused them). */
  get withSysAttrs(): boolean {
    return this.sysAttrs;
  }

  /** Makes sure every subscription exists and is ours, now: created, or taken over (409) and renewed. */
  async ensureAll(): Promise<void> {
    for (const plan of this.options.plans) await this.create(plan);
  }

  /**
   * One round: each subscription is renewed when due, otherwise read back (which also proves the broker
   * answers). Lost or expired ones are made again and named in `lapsed`.
   */
  async maintain(): Promise<Maintained> {
    const lapsed: string[] = [];
    for (const plan of this.options.plans) {
      const due = this.renewAt.get(plan.id);
      // Not made yet (the first round): made now; the first listing follows anyway.
      if (due === undefined) await this.create(plan);
      else if (this.now() >= due) {
        if (!(await this.renew(plan))) lapsed.push(plan.id);
      } else if (!(await this.check(plan))) lapsed.push(plan.id);
    }
    return { lapsed };
  }

  /** Deletes every subscription this console made; what fails is left to expire on its own. */
  async deleteAll(): Promise<void> {
    const ids = [...this.renewAt.keys()];
    this.renewAt.clear();
    await Promise.all(ids.map((id) => brokerRequest(this.options.broker, 'DELETE', path(id), undefined, this.fetchImpl, 3000).catch(() => undefined)));
  }

  private expiry(): number {
    return this.now() + this.options.ttlMs;
  }

  private scheduled(plan: SubscriptionPlan): void {
    this.renewAt.set(plan.id, this.now() + Math.floor((this.options.ttlMs * 2) / 3));
  }

  private async create(plan: SubscriptionPlan): Promise<void> {
    const body = subscriptionBody(plan, this.expiry(), this.sysAttrs);
    const reply = await brokerRequest(this.options.broker, 'POST', BASE, body, this.fetchImpl);
    if (refusesSysAttrs(reply.status, reply.text) && this.sysAttrs) {
      this.sysAttrs = false;
      this.options.onSysAttrsRefused?.(brief(reply.text));
      return this.create(plan);
    }
    if (reply.status === 409) return this.takeOver(plan);
    if (reply.status !== 201) throw new BrokerError(`platform refused the ${plan.entityType} subscription (HTTP ${reply.status}): ${brief(reply.text)}`, reply.status);
    this.scheduled(plan);
  }

  /** Our id already exists (a console that crashed before deleting it): it is replaced by what we ask for now. */
  private async takeOver(plan: SubscriptionPlan): Promise<void> {
    // A fragment carries neither id nor type: the URL names the subscription.
    const fragment = Object.fromEntries(Object.entries(subscriptionBody(plan, this.expiry(), this.sysAttrs)).filter(([key]) => key !== 'id' && key !== 'type'));
    const reply = await brokerRequest(this.options.broker, 'PATCH', path(plan.id), fragment, this.fetchImpl);
    if (reply.status === 404) return this.create(plan);
    if (reply.status !== 204 && reply.status !== 200) throw new BrokerError(`platform refused to update the ${plan.entityType} subscription (HTTP ${reply.status}): ${brief(reply.text)}`, reply.status);
    this.scheduled(plan);
  }

  /** PATCH expiresAt; true when it was still there. */
  private async renew(plan: SubscriptionPlan): Promise<boolean> {
    const reply = await brokerRequest(this.options.broker, 'PATCH', path(plan.id), { expiresAt: new Date(this.expiry()).toISOString(), isActive: true }, this.fetchImpl);
    if (reply.status === 404) {
      this.renewAt.delete(plan.id);
      await this.create(plan);
      return false;
    }
    if (reply.status !== 204 && reply.status !== 200) throw new BrokerError(`platform refused to renew the ${plan.entityType} subscription (HTTP ${reply.status}): ${brief(reply.text)}`, reply.status);
    this.scheduled(plan);
    return true;
  }

  /** Reads the subscription back; true when it is there and active. */
  private async check(plan: SubscriptionPlan): Promise<boolean> {
    const reply = await brokerRequest(this.options.broker, 'GET', path(plan.id), undefined, this.fetchImpl);
    if (reply.status === 404) {
      this.renewAt.delete(plan.id);
      await this.create(plan);
      return false;
    }
    if (reply.status !== 200) throw new BrokerError(`platform answered ${reply.status} for the ${plan.entityType} subscription`, reply.status);
    if (!lapsedState(reply.text)) return true;
    // Expired early (a broker whose clock runs ahead of ours) or paused by someone: renewed and reactivated at once.
    await this.renew(plan);
    return false;
  }
}
