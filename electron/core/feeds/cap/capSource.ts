import type { FeedItem } from '../../../../shared/domain';
import { describeError } from '../../processGuards';
import { PollError } from '../poll/conditionalGet';
import { createPolledSource } from '../poll/polledSource';
import type { DecodeContext, Decoded } from '../poll/polledSource';
import type { FeedSource } from '../source';
import { ActiveSet } from './activeSet';
import { parseCapIndex } from './atomIndex';
import { parseCapMessage } from './mapCap';
import type { CapParse } from './mapCap';
import { DEFAULT_XML_LIMITS } from './safeXml';

export interface CapSourceOptions {
  /** Shown in feed health; default "CAP warnings". */
  readonly name?: string;
  /** The Atom index listing the publisher's current CAP messages. */
  readonly indexUrl: string;
  readonly pollMs: number;
  readonly fetchImpl?: typeof fetch;
  readonly now?: () => number;
  /** Origins besides the index's own that its entries may link to (a publisher serving messages from a CDN). */
  readonly allowedOrigins?: readonly string[];
  /** Largest index or message downloaded, refused while it streams; default 2 MB (about a thousand Atom entries). A message is also held to 1 MB when parsed. */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const PARALLEL_FETCHES = 4;
const ACCEPT = 'application/atom+xml, application/cap+xml, application/xml;q=0.9, */*;q=0.5';

/**
 * CAP public warnings read the way publishers serve them: an Atom index polled with ETag/Last-Modified,
 * each new entry's message fetched once (cached by URL and the entry's `updated`), parsed safely, and the
 * warnings in force sent as a complete listing, so a cancelled or expired warning leaves the map.
 */
export function createCapSource(options: CapSourceOptions): FeedSource {
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const indexLimits = { ...DEFAULT_XML_LIMITS, maxSize: maxBytes };
  const messageLimits = { ...DEFAULT_XML_LIMITS, maxSize: Math.min(maxBytes, DEFAULT_XML_LIMITS.maxSize) };
  const cache = new Map<string, { updated: string; result: CapParse }>();
  const active = new ActiveSet();
  // The index is fetched whole (validators left out) when a message could not be fetched or a warning is due to expire:
  // a 304 would otherwise leave the missing message unfetched and the expired warning shown.
  let refetch = false;
  let nextExpiry: number | null = null;
  const baseFetch = options.fetchImpl ?? fetch;
  const fetchImpl: typeof fetch = (input, init) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (target !== options.indexUrl || !(refetch || (nextExpiry !== null && now() >= nextExpiry))) return baseFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.delete('if-none-match');
    headers.delete('if-modified-since');
    return baseFetch(input, { ...init, headers });
  };

  async function decode(body: Uint8Array, context: DecodeContext): Promise<Decoded> {
    const index = parseCapIndex(body, options.indexUrl, options.allowedOrigins, indexLimits);
    if (!index.ok) throw new Error(index.reason);
    const rejected = [...index.rejected];
    const adjusted = [...index.adjusted];
    const listed = new Set(index.entries.map((e) => e.url));
    for (const url of cache.keys()) if (!listed.has(url)) cache.delete(url);
    let failedForNow = false;
    const fresh = index.entries.filter((e) => cache.get(e.url)?.updated !== e.updated);
    await inParallel(fresh, PARALLEL_FETCHES, async (entry) => {
      let result: CapParse;
      try {
        result = parseCapMessage(await context.get(entry.url), context.receivedAt, messageLimits);
      } catch (error) {
        rejected.push(`CAP ${shortUrl(entry.url)}: ${describeError(error)}`.slice(0, 300));
        // Unreachable or a server error: tried again next poll. Anything else (too big, refused) is this entry's answer.
        if (error instanceof PollError && (error.status === null || error.status >= 500)) {
          failedForNow = true;
          return;
        }
        result = { ok: false, reason: describeError(error) };
        cache.set(entry.url, { updated: entry.updated, result });
        return;
      }
      cache.set(entry.url, { updated: entry.updated, result });
      if (result.ok) adjusted.push(...result.adjusted);
      else rejected.push(`CAP ${shortUrl(entry.url)}: ${result.reason}`.slice(0, 300));
    });
    const messages = index.entries.flatMap((e) => {
      const result = cache.get(e.url)?.result;
      return result?.ok === true ? [result.message] : [];
    });
    const resolved = active.resolve(messages, context.receivedAt);
    refetch = failedForNow;
    nextExpiry = resolved.nextExpiry;
    const items: FeedItem[] = resolved.warnings.map((item) => ({ feed: 'warnings', item }));
    return { items, complete: true, rejected, adjusted, sentAt: null };
  }

  return createPolledSource({
    name: options.name ?? 'CAP warnings',
    feed: 'warnings',
    url: options.indexUrl,
    pollMs: options.pollMs,
    decode,
    maxBytes,
    accept: ACCEPT,
    fetchImpl,
    now,
  });
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`.slice(0, 160);
  } catch {
    return url.slice(0, 160);
  }
}
