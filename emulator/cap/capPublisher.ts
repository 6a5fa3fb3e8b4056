import type { IncomingMessage } from 'node:http';
import type { FeedPublisher, FeedPublisherContext } from '../feeds/publisher';
import type { Reply } from '../http/reply';
import { problem } from '../http/reply';
import type { Issued } from './capDocuments';
import { atomIndexXml, capMessageXml, capTime } from './capDocuments';
import type { ScenarioMessage } from './scenarios';
import { phuketScenario } from './scenarios';

const MINUTE = 60_000;
const INDEX_PATH = '/cap/index.atom';
const MESSAGE_PATH = /^\/cap\/messages\/([A-Za-z0-9._-]{1,128})\.xml$/;

/**
 * CAP 1.2 public warnings served the way real publishers serve them: an Atom index of the messages in
 * force (ETag and Last-Modified, 304 when unchanged) linking to each message. The timeline starts at the
 * simulated minute the emulator started and everything follows from the simulated clock: what is listed
 * at a time is a pure function of that time, so runs are reproducible and a restart lists the same.
 */
export function createCapPublisher(context: FeedPublisherContext, scenario: readonly ScenarioMessage[] = phuketScenario()): FeedPublisher {
  const startMs = Math.floor(context.now() / MINUTE) * MINUTE;
  const stamp = capTime(startMs).slice(0, 16).replace(/[-:]/g, '');
  const issued: Issued[] = scenario.map((message) => ({
    message,
    identifier: `PKT-${stamp}-${message.name}`,
    sentMs: startMs + message.atMin * MINUTE,
    expiresMs: startMs + message.expiresMin * MINUTE,
  }));
  const byName = new Map(issued.map((i) => [i.message.name, i]));
  const byIdentifier = new Map(issued.map((i) => [i.identifier, i]));
  const referenced = (i: Issued): Issued | null => (i.message.references === undefined ? null : (byName.get(i.message.references) ?? null));

  /** Sent and not expired: an Update's original stays listed beside it (readers resolve `references`); a Cancel carries the expiry of what it cancels. */
  const listedAt = (now: number): Issued[] => issued.filter((i) => i.sentMs <= now && now < i.expiresMs);
  /** The last time the listing changed: every change is a message being sent or expiring. */
  const changedAt = (now: number): number => Math.max(startMs, ...issued.flatMap((i) => [i.sentMs, i.expiresMs]).filter((t) => t <= now));

  /** A message as published: its times on the platform's clock. */
  const published = (i: Issued): Issued => ({ ...i, sentMs: context.stamp(i.sentMs), expiresMs: context.stamp(i.expiresMs) });

  function index(req: IncomingMessage, now: number): Reply {
    const changed = context.stamp(changedAt(now));
    const etag = `"cap-${startMs}-${changed}"`;
    const lastModified = new Date(changed).toUTCString();
    const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
    if (notModified(req, etag, changed)) return { status: 304, headers };
    return { status: 200, headers: { ...headers, 'Content-Type': 'application/atom+xml; charset=utf-8' }, raw: atomIndexXml(listedAt(now).map(published), changed) };
  }

  function message(req: IncomingMessage, identifier: string, now: number): Reply {
    const held = byIdentifier.get(identifier);
    if (held === undefined || held.sentMs > now) return problem(404, 'ResourceNotFound', 'No such CAP message', `no CAP message ${identifier}`);
    const found = published(held);
    const original = referenced(held);
    // A CAP message never changes once sent (a change is a new message that references it).
    const etag = `"${found.identifier}"`;
    const headers = { ETag: etag, 'Last-Modified': new Date(found.sentMs).toUTCString(), 'Cache-Control': 'max-age=86400' };
    if (notModified(req, etag, found.sentMs)) return { status: 304, headers };
    return { status: 200, headers: { ...headers, 'Content-Type': 'application/cap+xml; charset=utf-8' }, raw: capMessageXml(found, original === null ? null : published(original)) };
  }

  return {
    name: 'cap',
    route(req, url) {
      const path = url.pathname;
      const id = MESSAGE_PATH.exec(path)?.[1];
      if (path !== INDEX_PATH && id === undefined) return path.startsWith('/cap/') ? problem(404, 'ResourceNotFound', 'Not found', `no CAP resource at ${path}`) : null;
      if (req.method !== 'GET' && req.method !== 'HEAD') return problem(405, 'OperationNotSupported', 'Method not allowed', 'the CAP feed is read-only', { Allow: 'GET, HEAD' });
      const now = context.now();
      return id === undefined ? index(req, now) : message(req, id, now);
    },
    // Nothing to advance: the listing is computed from the clock on each request.
    tick: () => undefined,
  };
}

/** RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since, to the second. */
function notModified(req: IncomingMessage, etag: string, modifiedMs: number): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.trim() === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(modifiedMs / 1000) * 1000 <= since;
}
