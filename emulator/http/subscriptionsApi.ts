import type { IncomingMessage } from 'node:http';
import { ENTITY_CONTEXT, LINK_HEADER, NGSI_BASE } from '../ngsi/context';
import { isRecord } from '../ngsi/flatten';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../ngsi/query';
import { NewSubscription, SubscriptionFragment, describeIssues, unsupportedMembers } from '../ngsi/subscriptions/schema';
import type { StoreResult, SubscriptionStore } from '../ngsi/subscriptions/store';
import { subscriptionJson } from '../ngsi/subscriptions/store';
import { readJsonBody } from './body';
import { problem } from './reply';
import type { Reply } from './reply';

export const SUBSCRIPTIONS_PATH = `${NGSI_BASE}/subscriptions`;
const ONE = new RegExp(`^${SUBSCRIPTIONS_PATH}/([^/]+)$`);

export interface SubscriptionsContext {
  readonly subscriptions: SubscriptionStore;
  /** Drops what the notifier still holds for a deleted subscription. */
  readonly forget: (id: string) => void;
}

const wantsLd = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('application/ld+json');
const notAllowed = (req: IncomingMessage, allow: string): Reply =>
  problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} is not allowed here`, { Allow: allow });
const failed = (r: Extract<StoreResult<unknown>, { ok: false }>): Reply =>
  problem(r.status, r.type, r.status === 404 ? 'Subscription not found' : r.status === 409 ? 'Subscription already exists' : 'Invalid subscription', r.detail);

function representation(req: IncomingMessage, bodies: Record<string, unknown>[]): { headers: Record<string, string>; body: Record<string, unknown>[] } {
  if (!wantsLd(req)) return { headers: { 'Content-Type': 'application/json', Link: LINK_HEADER }, body: bodies };
  return { headers: { 'Content-Type': 'application/ld+json' }, body: bodies.map((b) => ({ ...b, '@context': [...ENTITY_CONTEXT] })) };
}

async function readObject(req: IncomingMessage): Promise<{ ok: true; json: Record<string, unknown> } | { ok: false; reply: Reply }> {
  const body = await readJsonBody(req);
  if (!body.ok) return { ok: false, reply: problem(body.status, body.status === 400 ? 'InvalidRequest' : 'BadRequestData', 'Unreadable body', body.detail) };
  if (!isRecord(body.json)) return { ok: false, reply: problem(400, 'BadRequestData', 'Invalid subscription', 'body must be a JSON object') };
  const unsupported = unsupportedMembers(body.json);
  if (unsupported.length > 0) {
    return { ok: false, reply: problem(400, 'BadRequestData', 'Unsupported subscription feature', `not supported by the emulator: ${unsupported.join(', ')}`) };
  }
  return { ok: true, json: body.json };
}

async function create(ctx: SubscriptionsContext, req: IncomingMessage): Promise<Reply> {
  const body = await readObject(req);
  if (!body.ok) return body.reply;
  const parsed = NewSubscription.safeParse(body.json);
  if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid subscription', describeIssues(parsed.error));
  const created = ctx.subscriptions.create(parsed.data);
  if (!created.ok) return failed(created);
  return { status: 201, headers: { Location: `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(created.value.id)}` } };
}

function list(ctx: SubscriptionsContext, req: IncomingMessage, params: URLSearchParams): Reply {
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
  const offset = Number(params.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return problem(400, 'BadRequestData', 'Invalid query', `limit must be an integer from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(offset) || offset < 0) return problem(400, 'BadRequestData', 'Invalid query', 'offset must be a non-negative integer');
  const all = ctx.subscriptions.all();
  const { headers, body } = representation(req, all.slice(offset, offset + limit).map((s) => subscriptionJson(s, ctx.subscriptions.now())));
  if (params.get('count') === 'true') headers['NGSILD-Results-Count'] = String(all.length);
  return { status: 200, headers, body };
}

async function one(ctx: SubscriptionsContext, req: IncomingMessage, id: string): Promise<Reply> {
  switch (req.method) {
    case 'GET': {
      const sub = ctx.subscriptions.get(id);
      if (sub === undefined) return problem(404, 'ResourceNotFound', 'Subscription not found', `no subscription ${id}`);
      const { headers, body } = representation(req, [subscriptionJson(sub, ctx.subscriptions.now())]);
      return { status: 200, headers, body: body[0] };
    }
    case 'PATCH': {
      if (ctx.subscriptions.get(id) === undefined) return problem(404, 'ResourceNotFound', 'Subscription not found', `no subscription ${id}`);
      const body = await readObject(req);
      if (!body.ok) return body.reply;
      const parsed = SubscriptionFragment.safeParse(body.json);
      if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid subscription fragment', describeIssues(parsed.error));
      const patched = ctx.subscriptions.patch(id, parsed.data);
      return patched.ok ? { status: 204 } : failed(patched);
    }
    case 'DELETE': {
      const deleted = ctx.subscriptions.delete(id);
      if (!deleted.ok) return failed(deleted);
      ctx.forget(id);
      return { status: 204 };
    }
    default:
      return notAllowed(req, 'GET, PATCH, DELETE');
  }
}

/** `/ngsi-ld/v1/subscriptions[/{id}]`; null for any other path. */
export async function routeSubscriptions(ctx: SubscriptionsContext, req: IncomingMessage, url: URL): Promise<Reply | null> {
  const path = url.pathname;
  if (path === SUBSCRIPTIONS_PATH || path === `${SUBSCRIPTIONS_PATH}/`) {
    if (req.method === 'POST') return create(ctx, req);
    if (req.method === 'GET') return list(ctx, req, url.searchParams);
    return notAllowed(req, 'GET, POST');
  }
  const raw = ONE.exec(path)?.[1];
  if (raw === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return problem(400, 'BadRequestData', 'Bad id', 'subscription id is not valid percent-encoding');
  }
  return one(ctx, req, id);
}
