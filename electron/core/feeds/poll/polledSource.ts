import { coded } from '../../../../shared/contract';
import type { FeedId, FeedItem } from '../../../../shared/domain';
import { log } from '../../log/logger';
import { describeError, guarded } from '../../processGuards';
import { backoffDelay } from '../backoff';
import type { FeedSink, FeedSource, LinkState, SourceLink } from '../source';
import type { Validators } from './conditionalGet';
import { conditionalGet, PollError } from './conditionalGet';

/** What one body said, already mapped and validated by the feed's own decoder. */
export interface Decoded {
  readonly items: FeedItem[];
  /** The body listed everything the publisher has: what is not in it is gone. */
  readonly complete: boolean;
  /** Ids the publisher says are gone (a GTFS-realtime deletion, a differential feed). */
  readonly removed?: readonly string[];
  readonly rejected: readonly string[];
  readonly adjusted: readonly string[];
  /** The publisher's own time for the body (a GTFS-realtime header timestamp), for lag; null if it gives none. */
  readonly sentAt: number | null;
}

export interface DecodeContext {
  readonly receivedAt: number;
  /** A follow-up GET (a CAP message an index links to), bounded like the poll itself; throws a PollError. */
  get(url: string): Promise<Uint8Array>;
}

export interface PolledSourceOptions {
  /** Shown in feed health and the banner, e.g. "CAP warnings". */
  readonly name: string;
  readonly feed: FeedId;
  readonly url: string;
  readonly pollMs: number;
  decode(body: Uint8Array, context: DecodeContext): Promise<Decoded>;
  /** Default 5 MB: a body over it is refused while it streams. */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly accept?: string;
  readonly fetchImpl?: typeof fetch;
  readonly now?: () => number;
  readonly random?: () => number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A feed read by polling one URL over HTTP (CAP index, GTFS-realtime, citizen reports): a conditional GET
 * on a timer, so an unchanged feed costs a 304, and the body handed to the feed's decoder. One poll at a
 * time; a failure is retried with backoff (never slower than the poll), said in the source's link, and
 * never stops the console. A body the decoder refuses is counted as rejected and polled again.
 */
export function createPolledSource(options: PolledSourceOptions): FeedSource {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const getOptions = {
    maxBytes,
    timeoutMs: options.timeoutMs ?? Math.max(2_000, Math.min(30_000, options.pollMs)),
    ...(options.accept === undefined ? {} : { accept: options.accept }),
    ...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl }),
  };
  const target = hostOf(options.url);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;
  let failures = 0;
  let validators: Validators = { etag: null, lastModified: null };
  let link: SourceLink = { id: 'poll', feed: options.feed, target, state: 'connecting', detail: `connecting to ${target}`, reason: coded('connecting-to', { host: target }), since: now() };

  return {
    name: options.name,
    feeds: [options.feed],
    capabilities: { snapshot: true, live: false, actions: false },
    start(sink) {
      stopped = false;
      failures = 0;
      link = { ...link, state: 'connecting', detail: `connecting to ${target}`, reason: coded('connecting-to', { host: target }), since: now() };
      sink.links([link]);
      sink.link(link.state, link.detail, link.reason);
      schedule(sink, 0);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };

  function setLink(sink: FeedSink, state: LinkState, detail: string, reason: SourceLink['reason']): void {
    if (link.state === state && link.detail === detail) return;
    link = reason === undefined ? { id: 'poll', feed: options.feed, target, state, detail, since: now() } : { id: 'poll', feed: options.feed, target, state, detail, reason, since: now() };
    sink.links([link]);
    sink.link(state, detail, reason);
  }

  function schedule(sink: FeedSink, delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(
      guarded(`poll ${options.name}`, () => {
        timer = null;
        running = pollOnce(sink).finally(() => {
          running = null;
          const delay = failures === 0 ? options.pollMs : Math.min(options.pollMs, backoffDelay(failures - 1, undefined, options.random));
          schedule(sink, delay);
        });
      }),
      delayMs,
    );
  }

  async function pollOnce(sink: FeedSink): Promise<void> {
    try {
      const result = await conditionalGet(options.url, validators, getOptions);
      if (stopped) return;
      failures = 0;
      setLink(sink, 'open', `${target} answers`, coded('broker-answers', { host: target }));
      if (result.kind === 'unchanged') return;
      const receivedAt = now();
      let decoded: Decoded;
      try {
        decoded = await options.decode(result.body, { receivedAt, get: (url) => followUp(url) });
      } catch (error) {
        // The server answered but the body is unusable: counted, and fetched again next time (validators kept).
        sink.rejected(options.feed, `${options.name}: body refused: ${describeError(error)}`.slice(0, 300), receivedAt);
        return;
      }
      if (stopped) return;
      validators = result.validators;
      deliver(sink, decoded, receivedAt);
    } catch (error) {
      if (stopped) return;
      failures += 1;
      const detail = error instanceof PollError ? error.message : describeError(error);
      if (failures === 1) log().warn('polled feed failed', { source: options.name, detail });
      setLink(sink, 'closed', detail, coded('source-failed', { host: target, error: detail }));
    }
  }

  async function followUp(url: string): Promise<Uint8Array> {
    const result = await conditionalGet(url, undefined, getOptions);
    if (result.kind === 'unchanged') throw new PollError(`${hostOf(url)} answered 304 to an unconditional request`, 304);
    return result.body;
  }

  function deliver(sink: FeedSink, decoded: Decoded, receivedAt: number): void {
    for (const reason of decoded.rejected.slice(0, 50)) sink.rejected(options.feed, reason, receivedAt);
    for (const reason of decoded.adjusted.slice(0, 50)) sink.adjusted(options.feed, reason, receivedAt);
    if (decoded.complete) sink.snapshot(options.feed, decoded.items, receivedAt);
    else sink.changes(options.feed, decoded.items, receivedAt, decoded.sentAt);
    if (decoded.removed !== undefined && decoded.removed.length > 0) sink.removed(options.feed, [...decoded.removed], receivedAt);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 80);
  }
}
