import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FeedPublisher, FeedPublisherContext } from '../feeds/publisher';
import type { Reply } from '../http/reply';
import { problem } from '../http/reply';
import { REPORTS_BASE, toFeature, toFeatureCollection } from './geojson';
import { readReportPatch } from './patchBody';
import { photoSvg } from './photo';
import { ReportBook } from './reportBook';

export const REPORTS_PATH = `${REPORTS_BASE}/reports.geojson`;
const PHOTO = /^\/reports\/v1\/photos\/([^/]+)\.svg$/;
const ONE = /^\/reports\/v1\/reports\/([^/]+)$/;

interface Rendered {
  readonly version: number;
  readonly body: string;
  readonly etag: string;
  readonly lastModifiedMs: number;
}

/**
 * Citizen reports as a GeoJSON FeatureCollection (Traffy Fondue style), polled with ETag or
 * Last-Modified; photos as small SVGs; and a merge-patch per report so a console can link one to an incident.
 */
export function createReportsPublisher(context: FeedPublisherContext, book = new ReportBook(context.seed, context.now())): FeedPublisher & { readonly book: ReportBook } {
  let rendered: Rendered | null = null;

  const current = (): Rendered => {
    if (rendered?.version === book.version) return rendered;
    const body = toFeatureCollection(book.list(), context.stamp);
    // HTTP dates have whole seconds: each new body gets a later one, so If-Modified-Since never hides a change.
    const second = Math.floor(context.stamp(context.now()) / 1000) * 1000;
    const lastModifiedMs = rendered === null ? second : Math.max(second, rendered.lastModifiedMs + 1000);
    rendered = { version: book.version, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`, lastModifiedMs };
    return rendered;
  };

  return {
    name: 'citizen reports',
    book,
    tick: (simNowMs) => book.tick(simNowMs),
    async route(req, url) {
      const path = url.pathname;
      if (!path.startsWith(`${REPORTS_BASE}/`)) return null;
      if (path === REPORTS_PATH) return isRead(req) ? collection(req, current()) : notAllowed(req, path, 'GET, HEAD');
      const photoId = decoded(PHOTO.exec(path)?.[1]);
      if (photoId !== undefined) {
        if (!isRead(req)) return notAllowed(req, path, 'GET, HEAD');
        const report = photoId === null ? undefined : book.get(photoId);
        if (report === undefined) return problem(404, 'ResourceNotFound', 'Not found', `no photo at ${path}`);
        return { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600', 'X-Content-Type-Options': 'nosniff' }, raw: photoSvg(report) };
      }
      const id = decoded(ONE.exec(path)?.[1]);
      if (id === null) return problem(400, 'BadRequestData', 'Bad id', 'report id is not valid percent-encoding');
      if (id !== undefined) return one(req, id);
      return problem(404, 'ResourceNotFound', 'Not found', `no resource at ${path}`);
    },
  };

  async function one(req: IncomingMessage, id: string): Promise<Reply> {
    if (isRead(req)) {
      const report = book.get(id);
      return report === undefined ? problem(404, 'ResourceNotFound', 'Not found', `no report ${id}`) : { status: 200, headers: { 'Content-Type': 'application/geo+json' }, raw: JSON.stringify(toFeature(report, context.stamp)) };
    }
    if (req.method !== 'PATCH') return notAllowed(req, `${REPORTS_BASE}/reports/${id}`, 'GET, HEAD, PATCH');
    const body = await readReportPatch(req);
    if (!body.ok) return problem(body.status, 'BadRequestData', 'Unusable patch', body.detail);
    const outcome = book.patch(id, body.patch, context.now());
    if (outcome.status === 204) return { status: 204 };
    return problem(outcome.status, outcome.status === 404 ? 'ResourceNotFound' : 'AlreadyExists', outcome.status === 404 ? 'Not found' : 'Already linked', outcome.detail);
  }
}

function collection(req: IncomingMessage, r: Rendered): Reply {
  const headers = { ETag: r.etag, 'Last-Modified': new Date(r.lastModifiedMs).toUTCString(), 'Cache-Control': 'no-cache' };
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    // If-None-Match takes precedence over If-Modified-Since (RFC 9110 13.2.2); its comparison is weak.
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (tags.includes('*') || tags.includes(r.etag)) return { status: 304, headers };
  } else {
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (Number.isFinite(since) && r.lastModifiedMs <= since) return { status: 304, headers };
  }
  return { status: 200, headers: { ...headers, 'Content-Type': 'application/geo+json' }, raw: r.body };
}

const isRead = (req: IncomingMessage): boolean => req.method === 'GET' || req.method === 'HEAD';

const notAllowed = (req: IncomingMessage, path: string, allow: string): Reply =>
  problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} ${path}`, { Allow: allow });

/** undefined: not this route; null: this route with a broken id. */
function decoded(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
