import { WebSocket } from 'ws';
import { LIVE_CAPS } from '../../../../shared/contract';
import { FeedId } from '../../../../shared/domain';
import { guarded } from '../../processGuards';
import { backoffDelay } from '../backoff';
import type { FeedSink, FeedSource } from '../source';
import type { Area } from './common';
import { parseTime } from './common';
import type { BrokerConfig } from './http';
import { BrokerError, brokerHeaders, fetchAllEntities, MAX_BODY_BYTES } from './http';
import type { FeedItem } from './mapEntity';
import { ENTITY_TYPE_OF_FEED, mapEntity } from './mapEntity';
import { missedSome, Notification } from './notification';

export interface NgsiSourceOptions {
  readonly broker: BrokerConfig;
  readonly feeds: readonly FeedId[];
  readonly area: Area;
  readonly now?: () => number;
  /** How often to ping the stream; a missing pong means the connection is dead. */
  readonly pingMs?: number;
  /** Injected in tests. */
  readonly fetchImpl?: typeof fetch;
}

const FEED_OF_TYPE = new Map<unknown, FeedId>(FeedId.options.map((feed) => [ENTITY_TYPE_OF_FEED[feed], feed]));
/** The most one listing keeps of each feed: what the contract lets a snapshot carry. */
const LISTING_CAP: Record<FeedId, number> = { traffic: LIVE_CAPS.segments, units: LIVE_CAPS.units, incidents: LIVE_CAPS.incidents };

/** Which feed a raw entity claims to belong to, before it is validated. */
function feedOf(raw: unknown, followed: readonly FeedId[]): FeedId[] {
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  const feed = FEED_OF_TYPE.get(type);
  return feed && followed.includes(feed) ? [feed] : [...followed];
}

/** Closes a socket we are done with. It may still emit an error on its way out; with no listener that would crash the core. */
function retire(ws: WebSocket | null): void {
  if (!ws) return;
  ws.removeAllListeners();
  ws.on('error', () => undefined);
  ws.terminate();
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The NGSI-LD adapter: opens the notification stream first, then lists every followed type, so nothing
 * changes unseen between the two. Reconnects with backoff and jitter, and lists again after any gap.
 * Every socket, timer and promise callback is guarded: whatever the platform sends, a failure is
 * counted and the loop goes on.
 */
export function createNgsiSource(options: NgsiSourceOptions): FeedSource {
  const now = options.now ?? Date.now;
  const pingMs = options.pingMs ?? 10_000;
  let sink: FeedSink | null = null;
  let socket: WebSocket | null = null;
  let stopped = false;
  let attempt = 0;
  let lastSeq: number | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let pingTimer: NodeJS.Timeout | null = null;
  /** At most one resync in flight; a gap seen meanwhile asks for one more after it. */
  let resyncing: Promise<void> | null = null;
  let resyncAgain = false;

  function partition(raws: readonly unknown[], receivedAt: number): Map<FeedId, FeedItem[]> {
    const byFeed = new Map<FeedId, FeedItem[]>(options.feeds.map((f) => [f, []]));
    for (const raw of raws) {
      const mapped = mapEntity(raw, { area: options.area, receivedAt });
      if (mapped.ok && options.feeds.includes(mapped.value.feed)) {
        byFeed.get(mapped.value.feed)?.push(mapped.value);
        if (mapped.adjusted !== undefined) sink?.adjusted(mapped.value.feed, `${mapped.value.item.id}: ${mapped.adjusted}`, receivedAt);
      } else if (!mapped.ok) for (const feed of feedOf(raw, options.feeds)) sink?.rejected(feed, mapped.reason, receivedAt);
    }
    return byFeed;
  }

  /**
   * Lists every followed type. A listing the broker spoiled (not JSON, too big, ignored offset) is counted
   * against its feed and the others still load; a complete listing replaces the feed, a partial one only adds.
   * Any failure is rethrown at the end so the link is retried with backoff.
   */
  async function listAll(): Promise<void> {
    const failures: string[] = [];
    for (const feed of options.feeds) {
      try {
        const listing = await fetchAllEntities(options.broker, ENTITY_TYPE_OF_FEED[feed], LISTING_CAP[feed], options.fetchImpl);
        const at = now();
        const items = partition(listing.entities, at).get(feed) ?? [];
        if (listing.stoppedShort === null) sink?.snapshot(feed, items, at);
        else {
          sink?.rejected(feed, listing.stoppedShort, at);
          sink?.changes(feed, items, at, null);
        }
      } catch (error) {
        // Unreachable or refusing (HTTP errors): a link problem, not bad data; no point listing the other types now.
        if (error instanceof BrokerError && (error.status === null || error.status >= 300)) throw error;
        sink?.rejected(feed, message(error), now());
        failures.push(message(error));
      }
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
  }

  function resync(): Promise<void> {
    if (resyncing) {
      resyncAgain = true;
      return resyncing;
    }
    const run = async (): Promise<void> => {
      do {
        resyncAgain = false;
        await listAll();
      } while (resyncAgain && !stopped);
    };
    const current = run().finally(() => {
      resyncing = null;
    });
    resyncing = current;
    return current;
  }

  const onNotification = guarded('platform notification', (text: string): void => {
    const receivedAt = now();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      for (const feed of options.feeds) sink?.rejected(feed, 'notification is not JSON', receivedAt);
      return;
    }
    const parsed = Notification.safeParse(json);
    if (!parsed.success) {
      for (const feed of options.feeds) sink?.rejected(feed, 'message is not an NGSI-LD Notification', receivedAt);
      return;
    }
    const gap = missedSome(lastSeq, parsed.data.seq);
    lastSeq = parsed.data.seq ?? lastSeq;
    const sentAt = parseTime(parsed.data.notifiedAt);
    for (const [feed, items] of partition(parsed.data.data, receivedAt)) if (items.length > 0) sink?.changes(feed, items, receivedAt, sentAt);
    if (gap) resync().catch((error: unknown) => dropAndRetry(`resync failed: ${message(error)}`));
  });

  const dropAndRetry = guarded('platform reconnect', (reason: string): void => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    retire(socket);
    socket = null;
    if (stopped) return;
    sink?.link('closed', reason.slice(0, 300));
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, backoffDelay(attempt++));
  });

  const connect = guarded('platform connect', (): void => {
    retryTimer = null;
    if (stopped) return;
    sink?.link('connecting', attempt === 0 ? 'connecting to the platform' : `reconnecting (attempt ${attempt})`);
    const url = new URL('/ngsi-ld/v1/notifications/ws', options.broker.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set('type', options.feeds.map((f) => ENTITY_TYPE_OF_FEED[f]).join(','));
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, { headers: brokerHeaders(options.broker), maxPayload: MAX_BODY_BYTES, handshakeTimeout: 10_000 });
    } catch (error) {
      dropAndRetry(`cannot open the stream: ${message(error)}`);
      return;
    }
    socket = ws;
    lastSeq = null;
    let alive = true;
    // Events of a socket already replaced are ignored: a late close must not tear down its successor.
    const current = () => socket === ws;
    ws.on(
      'open',
      guarded('stream open', () => {
        if (!current()) return;
        pingTimer = setInterval(
          guarded('stream ping', () => {
            if (!alive) return dropAndRetry('the platform stopped answering pings');
            alive = false;
            ws.ping();
          }),
          pingMs,
        );
        resync().then(
          () => {
            if (!current()) return;
            attempt = 0;
            sink?.link('open', 'live');
          },
          (error: unknown) => {
            if (current()) dropAndRetry(message(error));
          },
        );
      }),
    );
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => {
      if (current()) onNotification(isBinary ? '' : data.toString());
    });
    ws.on('unexpected-response', (_req, res) => {
      if (current()) dropAndRetry(`platform refused the stream (HTTP ${res.statusCode ?? '?'})`);
    });
    ws.on('error', (error) => {
      if (current()) dropAndRetry(`stream error: ${error.message}`);
    });
    ws.on('close', (code) => {
      if (current()) dropAndRetry(`stream closed (${code})`);
    });
  });

  return {
    name: new URL(options.broker.baseUrl).host,
    feeds: options.feeds,
    capabilities: { snapshot: true, live: true, actions: true },
    start(target) {
      sink = target;
      stopped = false;
      connect();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      retire(socket);
      socket = null;
    },
  };
}
