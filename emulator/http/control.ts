import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { City } from '../city/city';
import { LoadPlan } from '../load/loadGenerator';
import type { LoadGenerator } from '../load/loadGenerator';
import type { ActionLog } from './actionLog';
import { patchAttrs } from './entitiesApi';
import type { ApiContext } from './entitiesApi';
import { readJsonBody } from './body';
import { FaultPatch } from './faults';
import type { FaultState } from './faults';
import { problem } from './reply';
import type { Reply } from './reply';

export interface ControlContext extends ApiContext {
  readonly city: City;
  readonly actions: ActionLog;
  readonly faults: FaultState;
  readonly describe: () => Record<string, unknown>;
  readonly load: LoadGenerator;
  /** Drops every open connection except the one asking (so the control reply still gets out). */
  readonly destroyConnections: (except: Socket | null) => void;
}

async function postFaults(ctx: ControlContext, req: IncomingMessage): Promise<Reply> {
  const body = await readJsonBody(req);
  if (!body.ok) return problem(body.status, 'BadRequestData', 'Unreadable body', body.detail);
  const parsed = FaultPatch.safeParse(body.json);
  if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid faults', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const states = parsed.data;
  const wasOutage = ctx.faults.outage;
  Object.assign(ctx.faults, states);
  if (ctx.faults.outage && !wasOutage) ctx.destroyConnections(req.socket);
  return { status: 200, body: { ...ctx.faults } };
}

async function postLoad(ctx: ControlContext, req: IncomingMessage): Promise<Reply> {
  const body = await readJsonBody(req);
  if (!body.ok) return problem(body.status, 'BadRequestData', 'Unreadable body', body.detail);
  const parsed = LoadPlan.safeParse(body.json);
  if (!parsed.success) return problem(400, 'BadRequestData', 'Invalid load', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  ctx.load.set(parsed.data);
  return { status: 200, body: { ...ctx.load.plan, published: ctx.load.published } };
}

const INCIDENT_PATH = /^\/emulator\/incidents\/([^/]+)$/;

/**
 * Another console's hand on an incident, through the same rules as the NGSI-LD PATCH but past any fault:
 * lets tests change the city while this console is cut off (e.g. close an incident it still thinks is open).
 */
async function patchIncident(ctx: ControlContext, req: IncomingMessage, id: string): Promise<Reply> {
  const body = await readJsonBody(req);
  if (!body.ok) return problem(body.status, 'BadRequestData', 'Unreadable body', body.detail);
  const header = req.headers['x-action-id'];
  return patchAttrs(ctx, id, body.json, typeof header === 'string' ? header : undefined);
}

/** `/emulator/*`: fault switches, synthetic load, the received-action log, a status summary and another console's hand. Always reachable. */
export async function handleControl(ctx: ControlContext, req: IncomingMessage, url: URL): Promise<Reply> {
  const incident = INCIDENT_PATH.exec(url.pathname)?.[1];
  if (incident !== undefined && req.method === 'POST') return patchIncident(ctx, req, decodeURIComponent(incident));
  switch (`${req.method ?? ''} ${url.pathname}`) {
    case 'GET /emulator/faults':
      return { status: 200, body: { ...ctx.faults } };
    case 'POST /emulator/faults':
      return postFaults(ctx, req);
    case 'GET /emulator/actions':
      return { status: 200, body: ctx.actions.entries };
    case 'GET /emulator/load':
      return { status: 200, body: { ...ctx.load.plan, published: ctx.load.published } };
    case 'POST /emulator/load':
      return postLoad(ctx, req);
    case 'GET /emulator/status':
      return { status: 200, body: ctx.describe() };
    default:
      return problem(404, 'ResourceNotFound', 'Not found', `no control endpoint ${req.method ?? ''} ${url.pathname}`);
  }
}
