import { WebSocket } from 'ws';
import { FeedId } from '../../../../shared/domain';
import { backoffDelay } from '../backoff';
import type { FeedSink, FeedSource } from '../source';
import type { Area } from './common';
import type { BrokerConfig } from './http';
import { brokerHeaders, fetchAllEntities, MAX_BODY_BYTES } from './http';
import type { FeedItem } from './mapEntity';
import { ENTITY_TYPE_OF_FEED, mapEntity } from './mapEntity';
import { missedSome, Notification } from './notification';
import { parseTime } from './common';

export interface NgsiSourceOptions {
  readonly broker: BrokerConfig;
  readonly feeds: readonly FeedId[];
  readonly area: Area;
  readonly now?: () => number;
  /** How often to ping the stream; a missing pong means the connection is dead. */
  readonly pingMs?: number;
}

const FEED_OF_TYPE = new Map<unknown, FeedId>(FeedId.options.map((feed) => [ENTITY_TYPE_OF_FEED[feed], feed]));

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

/**
 * The NGSI-LD adapter: opens the notification stream first, then lists every followed type, so nothing
 * changes unseen between the two. Reconnects with backoff and jitter, and lists again after any gap.
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

  const mapOptions = () => ({ area: options.area, receivedAt: now() });

  function partition(raws: readonly unknown[], receivedAt: number): Map<FeedId, FeedItem[]> {
    const byFeed = new Map<FeedId, FeedItem[]>(options.feeds.map((f) => [f, []]));
    for (const raw of raws) {
      const mapped = mapEntity(raw, { ...mapOptions(), receivedAt });
      if (mapped.ok && options.feeds.includes(mapped.value.feed)) byFeed.get(mapped.value.feed)?.push(mapped.value);
      else if (!mapped.ok) for (const feed of feedOf(raw, options.feeds)) sink?.rejected(feed, mapped.reason, receivedAt);
    }
    return byFeed;
  }

  async function resync(): Promise<void> {
    for (const feed of options.feeds) {
      const raws = await fetchAllEntities(options.broker, ENTITY_TYPE_OF_FEED[feed]);
      const at = now();
      sink?.snapshot(feed, partition(raws, at).get(feed) ?? [], at);
    }
  }

  function onNotification(text: string): void {
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
    if (gap) void resync().catch((error: unknown) => dropAndRetry(`resync failed: ${String(error)}`));
  }

  function dropAndRetry(reason: string): void {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    retire(socket);
    socket = null;
    if (stopped) return;
    sink?.link('closed', reason);
    const delay = backoffDelay(attempt++);
    retryTimer = setTimeout(connect, delay);
  }

  function connect(): void {
    if (stopped) return;
    sink?.link('connecting', attempt === 0 ? 'connecting to the platform' : `reconnecting (attempt ${attempt})`);
    const url = new URL('/ngsi-ld/v1/notifications/ws', options.broker.baseUrl.replace(/^http/, 'ws'));
    url.searchParams.set('type', options.feeds.map((f) => ENTITY_TYPE_OF_FEED[f]).join(','));
    const ws = new WebSocket(url, { headers: brokerHeaders(options.broker), maxPayload: MAX_BODY_BYTES, handshakeTimeout: 10_000 });
    socket = ws;
    lastSeq = null;
    let alive = true;
    ws.on('open', () => {
      pingTimer = setInterval(() => {
        if (!alive) return dropAndRetry('the platform stopped answering pings');
        alive = false;
        ws.ping();
      }, pingMs);
      void resync().then(
        () => {
          attempt = 0;
          sink?.link('open', 'live');
        },
        (error: unknown) => dropAndRetry(error instanceof Error ? error.message : String(error)),
      );
    });
    ws.on('pong', () => (alive = true));
    ws.on('message', (data, isBinary) => onNotification(isBinary ? '' : data.toString()));
    ws.on('unexpected-response', (_req, res) => dropAndRetry(`platform refused the stream (HTTP ${res.statusCode ?? '?'})`));
    ws.on('error', (error) => dropAndRetry(`stream error: ${error.message}`));
    ws.on('close', (code) => dropAndRetry(`stream closed (${code})`));
  }

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
