import { LIVE_CAPS, coded } from '../../../../shared/contract';
import type { CodedReason } from '../../../../shared/contract';
import { KIND_OF_FEED } from '../../../../shared/domain';
import type { FeedId } from '../../../../shared/domain';
import { log } from '../../log/logger';
import { guarded } from '../../processGuards';
import { backoffDelay } from '../backoff';
import type { FeedSink, FeedSource, LinkState, SourceLink } from '../source';
import type { Area } from './common';
import { parseTime } from './common';
import type { BrokerConfig } from './http';
import { BrokerError, brokerRequest, fetchAllEntities } from './http';
import type { FeedItem } from './mapEntity';
import { ENTITY_TYPES_OF_FEED, feedOfType, mapEntity } from './mapEntity';
import type { Notification } from './notification';
import { deletionOf } from './notification';
import type { NotifyTransport, TransportSettings } from './notifyTransport';
import { startTransport } from './notifyTransport';
import { overallLink, withState } from './sourceLinks';
import { SubscriptionManager } from './subscriptions';

export interface NgsiSourceOptions {
  readonly broker: BrokerConfig;
  readonly feeds: readonly FeedId[];
  readonly area: Area;
  /** create: the console's own subscriptions (one per entity type); listen: topics the deployment already publishes to. */
  readonly mode: 'create' | 'listen';
  readonly transport: TransportSettings;
  /** Stable per workstation: names this console's subscriptions and topics. */
  readonly clientId: string;
  readonly subscriptionTtlMs: number;
  readonly now?: () => number;
  /** How often the broker is checked (and subscriptions read back or renewed). */
  readonly probeMs?: number;
  /** Injected in tests. */
  readonly fetchImpl?: typeof fetch;
}

/** The most one listing keeps of each feed: what the contract lets a snapshot carry. */
const listingCap = (feed: FeedId): number => LIVE_CAPS[KIND_OF_FEED[feed]];
/** Notifications held while a listing runs; past this the oldest go and the listing is simply repeated. */
const MAX_BUFFERED = 5_000;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The topic this console's subscription for one entity type publishes to. */
export const topicFor = (clientId: string, entityType: string): string => `phuket/console/${clientId}/${entityType}`;

/**
 * The NGSI-LD adapter. Notifications come through standard subscriptions (over MQTT or HTTP); the picture is
 * read by listing. Order: hear first (the MQTT session or the HTTP endpoint is up, notifications are buffered),
 * then list, then apply what was buffered, latest wins. It lists again whenever a link comes back or a
 * subscription lapsed. Every callback is guarded: whatever the platform or the MQTT broker does, the loop goes on.
 */
export function createNgsiSource(options: NgsiSourceOptions): FeedSource {
  const now = options.now ?? Date.now;
  const types = options.feeds.flatMap((feed) => ENTITY_TYPES_OF_FEED[feed] ?? []);
  const entityTypes = Object.fromEntries(options.feeds.map((feed) => [feed, ENTITY_TYPES_OF_FEED[feed] ?? []]));
  const ttl = options.subscriptionTtlMs;
  const probeMs = options.probeMs ?? Math.max(500, Math.min(5_000, Math.floor(ttl / 6)));
  const brokerHost = new URL(options.broker.baseUrl).host;
  let sink: FeedSink | null = null;
  let transport: NotifyTransport | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let runAgain = false;
  let needList = true;
  let listing = false;
  let buffered: { notification: Notification; receivedAt: number }[] = [];
  let links: SourceLink[] = [{ id: 'broker', target: brokerHost, state: 'connecting', detail: `connecting to ${brokerHost}`, reason: coded('connecting-to', { host: brokerHost }), since: now() }];
  let reported: { state: LinkState; detail: string } = { state: 'connecting', detail: '' };
  let manager: SubscriptionManager | null = null;

  const publish = (): void => {
    sink?.links(links);
    const overall = overallLink(links, !needList);
    if (overall.state === reported.state && overall.detail === reported.detail) return;
    reported = overall;
    sink?.link(overall.state, overall.detail, overall.reason);
  };
  const setLink = (id: SourceLink['id'], state: LinkState, detail: string, reason?: CodedReason): void => {
    links = links.map((l) => (l.id === id ? withState(l, state, detail, now(), reason) : l));
    publish();
  };

  const rejectAll = (reason: string, at: number): void => {
    for (const feed of options.feeds) sink?.rejected(feed, reason, at);
  };

  function partition(raws: readonly unknown[], receivedAt: number): Map<FeedId, FeedItem[]> {
    const byFeed = new Map<FeedId, FeedItem[]>(options.feeds.map((f) => [f, []]));
    for (const raw of raws) {
      const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
      const claimed = feedOfType(type);
      // A shared topic (listen mode) may carry types this console does not follow: not an error.
      if (typeof type === 'string' && (claimed === undefined || !options.feeds.includes(claimed)) && type.length <= 100) continue;
      const mapped = mapEntity(raw, { area: options.area, receivedAt });
      if (mapped.ok) {
        byFeed.get(mapped.value.feed)?.push(mapped.value);
        if (mapped.adjusted !== undefined) sink?.adjusted(mapped.value.feed, `${mapped.value.item.id}: ${mapped.adjusted}`, receivedAt);
      } else if (claimed) sink?.rejected(claimed, mapped.reason, receivedAt);
      else rejectAll(mapped.reason, receivedAt);
    }
    return byFeed;
  }

  function apply(notification: Notification, receivedAt: number): void {
    const sentAt = parseTime(notification.notifiedAt);
    const removed = new Map<FeedId, string[]>();
    const living: unknown[] = [];
    for (const raw of notification.data) {
      const deleted = deletionOf(raw);
      const feed = deleted ? feedOfType(deleted.type) : undefined;
      if (deleted && feed && options.feeds.includes(feed)) removed.set(feed, [...(removed.get(feed) ?? []), deleted.id]);
      else if (!deleted) living.push(raw);
    }
    for (const [feed, items] of partition(living, receivedAt)) if (items.length > 0) sink?.changes(feed, items, receivedAt, sentAt);
    for (const [feed, ids] of removed) sink?.removed(feed, ids, receivedAt);
  }

  const onNotification = guarded('platform notification', (notification: Notification): void => {
    const receivedAt = now();
    if (!listing) return apply(notification, receivedAt);
    buffered.push({ notification, receivedAt });
    if (buffered.length > MAX_BUFFERED) {
      buffered.shift();
      needList = true;
    }
  });

  /** Lists every followed type (a complete listing replaces its feed, a partial one only adds), then applies what was heard meanwhile. */
  async function listAll(): Promise<void> {
    listing = true;
    const failures: string[] = [];
    try {
      for (const feed of options.feeds) {
        const items: FeedItem[] = [];
        const short: string[] = [];
        for (const type of ENTITY_TYPES_OF_FEED[feed] ?? []) {
          try {
            const listed = await fetchAllEntities(options.broker, type, listingCap(feed), options.fetchImpl);
            items.push(...(partition(listed.entities, now()).get(feed) ?? []));
            if (listed.stoppedShort !== null) short.push(listed.stoppedShort);
          } catch (error) {
            // Unreachable or refusing: a link problem, no point listing the rest now. A spoiled listing is bad data: counted, the others still load.
            if (!(error instanceof BrokerError) || error.status === null || error.status >= 300) throw error;
            short.push(error.message);
            failures.push(error.message);
          }
        }
        const at = now();
        if (short.length === 0) sink?.snapshot(feed, items, at);
        else {
          for (const reason of short) sink?.rejected(feed, reason, at);
          sink?.changes(feed, items, at, null);
        }
      }
    } finally {
      listing = false;
      const held = buffered;
      buffered = [];
      for (const { notification, receivedAt } of held) apply(notification, receivedAt);
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
  }

  /** Checks the broker: subscriptions made, renewed or read back (create), or a one-entity listing (listen). */
  async function probe(): Promise<void> {
    if (manager) {
      const { lapsed } = await manager.maintain();
      if (lapsed.length > 0) {
        log().warn('subscriptions lapsed and were made again; listing again', { lapsed: lapsed.length });
        needList = true;
      }
      return;
    }
    const reply = await brokerRequest(options.broker, 'GET', `/ngsi-ld/v1/entities?type=${encodeURIComponent(types[0] ?? 'Alert')}&limit=1`, undefined, options.fetchImpl);
    if (reply.status >= 300) throw new BrokerError(`platform answered ${reply.status}`, reply.status);
  }

  const schedule = (ms: number): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };

  /** One round of the broker loop; never two at once (a request while one runs asks for another after it). */
  const tick = guarded('platform check', (): void => {
    timer = null;
    if (stopped) return;
    if (running) {
      runAgain = true;
      return;
    }
    running = true;
    void round()
      .then(
        () => {
          attempt = 0;
          schedule(runAgain ? 0 : probeMs);
        },
        (error: unknown) => {
          const stall = error instanceof BrokerError && error.timedOut;
          // A broker that does not answer may be stalled, not gone: its silence says so; one that refuses is down.
          if (!stall) {
            needList = true;
            setLink('broker', 'closed', message(error), coded('broker-unreachable', { error: message(error) }));
          }
          schedule(backoffDelay(attempt++));
        },
      )
      .finally(() => {
        running = false;
        runAgain = false;
      });
  });

  async function round(): Promise<void> {
    await probe();
    if (links.find((l) => l.id === 'broker')?.state !== 'open') setLink('broker', 'open', `${brokerHost} answers`, coded('broker-answers', { host: brokerHost }));
    const hearing = links.find((l) => l.id !== 'broker')?.state === 'open';
    // Only once notifications are heard: what changes during the listing is then buffered, not missed.
    if (!needList || !hearing) return;
    needList = false;
    try {
      await listAll();
    } catch (error) {
      needList = true;
      throw error;
    }
    publish();
  }

  const onTransportState = (state: LinkState, detail: string, reason?: CodedReason): void => {
    if (stopped) return;
    // Whatever was missed while not hearing is read again by listing once the link is back.
    if (state !== 'open') needList = true;
    setLink(options.transport.kind, state, detail, reason);
    if (state === 'open') schedule(0);
  };

  async function begin(): Promise<void> {
    const id = options.transport.kind;
    links = [...links, { id, target: '', state: 'connecting', detail: `starting ${id} notifications`, reason: coded('starting-notifications', { kind: id }), since: now() }];
    publish();
    // In create mode the console hears exactly the topics its own subscriptions publish to.
    const settings: TransportSettings = options.transport.kind === 'mqtt' && options.mode === 'create' ? { ...options.transport, topics: types.map((type) => topicFor(options.clientId, type)) } : options.transport;
    const started = await startTransport(settings, {
      onNotification,
      onRefused: guarded('refused notification', (reason: string) => rejectAll(reason, now())),
      onState: guarded('notification link', onTransportState),
    });
    transport = started;
    links = links.map((l) => (l.id === id ? { ...l, target: started.target } : l));
    if (stopped) return void (await started.stop());
    if (options.mode === 'create') {
      manager = new SubscriptionManager({
        broker: options.broker,
        ttlMs: ttl,
        now,
        ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        plans: types.map((type) => ({ id: `urn:ngsi-ld:Subscription:phuket-console:${options.clientId}:${type}`, entityType: type, endpoint: started.endpoint(topicFor(options.clientId, type)) })),
        onSysAttrsRefused: (detail) => log().warn('the platform refuses sysAttrs in subscriptions; ordering by the entities’ own times', { detail }),
      });
    }
    schedule(0);
  }

  return {
    name: brokerHost,
    feeds: options.feeds,
    entityTypes,
    capabilities: { snapshot: true, live: true, actions: true },
    start(target) {
      sink = target;
      stopped = false;
      begin().catch(
        guarded('notification start', (error: unknown) => {
          setLink(options.transport.kind, 'closed', `cannot start ${options.transport.kind} notifications: ${message(error)}`, coded('notifications-failed', { kind: options.transport.kind, error: message(error) }));
        }),
      );
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Our subscriptions are deleted before the ear closes: a clean stop leaves nothing on the platform.
      await manager?.deleteAll();
      await transport?.stop().catch(() => undefined);
    },
  };
}
