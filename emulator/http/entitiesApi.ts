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

/** The body of an append to an Alert, as a reply; `notify` is told when something changed. */
function appendToAlert(ctx: ApiContext, id: string, attrs: Record<string, unknown>, notify: () => void): Reply {
  if (ctx.city.incidents.has(id)) {
    const parsed = AlertAppend.safeParse(attrs);
    if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid Alert attributes to append', validationDetail(parsed.error));
    const outcome = appendAlert(ctx.city, id, parsed.data);
    if (!outcome.ok) return fromRefusal(outcome.refusal);
    notify();
    return { status: 204 };
  }
  if (entityById(ctx.city, id) !== null) {
    return problem(422, 'OperationNotSupported', 'Read-only entity', `${id} accepts no appended attributes here`);
  }
  return problem(404, 'ResourceNotFound', 'Entity not found', `no entity ${id}`);
}

/** X-Action-Id naming several actions, comma-separated, one per instance in the body's order. */
const actionIdList = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

/**
 * A run of notes in one Append Entity Attributes: `notes` as an array of instances, each its own action
 * (X-Action-Id lists their ids in the same order). The whole body is checked before anything is applied, so
 * a refused body leaves no trace in the log and its actions can be sent again one by one; then each instance
 * goes through the action log on its own: applied once, a repeat answered as a duplicate.
 */
function appendNoteRun(ctx: ApiContext, id: string, instances: readonly unknown[], actionIds: readonly string[]): Reply {
  if (actionIds.length !== instances.length) {
    return problem(400, 'BadRequestData', 'Action ids do not match the instances', `X-Action-Id lists ${actionIds.length} ids for ${instances.length} instances of notes`);
  }
  const bad = instances.findIndex((instance) => !AlertAppend.safeParse({ notes: instance }).success);
  if (bad >= 0) return problem(400, 'BadRequestData', 'Invalid Alert attributes to append', `notes[${bad}] is not a note instance with its datasetId`);
  let changed = false;
  const replies = actionIds.map((actionId, i) => ctx.actions.run(actionId, id, 'POST', () => appendToAlert(ctx, id, { notes: instances[i] }, () => (changed = true))));
  // Subscribers hear of the run once, not once per note.
  if (changed) ctx.changed();
  const refused = replies.filter((r) => r.status >= 300);
  if (refused.length === 0) return { status: 204 };
  if (refused.length === replies.length) return refused[0] ?? { status: 204 };
  // Some applied, some not: NGSI-LD's UpdateResult; the instances share one name, so each action's own outcome is asked one by one.
  const reasons = refused.map((r) => (isRecord(r.body) && typeof r.body['detail'] === 'string' ? r.body['detail'] : `HTTP ${r.status}`));
  return { status: 207, body: { updated: ['notes'], notUpdated: reasons.map((reason) => ({ attributeName: 'notes', reason })) } };
}

/**
 * Append Entity Attributes (POST …/entities/{id}/attrs): on an Alert, notes, each an instance of the
 * multi-attribute `notes` with its own datasetId, added without touching the other instances. The body is
 * read before flattening, which would drop the datasetId. Several instances with as many action ids are a
 * run of actions (appendNoteRun); otherwise the request is one action.
 */
export function appendAttrs(ctx: ApiContext, id: string, json: unknown, actionHeader: string | undefined): Reply {
  if (!isRecord(json)) return problem(400, 'BadRequestData', 'Invalid fragment', 'body must be a JSON object of attributes');
  const attrs: Record<string, unknown> = { ...json };
  delete attrs['@context'];
  const notes = attrs['notes'];
  const actionIds = actionIdList(actionHeader);
  if (Array.isArray(notes) && notes.length > 1 && ctx.faults.refuseBatches) {
    return problem(400, 'BadRequestData', 'One instance per request', 'injected fault: this platform appends one instance of a multi-attribute per request');
  }
  if (actionIds.length > 1) {
    if (!Array.isArray(notes) || Object.keys(attrs).length !== 1) return problem(400, 'BadRequestData', 'Several action ids', 'several X-Action-Id values are taken only for an array of notes instances');
    return appendNoteRun(ctx, id, notes, actionIds);
  }
  const actionId = takeActionId(attrs, actionHeader);
  return logged(ctx, actionId, id, 'POST', () => appendToAlert(ctx, id, attrs, () => ctx.changed()));
}
