import type { z } from 'zod';
import type { City } from '../city/city';
import { AlertAppend, AlertPatch, NewAlert, VehiclePatch, appendAlert, createAlert, patchAlert, patchVehicle } from '../city/commands';
import type { Outcome } from '../city/commands';
import { ENTITY_CONTEXT, LINK_HEADER, NGSI_BASE } from '../ngsi/context';
import { entitiesOfType, entityById } from '../ngsi/entities';
import type { EntityModel } from '../ngsi/entityModel';
import { render } from '../ngsi/entityModel';
import { flattenAttributes, isRecord } from '../ngsi/flatten';
import type { Corrupter } from '../ngsi/malformed';
import { matchesQuery, parseEntityQuery } from '../ngsi/query';
import type { ActionLog } from './actionLog';
import type { FaultState } from './faults';
import { fromRefusal, problem } from './reply';
import type { Reply } from './reply';

export interface ApiContext {
  readonly city: City;
  readonly actions: ActionLog;
  readonly faults: FaultState;
  readonly corrupter: Corrupter;
  /** Called after an accepted change so subscribers hear about it without waiting for the next tick. */
  readonly changed: () => void;
}

/** `application/ld+json` puts the context in the body; plain JSON names it in a Link header instead. */
function representation(entities: readonly EntityModel[], keyValues: boolean, ld: boolean): { headers: Record<string, string>; bodies: unknown[] } {
  const bodies = entities.map((e) => render(e, keyValues, ld ? ENTITY_CONTEXT : null));
  return { headers: ld ? { 'Content-Type': 'application/ld+json' } : { 'Content-Type': 'application/json', Link: LINK_HEADER }, bodies };
}

const keyValuesOption = (params: URLSearchParams): boolean => {
  const options = (params.get('options') ?? '').split(',');
  return options.includes('keyValues') || options.includes('simplified');
};

export function getEntities(ctx: ApiContext, params: URLSearchParams, ld: boolean): Reply {
  const parsed = parseEntityQuery(params);
  if (!parsed.ok) return problem(400, 'BadRequestData', 'Invalid query', parsed.detail);
  const { query } = parsed;
  const matching = query.types.flatMap((t) => entitiesOfType(ctx.city, t)).filter((e) => matchesQuery(e, query));
  let page = matching.slice(query.offset, query.offset + query.limit);
  if (ctx.faults.malformed) page = ctx.corrupter.apply(page);
  const { headers, bodies } = representation(page, query.keyValues, ld);
  if (query.count) headers['NGSILD-Results-Count'] = String(matching.length);
  return { status: 200, headers, body: bodies };
}

export function getEntity(ctx: ApiContext, id: string, params: URLSearchParams, ld: boolean): Reply {
  const entity = entityById(ctx.city, id);
  if (entity === null) return problem(404, 'ResourceNotFound', 'Entity not found', `no entity ${id}`);
  const shown = ctx.faults.malformed ? ctx.corrupter.apply([entity]) : [entity];
  const { headers, bodies } = representation(shown, keyValuesOption(params), ld);
  return { status: 200, headers, body: bodies[0] };
}

function validationDetail(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

const afterOutcome = (ctx: ApiContext, outcome: Outcome, success: Reply): Reply => {
  if (!outcome.ok) return fromRefusal(outcome.refusal);
  ctx.changed();
  return success;
};

/** The action id comes from the X-Action-Id header or, failing that, an `actionId` attribute in the body. */
function takeActionId(attrs: Record<string, unknown>, header: string | undefined): string | null {
  const fromBody = attrs['actionId'];
  delete attrs['actionId'];
  if (header !== undefined && header !== '') return header;
  return typeof fromBody === 'string' && fromBody !== '' ? fromBody : null;
}

function logged(ctx: ApiContext, actionId: string | null, entityId: string, method: string, apply: () => Reply): Reply {
  return actionId === null ? apply() : ctx.actions.run(actionId, entityId, method, apply);
}

export function postEntity(ctx: ApiContext, json: unknown, actionHeader: string | undefined): Reply {
  if (!isRecord(json)) return problem(400, 'BadRequestData', 'Invalid entity', 'body must be a JSON object');
  const attrs = flattenAttributes(json);
  const actionId = takeActionId(attrs, actionHeader);
  const id = typeof attrs['id'] === 'string' ? attrs['id'] : '(no id)';
  return logged(ctx, actionId, id, 'POST', () => {
    if (attrs['type'] !== 'Alert') {
      return problem(422, 'OperationNotSupported', 'Read-only entity type', 'only Alert entities can be created here');
    }
    const parsed = NewAlert.safeParse(attrs);
    if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid Alert', validationDetail(parsed.error));
    const location = `${NGSI_BASE}/entities/${encodeURIComponent(parsed.data.id)}`;
    return afterOutcome(ctx, createAlert(ctx.city, parsed.data), { status: 201, headers: { Location: location } });
  });
}

export function patchAttrs(ctx: ApiContext, id: string, json: unknown, actionHeader: string | undefined): Reply {
  if (!isRecord(json)) return problem(400, 'BadRequestData', 'Invalid fragment', 'body must be a JSON object of attributes');
  const attrs = flattenAttributes(json);
  const actionId = takeActionId(attrs, actionHeader);
  delete attrs['id'];
  delete attrs['type'];
  return logged(ctx, actionId, id, 'PATCH', () => {
    if (ctx.city.incidents.has(id)) {
      const parsed = AlertPatch.safeParse(attrs);
      if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid Alert attributes', validationDetail(parsed.error));
      return afterOutcome(ctx, patchAlert(ctx.city, id, parsed.data), { status: 204 });
    }
    if (ctx.city.units.has(id)) {
      const parsed = VehiclePatch.safeParse(attrs);
      if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid Vehicle attributes', validationDetail(parsed.error));
      return afterOutcome(ctx, patchVehicle(ctx.city, id, parsed.data), { status: 204 });
    }
    if (entityById(ctx.city, id) !== null) {
      return problem(422, 'OperationNotSupported', 'Read-only entity', `${id} is measured by the platform and cannot be changed`);
    }
    return problem(404, 'ResourceNotFound', 'Entity not found', `no entity ${id}`);
  });
}

/**
 * Append Entity Attributes (POST …/entities/{id}/attrs): on an Alert, notes, each an instance of the
 * multi-attribute `notes` with its own datasetId, added without touching the other instances. The body is
 * read before flattening, which would drop the datasetId.
 */
export function appendAttrs(ctx: ApiContext, id: string, json: unknown, actionHeader: string | undefined): Reply {
  if (!isRecord(json)) return problem(400, 'BadRequestData', 'Invalid fragment', 'body must be a JSON object of attributes');
  const attrs: Record<string, unknown> = { ...json };
  delete attrs['@context'];
  const actionId = takeActionId(attrs, actionHeader);
  return logged(ctx, actionId, id, 'POST', () => {
    if (ctx.city.incidents.has(id)) {
      const parsed = AlertAppend.safeParse(attrs);
      if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid Alert attributes to append', validationDetail(parsed.error));
      return afterOutcome(ctx, appendAlert(ctx.city, id, parsed.data), { status: 204 });
    }
    if (entityById(ctx.city, id) !== null) {
      return problem(422, 'OperationNotSupported', 'Read-only entity', `${id} accepts no appended attributes here`);
    }
    return problem(404, 'ResourceNotFound', 'Entity not found', `no entity ${id}`);
  });
}
