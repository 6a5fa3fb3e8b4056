import type { IncomingMessage } from 'node:http';
import { NGSI_BASE } from '../ngsi/context';
import { entityById } from '../ngsi/entities';
import { isRecord } from '../ngsi/flatten';
import { fromModel } from '../notify/entity';
import type { GenericEntities } from '../notify/genericEntities';
import type { SysClock } from '../notify/sysTimes';
import { addSysAttrs } from '../notify/sysTimes';
import { getEntities, getEntity } from './entitiesApi';
import type { ApiContext } from './entitiesApi';
import type { Reply } from './reply';

export interface SysAttrsContext {
  readonly api: ApiContext;
  readonly generic: GenericEntities;
  readonly sysClock: SysClock;
}

const ENTITY = new RegExp(`^${NGSI_BASE}/entities/([^/]+)$`);
const options = (url: URL): string[] => (url.searchParams.get('options') ?? '').split(',');

/** A GET of entities asking for `options=sysAttrs`. */
export function wantsSysAttrs(req: IncomingMessage, url: URL): boolean {
  return req.method === 'GET' && url.pathname.startsWith(`${NGSI_BASE}/entities`) && options(url).includes('sysAttrs');
}

/** The city's own GET answers (what server.ts would give), so system attributes can be added to them. */
export function cityEntities(api: ApiContext, req: IncomingMessage, url: URL): Reply | null {
  const ld = (req.headers.accept ?? '').includes('application/ld+json');
  if (url.pathname === `${NGSI_BASE}/entities` || url.pathname === `${NGSI_BASE}/entities/`) return getEntities(api, url.searchParams, ld);
  const raw = ENTITY.exec(url.pathname)?.[1];
  if (raw === undefined) return null;
  try {
    return getEntity(api, decodeURIComponent(raw), url.searchParams, ld);
  } catch {
    return null;
  }
}

/** Adds createdAt / modifiedAt (wall clock) to every entity of a successful GET answer. */
export function withSysAttrs(ctx: SysAttrsContext, reply: Reply, url: URL): Reply {
  if (reply.status !== 200) return reply;
  const normalized = !options(url).some((o) => o === 'keyValues' || o === 'simplified');
  const decorate = (body: unknown): unknown => {
    if (!isRecord(body) || typeof body['id'] !== 'string') return body;
    const model = entityById(ctx.api.city, body['id']);
    const entity = ctx.generic.get(body['id']) ?? (model === null ? undefined : fromModel(model));
    return entity === undefined ? body : addSysAttrs(body, ctx.sysClock.stamp(entity), normalized);
  };
  return { ...reply, body: Array.isArray(reply.body) ? reply.body.map(decorate) : decorate(reply.body) };
}
