import { incidentTypeToAlert, subjectOf } from '../../../shared/domain';
import type { Incident, OutboxEntry } from '../../../shared/domain';
import type { BrokerConfig } from '../feeds/ngsi/http';
import { brokerHeaders, readCapped } from '../feeds/ngsi/http';
import type { ActionDelivery } from './actionDelivery';
import { deliverNoteRun } from './noteRunTransport';
import type { DeliveryOutcome } from './planner';

const TIMEOUT_MS = 15_000;
const PROBLEM_BYTES = 64 * 1024;

/** The NGSI-LD datasetId of a note: each note is its own instance of the multi-attribute `notes`. */
export const noteDatasetId = (noteId: string): string => `urn:ngsi-ld:Note:${noteId}`;

/** An HTTP request for one action: method and body, against `pathFor` the action. */
export interface ActionRequestPlan {
  readonly method: 'PATCH' | 'POST';
  readonly body: Record<string, unknown>;
}

const attrsOf = (id: string) => `/ngsi-ld/v1/entities/${encodeURIComponent(id)}/attrs`;

/** Where an action goes: a create to the entities collection, anything else to its entity's attributes. */
export const pathFor = (action: OutboxEntry['action']): string => (action.kind === 'create' ? '/ngsi-ld/v1/entities' : attrsOf(subjectOf(action)));

/** Vehicle.serviceStatus (Smart Data Model) for the duty states a console sets. */
const SERVICE_STATUS = { 'out-of-service': 'outOfService', available: 'parked' } as const;

/**
 * A new incident as an NGSI-LD Alert (Smart Data Model, normalized), with the attributes the console adds
 * (README "Incident fields beyond the Smart Data Model") and the call's: caller, phone and the line it came in on.
 */
export function alertBody(action: Extract<OutboxEntry['action'], { kind: 'create' }>, entry: OutboxEntry): Record<string, unknown> {
  const { incident } = action;
  const alert = incidentTypeToAlert[incident.type];
  const prop = (value: unknown) => ({ type: 'Property', value });
  const body: Record<string, unknown> = {
    id: action.incidentId,
    type: 'Alert',
    category: prop(alert.category),
    subCategory: prop(alert.subCategory),
    severity: prop(incident.severity),
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: incident.position } },
    description: prop(incident.description),
    dateIssued: prop(new Date(entry.createdAt).toISOString()),
    alertSource: prop(entry.actor.workstation),
    incidentType: prop(incident.type),
    status: prop('new'),
    callLine: prop(incident.line),
  };
  if (incident.district !== null) body['district'] = prop(incident.district);
  if (incident.callerLanguage !== null) body['reporterLanguage'] = prop(incident.callerLanguage);
  if (incident.callerNationality !== null) body['reporterNationality'] = prop(incident.callerNationality);
  if (incident.callerName !== '') body['callerName'] = prop(incident.callerName);
  if (incident.callerPhone !== '') body['callerPhone'] = prop(incident.callerPhone);
  return body;
}

/** A note as one instance of the multi-attribute `notes`, named by its datasetId (so appending it again changes nothing). */
export function noteInstance(entry: OutboxEntry): Record<string, unknown> {
  const { action } = entry;
  if (action.kind !== 'note') return {};
  return {
    type: 'Property',
    datasetId: noteDatasetId(action.noteId),
    value: { id: action.noteId, text: action.text, author: entry.actor.name, at: new Date(entry.createdAt).toISOString() },
  };
}

/**
 * What to send for an action, given the incident as the platform shows it now (null if unknown).
 * A note is appended (POST …/attrs, Append Entity Attributes) as a new instance of `notes` with its own
 * datasetId, so the platform's other notes are never touched. A dispatch sends the union of the units the
 * platform shows now and the new ones, because a PATCH of `assignedUnits` replaces the whole list; it moves the
 * status only if the incident is not already dispatched or on scene (a reinforcement).
 */
export function requestFor(entry: OutboxEntry, platform: Incident | null): ActionRequestPlan {
  const { action } = entry;
  switch (action.kind) {
    case 'acknowledge':
      return { method: 'PATCH', body: { status: 'acknowledged' } };
    case 'status':
      return { method: 'PATCH', body: { status: action.status } };
    case 'create':
      return { method: 'POST', body: alertBody(action, entry) };
    case 'unit-service':
      return { method: 'PATCH', body: { unitStatus: action.status, serviceStatus: SERVICE_STATUS[action.status] } };
    case 'sop-check':
      // Never sent (see isLocalOnly); a checklist tick is recorded as a note should it ever be.
      return { method: 'POST', body: {} };
    case 'note':
      return { method: 'POST', body: { notes: noteInstance(entry) } };
    case 'dispatch': {
      const units = [...new Set([...(platform?.assignedUnitIds ?? []), ...action.unitIds])];
      const engaged = platform !== null && (platform.status === 'dispatched' || platform.status === 'on-scene');
      return { method: 'PATCH', body: engaged ? { assignedUnits: units } : { status: 'dispatched', assignedUnits: units } };
    }
  }
}

export function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) * 1000 : undefined;
}

export async function problemDetail(response: Response): Promise<string> {
  try {
    const body: unknown = JSON.parse(await readCapped(response, PROBLEM_BYTES));
    if (typeof body === 'object' && body !== null) {
      const detail = 'detail' in body ? body.detail : 'title' in body ? body.title : null;
      if (typeof detail === 'string') return detail.slice(0, 500);
    }
  } catch {
    // A refusal without a readable body still carries its status code.
  }
  return `HTTP ${response.status}`;
}

export function unreachable(error: unknown): DeliveryOutcome {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return { kind: 'failed', reason: `platform unreachable: ${cause}` };
}

/**
 * Sends one action to the platform with its client-generated id (`X-Action-Id`), which the platform uses
 * to apply it at most once. 2xx: applied. 401/403: the console's credentials are refused, not the action:
 * it stays queued. Another 4xx (404 for an incident the platform does not know, 409 for a lifecycle
 * conflict): refused for good, with the platform's reason. Anything else, or no answer: unknown, try again.
 */
export async function deliverAction(broker: BrokerConfig, entry: OutboxEntry, platform: Incident | null, fetchImpl: typeof fetch = fetch): Promise<DeliveryOutcome> {
  const plan = requestFor(entry, platform);
  const url = new URL(pathFor(entry.action), broker.baseUrl);
  const subject = subjectOf(entry.action);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: plan.method,
      headers: { ...brokerHeaders(broker), 'Content-Type': 'application/json', 'X-Action-Id': entry.actionId },
      body: JSON.stringify(plan.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return unreachable(error);
  }
  if (response.ok) {
    await response.body?.cancel();
    return { kind: 'applied' };
  }
  if (response.status === 401 || response.status === 403) {
    return { kind: 'unauthorized', status: response.status === 401 ? 401 : 403, reason: await problemDetail(response) };
  }
  if (response.status === 404) {
    return { kind: 'rejected', reason: `the platform does not know ${entry.action.kind === 'unit-service' ? 'unit' : 'incident'} ${subject}: ${await problemDetail(response)}` };
  }
  // Our own id already there: an earlier attempt of this very create was applied (its answer was lost).
  if (response.status === 409 && entry.action.kind === 'create') {
    const detail = await problemDetail(response);
    if (/already ?exists/i.test(detail)) return { kind: 'applied' };
    return { kind: 'rejected', reason: detail };
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    return { kind: 'rejected', reason: await problemDetail(response) };
  }
  const after = retryAfter(response);
  await response.body?.cancel();
  return after === undefined ? { kind: 'failed', reason: `platform answered ${response.status}` } : { kind: 'failed', reason: `platform answered ${response.status}`, retryAfterMs: after };
}

/** The NGSI-LD implementation of the outbox's delivery port, to `broker`: one request per action, or per run of notes. */
export function createNgsiActionDelivery(broker: BrokerConfig, fetchImpl: typeof fetch = fetch): ActionDelivery {
  return {
    name: new URL(broker.baseUrl).host,
    deliver: (entry, context) => deliverAction(broker, entry, context.platform, fetchImpl),
    deliverNotes: (entries) => deliverNoteRun(broker, entries, fetchImpl),
  };
}
