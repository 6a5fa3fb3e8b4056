import type { IncomingMessage } from 'node:http';
import { ENTITY_CONTEXT, LINK_HEADER, NGSI_BASE } from '../ngsi/context';
import { ENTITY_TYPES, entityById } from '../ngsi/entities';
import { isRecord } from '../ngsi/flatten';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../ngsi/query';
import type { NgsiEntity } from '../notify/entity';
import { toKeyValuesJson, toNormalizedJson } from '../notify/entity';
import type { GenericEntities } from '../notify/genericEntities';
import { parseAttributes, parseEntity } from '../notify/genericEntities';
import { readJsonBody } from './body';
import { postEntity } from './entitiesApi';
import type { ApiContext } from './entitiesApi';
import { problem } from './reply';
import type { Reply } from './reply';

/**
 * Like a broker, the emulator takes any valid NGSI-LD entity: its own types (Alert, Vehicle,
 * TrafficFlowObserved) still go through entitiesApi's rules; any other type is stored as given, served by
 * GET, changed by PATCH …/attrs, removed by DELETE, and notified to subscriptions.
 */
export interface GenericContext {
  readonly api: ApiContext;
  readonly generic: GenericEntities;
}

const isCityType = (t: unknown): boolean => ENTITY_TYPES.some((known) => known === t);
const wantsLd = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('application/ld+json');
const keyValues = (params: URLSearchParams): boolean => (params.get('options') ?? '').split(',').some((o) => o === 'keyValues' || o === 'simplified');
const unreadable = (status: number, detail: string): Reply => problem(status, status === 400 ? 'InvalidRequest' : 'BadRequestData', 'Unreadable body', detail);

function represent(entities: readonly NgsiEntity[], params: URLSearchParams, ld: boolean): { headers: Record<string, string>; bodies: Record<string, unknown>[] } {
  const bodies = entities.map((e) => {
    const body = keyValues(params) ? toKeyValuesJson(e) : toNormalizedJson(e);
    return ld ? { ...body, '@context': [...ENTITY_CONTEXT] } : body;
  });
  return { headers: ld ? { 'Content-Type': 'application/ld+json' } : { 'Content-Type': 'application/json', Link: LINK_HEADER }, bodies };
}

/** POST /entities: the city's own types are handed to entitiesApi untouched; any other is stored here. */
export async function postAnyEntity(ctx: GenericContext, req: IncomingMessage): Promise<Reply> {
  const body = await readJsonBody(req);
  if (!body.ok) return unreadable(body.status, body.detail);
  const header = req.headers['x-action-id'];
  if (isRecord(body.json) && isCityType(body.json['type'])) return postEntity(ctx.api, body.json, typeof header === 'string' ? header : undefined);
  const parsed = parseEntity(body.json);
  if (!parsed.ok) return problem(400, 'BadRequestData', 'Invalid entity', parsed.detail);
  const entity = parsed.value;
  if (entityById(ctx.api.city, entity.id) !== null || !ctx.generic.create(entity)) {
    return problem(409, 'AlreadyExists', 'Entity already exists', `entity ${entity.id} already exists`);
  }
  return { status: 201, headers: { Location: `${NGSI_BASE}/entities/${encodeURIComponent(entity.id)}` } };
}

/** GET /entities?type=… when every type asked for is one of the generic ones; null lets entitiesApi answer. */
export function listGeneric(ctx: GenericContext, req: IncomingMessage, params: URLSearchParams): Reply | null {
  const types = (params.get('type') ?? '').split(',').filter((t) => t !== '');
  if (types.length === 0 || types.some(isCityType) || params.has('georel')) return null;
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
  const offset = Number(params.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || !Number.isInteger(offset) || offset < 0) {
    return problem(400, 'BadRequestData', 'Invalid query', `limit must be an integer from 1 to ${MAX_LIMIT}, offset a non-negative integer`);
  }
  const ids = params.get('id')?.split(',');
  const matching = ctx.generic.ofTypes(types).filter((e) => ids === undefined || ids.includes(e.id));
  const { headers, bodies } = represent(matching.slice(offset, offset + limit), params, wantsLd(req));
  if (params.get('count') === 'true') headers['NGSILD-Results-Count'] = String(matching.length);
  return { status: 200, headers, body: bodies };
}

/** GET, PATCH …/attrs and DELETE of a generic entity; null when the id is not a generic one. */
export async function routeGenericEntity(ctx: GenericContext, req: IncomingMessage, id: string, attrsPath: boolean, params: URLSearchParams): Promise<Reply | null> {
  const entity = ctx.generic.get(id);
  if (entity === undefined) {
    if (req.method !== 'DELETE' || attrsPath) return null;
    return entityById(ctx.api.city, id) === null
      ? problem(404, 'ResourceNotFound', 'Entity not found', `no entity ${id}`)
      : problem(422, 'OperationNotSupported', 'Simulated entity', `${id} belongs to the simulated city and cannot be deleted`);
  }
  if (attrsPath) {
    if (req.method !== 'PATCH') return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} on attributes`, { Allow: 'PATCH' });
    const body = await readJsonBody(req);
    if (!body.ok) return unreadable(body.status, body.detail);
    if (!isRecord(body.json)) return problem(400, 'BadRequestData', 'Invalid fragment', 'body must be a JSON object of attributes');
    const attrs = parseAttributes(body.json);
    if (!attrs.ok) return problem(400, 'BadRequestData', 'Invalid attributes', attrs.detail);
    ctx.generic.merge(id, attrs.value);
    return { status: 204 };
  }
  if (req.method === 'GET') {
    const { headers, bodies } = represent([entity], params, wantsLd(req));
    return { status: 200, headers, body: bodies[0] };
  }
  if (req.method === 'DELETE') {
    ctx.generic.delete(id);
    return { status: 204 };
  }
  return problem(405, 'OperationNotSupported', 'Method not allowed', `${req.method ?? '?'} ${id}`, { Allow: 'GET, DELETE' });
}
