import type { IncomingMessage } from 'node:http';
import { NGSI_BASE } from '../ngsi/context';
import { listGeneric, postAnyEntity, routeGenericEntity } from './genericEntitiesApi';
import type { GenericContext } from './genericEntitiesApi';
import { cityEntities, wantsSysAttrs, withSysAttrs } from './sysAttrs';
import type { SysAttrsContext } from './sysAttrs';
import { routeSubscriptions } from './subscriptionsApi';
import type { SubscriptionsContext } from './subscriptionsApi';
import type { Reply } from './reply';

export type PlatformRoutesContext = SubscriptionsContext & GenericContext & SysAttrsContext;

const ENTITY = new RegExp(`^${NGSI_BASE}/entities/([^/]+)(/attrs/?)?$`);

/**
 * The broker-like part of the API, tried before the city's own routes (server.ts): subscriptions,
 * entities of types the city does not simulate, and system attributes (`options=sysAttrs`) on any entity
 * read. Null hands the request on, body unread.
 */
export async function routePlatform(ctx: PlatformRoutesContext, req: IncomingMessage, url: URL): Promise<Reply | null> {
  if (!wantsSysAttrs(req, url)) return routeBroker(ctx, req, url);
  const reply = (await routeBroker(ctx, req, url)) ?? cityEntities(ctx.api, req, url);
  return reply === null ? null : withSysAttrs(ctx, reply, url);
}

async function routeBroker(ctx: PlatformRoutesContext, req: IncomingMessage, url: URL): Promise<Reply | null> {
  const subscriptions = await routeSubscriptions(ctx, req, url);
  if (subscriptions !== null) return subscriptions;
  const path = url.pathname;
  if (path === `${NGSI_BASE}/entities` || path === `${NGSI_BASE}/entities/`) {
    if (req.method === 'POST') return postAnyEntity(ctx, req);
    return req.method === 'GET' ? listGeneric(ctx, req, url.searchParams) : null;
  }
  const match = ENTITY.exec(path);
  const raw = match?.[1];
  if (match === null || raw === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return routeGenericEntity(ctx, req, id, match[2] !== undefined, url.searchParams);
}
