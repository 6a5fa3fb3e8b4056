import { randomUUID } from 'node:crypto';
import { ENTITY_CONTEXT, LINK_HEADER } from '../ngsi/context';
import { changeMatches, renderChange } from '../ngsi/subscriptions/match';
import type { StoredSubscription, SubscriptionStore } from '../ngsi/subscriptions/store';
import { subscriptionStatus } from '../ngsi/subscriptions/store';
import { parseMqttEndpoint } from '../mqtt/endpoint';
import type { MqttPublisher } from '../mqtt/publisher';
import type { Change } from './changes';
import { mergeChanges } from './changes';
import { postNotification } from './httpSender';
import { SerialQueue } from './serialQueue';

export interface EngineOptions {
  readonly maxQueuedPerSubscription?: number;
  readonly warn?: (message: string) => void;
}

const MAX_QUEUED = 50;
const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Turns entity changes into NGSI-LD Notifications for every matching active subscription, one batch per
 * subscription per flush, and delivers them over MQTT or HTTP. Delivery never throws: failures go into the
 * subscription's status (lastFailure, timesFailed, lastErrorReason).
 */
export class SubscriptionNotifier {
  /** Per subscription, the changes not yet notified (entity id → change), kept while throttled or stalled. */
  private readonly pending = new Map<string, Map<string, Change>>();
  private readonly queues = new Map<string, SerialQueue>();
  private readonly maxQueued: number;
  private readonly warn: (message: string) => void;
  private readonly lastFailureWallMs = new Map<string, number>();
  sent = 0;

  constructor(
    private readonly store: SubscriptionStore,
    private readonly mqtt: MqttPublisher,
    options: EngineOptions = {},
  ) {
    this.maxQueued = options.maxQueuedPerSubscription ?? MAX_QUEUED;
    this.warn = options.warn ?? ((m: string) => console.error(m));
  }

  /** Files each change under the active subscriptions it concerns; nothing is sent until flush. */
  offer(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    const now = this.store.now();
    for (const sub of this.store.all()) {
      if (subscriptionStatus(sub, now) !== 'active') continue;
      for (const change of changes) {
        if (!changeMatches(sub.spec, change)) continue;
        const forSub = this.pending.get(sub.id) ?? new Map<string, Change>();
        this.pending.set(sub.id, forSub);
        const earlier = forSub.get(change.entity.id);
        const merged = earlier === undefined ? change : mergeChanges(earlier, change);
        if (merged === null) forSub.delete(change.entity.id);
        else forSub.set(change.entity.id, merged);
      }
    }
  }

  /** Sends one Notification per subscription with pending changes, unless throttled, paused, expired or cooling down. */
  flush(): void {
    const now = this.store.now();
    for (const [id, changes] of this.pending) {
      const sub = this.store.get(id);
      if (sub === undefined || subscriptionStatus(sub, now) !== 'active' || changes.size === 0) {
        this.pending.delete(id);
        continue;
      }
      const throttleMs = (sub.spec.throttling ?? 0) * 1000;
      if (sub.lastSentMs !== null && now - sub.lastSentMs < throttleMs) continue;
      this.pending.delete(id);
      const cooldown = sub.spec.notification.endpoint.cooldown;
      const failedAt = this.lastFailureWallMs.get(id);
      // CIM 009 Endpoint.cooldown: within it after a failure, no notification is sent.
      if (cooldown !== undefined && failedAt !== undefined && now - failedAt < cooldown) continue;
      sub.lastSentMs = now;
      this.deliver(sub, [...changes.values()]);
    }
  }

  /** Does any subscription (whatever its status: it may be renewed) name this entity type? */
  interestedIn(type: string): boolean {
    return this.store.all().some((sub) => sub.spec.entities === undefined || sub.spec.entities.some((sel) => sel.type === type || sel.type === '*'));
  }

  forget(id: string): void {
    this.pending.delete(id);
    this.queues.delete(id);
    this.lastFailureWallMs.delete(id);
  }

  private deliver(sub: StoredSubscription, changes: Change[]): void {
    const wallIso = new Date(this.store.now()).toISOString();
    const spec = sub.spec;
    const ld = spec.notification.endpoint.accept === 'application/ld+json';
    const notification: Record<string, unknown> = {
      id: `urn:ngsi-ld:Notification:${randomUUID()}`,
      type: 'Notification',
      subscriptionId: sub.id,
      notifiedAt: wallIso,
      data: changes.map((c) => renderChange(spec, c, wallIso)),
    };
    if (ld) notification['@context'] = spec.jsonldContext ?? [...ENTITY_CONTEXT];
    const metadata: Record<string, string> = ld ? { 'Content-Type': 'application/ld+json' } : { 'Content-Type': 'application/json', Link: LINK_HEADER };
    for (const { key, value } of spec.notification.endpoint.receiverInfo ?? []) metadata[key] = value;

    const queue = this.queues.get(sub.id) ?? new SerialQueue(this.maxQueued);
    this.queues.set(sub.id, queue);
    const accepted = queue.push(async () => {
      sub.delivery.timesSent++;
      sub.delivery.lastNotification = new Date(this.store.now()).toISOString();
      try {
        await this.send(sub, notification, metadata);
        this.sent++;
        sub.delivery.lastSuccess = new Date(this.store.now()).toISOString();
        sub.delivery.status = 'ok';
      } catch (err) {
        this.recordFailure(sub, describe(err));
      }
    });
    if (!accepted) this.recordFailure(sub, `${this.maxQueued} notifications already waiting for ${spec.notification.endpoint.uri}; this one was dropped`);
  }

  private async send(sub: StoredSubscription, notification: Record<string, unknown>, metadata: Record<string, string>): Promise<void> {
    const endpoint = sub.spec.notification.endpoint;
    if (/^https?:/i.test(endpoint.uri)) return postNotification(endpoint.uri, JSON.stringify(notification), metadata, endpoint.timeout);
    const parsed = parseMqttEndpoint(endpoint.uri, endpoint.notifierInfo);
    if (!parsed.ok) throw new Error(parsed.detail);
    // The MQTT binding carries header-like pairs in the message itself (CIM 009 §7).
    return this.mqtt.publish(parsed.target, JSON.stringify({ metadata, body: notification }));
  }

  private recordFailure(sub: StoredSubscription, reason: string): void {
    const d = sub.delivery;
    // Said once per run of failures: a dead endpoint would otherwise fill stderr every tick.
    if (d.status !== 'failed') this.warn(`emulator: notification for ${sub.id} failed: ${reason}`);
    d.timesFailed++;
    d.lastFailure = new Date(this.store.now()).toISOString();
    d.lastErrorReason = reason;
    d.status = 'failed';
    this.lastFailureWallMs.set(sub.id, this.store.now());
  }
}
