import { z } from 'zod';
import { IncidentStatus, IncidentType, PHUKET_MARGIN, Severity, incidentTransitions } from '../../shared/domain';
import type { City } from './city';
import { sendHome, sendUnit } from './dispatch';
import { haversineM } from './geo';
import { engagedUnits, setStatus } from './lifecycle';
import type { Incident } from './model';
import { Note } from './model';
import { DISTRICTS, nearestPlace } from './places';

/** Why the platform refused a command; the HTTP layer turns it into RFC 7807 problem details. */
export interface Refusal {
  readonly status: 400 | 404 | 409 | 422;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
}
export type Outcome = { ok: true } | { ok: false; refusal: Refusal };

const PROBLEM = 'https://uri.etsi.org/ngsi-ld/errors/';
const LIFECYCLE = 'urn:phuket:emulator:problem:lifecycle-conflict';
const ok: Outcome = { ok: true };
const refuse = (status: Refusal['status'], type: string, title: string, detail: string): Outcome => ({ ok: false, refusal: { status, type, title, detail } });
const conflict = (detail: string): Outcome => refuse(409, LIFECYCLE, 'Lifecycle conflict', detail);
export const notFound = (id: string): Outcome => refuse(404, `${PROBLEM}ResourceNotFound`, 'Entity not found', `no entity ${id}`);
export const badData = (detail: string): Outcome => refuse(400, `${PROBLEM}BadRequestData`, 'Bad request data', detail);

const inPhuket = ([lon, lat]: [number, number]): boolean =>
  lon >= PHUKET_MARGIN.west && lon <= PHUKET_MARGIN.east && lat >= PHUKET_MARGIN.south && lat <= PHUKET_MARGIN.north;
const PointInPhuket = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]).refine(inPhuket, 'coordinates must be [lon, lat] within Phuket'),
});

/** A single note or a list; notes are appended by id, so resending one is harmless. */
export const AlertPatch = z
  .object({
    status: IncidentStatus,
    assignedUnits: z.array(z.string()).max(20),
    notes: z.union([Note, z.array(Note)]).transform((n) => (Array.isArray(n) ? n : [n])),
    severity: Severity,
    description: z.string().max(2000),
  })
  .partial()
  .strict();
export type AlertPatch = z.infer<typeof AlertPatch>;

/** The NGSI-LD datasetId of a note: every note is its own instance of the multi-attribute `notes`. */
export const noteDatasetId = (noteId: string): string => `urn:ngsi-ld:Note:${noteId}`;

/** One instance of `notes`, as Append Entity Attributes (POST …/attrs) carries it. */
const NoteInstance = z
  .object({ type: z.literal('Property').optional(), value: Note, datasetId: z.string().max(300) })
  .refine((instance) => instance.datasetId === noteDatasetId(instance.value.id), { message: 'datasetId must be urn:ngsi-ld:Note:<value.id>' })
  .transform((instance) => instance.value);

/** What may be appended to an Alert: notes, one instance or several. */
export const AlertAppend = z
  .object({ notes: z.union([NoteInstance, z.array(NoteInstance).min(1).max(20)]).transform((n) => (Array.isArray(n) ? n : [n])) })
  .strict();
export type AlertAppend = z.infer<typeof AlertAppend>;

/** A console takes a unit out of service or back: our `unitStatus`, and the Smart Data Model's `serviceStatus` beside it. */
export const VehiclePatch = z.object({ unitStatus: z.enum(['available', 'out-of-service']), serviceStatus: z.enum(['parked', 'outOfService']).optional() }).strict();
export type VehiclePatch = z.infer<typeof VehiclePatch>;

export const NewAlert = z.object({
  id: z.string().regex(/^urn:ngsi-ld:Alert:\S+$/, 'id must be urn:ngsi-ld:Alert:…'),
  type: z.literal('Alert'),
  incidentType: IncidentType,
  severity: Severity.default('medium'),
  location: PointInPhuket,
  description: z.string().max(2000).default(''),
  status: z.literal('new').default('new'),
  district: z.string().max(200).optional(),
  reporterLanguage: z.string().max(20).optional(),
  reporterNationality: z.string().max(20).optional(),
  alertSource: z.string().max(500).optional(),
  /** The call behind a console's new incident: kept by the platform, not shown on the map. */
  callLine: z.string().max(20).optional(),
  callerName: z.string().max(100).optional(),
  callerPhone: z.string().max(40).optional(),
  notes: z.array(Note).default([]),
});
export type NewAlert = z.infer<typeof NewAlert>;

/**
 * More units for an incident already dispatched or on scene: the units are added and its status stays.
 * (A PATCH of `assignedUnits` replaces the list, so a console sends the units already there too.)
 */
function asReinforcement(incident: Incident, patch: AlertPatch): AlertPatch {
  const engaged = incident.status === 'dispatched' || incident.status === 'on-scene';
  if (!engaged || patch.status !== 'dispatched' || patch.assignedUnits === undefined) return patch;
  const reinforcement: AlertPatch = { ...patch };
  delete reinforcement.status;
  return reinforcement;
}

/** Checks every rule before touching anything, so a refused PATCH changes nothing. */
function checkAlertPatch(city: City, incident: Incident, patch: AlertPatch): Outcome {
  const target = patch.status ?? incident.status;
  if (incident.status === 'closed' && patch.status !== 'acknowledged') {
    const what = patch.notes !== undefined ? 'add a note' : patch.assignedUnits !== undefined ? 'assign units' : 'change it';
    return conflict(`incident ${incident.id} is closed; cannot ${what} (reopen it by moving it to acknowledged)`);
  }
  if (patch.status !== undefined && !incidentTransitions[incident.status].includes(patch.status)) {
    const allowed = incidentTransitions[incident.status].join(', ');
    return conflict(`incident ${incident.id} is ${incident.status}; cannot move it to ${patch.status} (allowed: ${allowed})`);
  }
  if (patch.assignedUnits !== undefined) {
    if (target !== 'dispatched' && target !== 'on-scene') {
      return conflict(`incident ${incident.id} would be ${target}; units can be assigned only when it is dispatched or on-scene`);
    }
    for (const id of patch.assignedUnits) {
      const unit = city.units.get(id);
      if (unit === undefined) return refuse(422, `${PROBLEM}BadRequestData`, 'Unknown unit', `no unit ${id}`);
      if (unit.incidentId !== incident.id && !incident.assignedUnits.includes(id) && unit.status !== 'available') {
        return conflict(`unit ${unit.callsign} is ${unit.status}${unit.incidentId === null ? '' : ` for ${unit.incidentId}`}; only available units can be dispatched`);
      }
    }
  }
  if (patch.status === 'dispatched' && (patch.assignedUnits ?? incident.assignedUnits).length === 0) {
    return refuse(422, `${PROBLEM}BadRequestData`, 'No units', `dispatching ${incident.id} needs at least one unit in assignedUnits`);
  }
  return ok;
}

export function patchAlert(city: City, id: string, requested: AlertPatch): Outcome {
  const incident = city.incidents.get(id);
  if (incident === undefined) return notFound(id);
  const patch = asReinforcement(incident, requested);
  const check = checkAlertPatch(city, incident, patch);
  if (!check.ok) return check;
  if (patch.severity !== undefined) incident.severity = patch.severity;
  if (patch.description !== undefined) incident.description = patch.description;
  for (const note of patch.notes ?? []) if (!incident.notes.some((n) => n.id === note.id)) incident.notes.push(note);
  if (patch.assignedUnits !== undefined) {
    const wanted = new Set(patch.assignedUnits);
    for (const u of engagedUnits(city, incident)) if (!wanted.has(u.id)) sendHome(city, u);
    const already = new Set(incident.assignedUnits);
    incident.assignedUnits = incident.assignedUnits.filter((u) => wanted.has(u));
    for (const unitId of patch.assignedUnits) {
      const unit = city.units.get(unitId);
      if (unit !== undefined && unit.incidentId !== incident.id && !already.has(unitId)) sendUnit(city, unit, incident);
    }
  }
  if (patch.status !== undefined || patch.assignedUnits !== undefined) {
    // The operator has taken charge: the stand-in consoles stop acting on this incident.
    incident.auto = false;
    incident.nextAutoMs = null;
  }
  incident.modifiedMs = city.nowMs;
  city.markChanged(incident.id);
  if (patch.status !== undefined) setStatus(city, incident, patch.status);
  return ok;
}

/**
 * Append Entity Attributes on an Alert: each note is added as its own instance (by datasetId), leaving the
 * others untouched; an instance with a datasetId already there replaces that one, as NGSI-LD appends do.
 */
export function appendAlert(city: City, id: string, append: AlertAppend): Outcome {
  const incident = city.incidents.get(id);
  if (incident === undefined) return notFound(id);
  if (incident.status === 'closed') return conflict(`incident ${incident.id} is closed; cannot add a note (reopen it by moving it to acknowledged)`);
  for (const note of append.notes) {
    const at = incident.notes.findIndex((n) => n.id === note.id);
    if (at === -1) incident.notes.push(note);
    else incident.notes[at] = note;
  }
  incident.modifiedMs = city.nowMs;
  city.markChanged(incident.id);
  return ok;
}

export function patchVehicle(city: City, id: string, patch: VehiclePatch): Outcome {
  const unit = city.units.get(id);
  if (unit === undefined) return notFound(id);
  if (unit.status !== 'available' && unit.status !== 'out-of-service') {
    return conflict(`unit ${unit.callsign} is ${unit.status}; it can change duty state only when available or out-of-service`);
  }
  unit.status = patch.unitStatus;
  unit.observedMs = city.nowMs;
  city.markChanged(unit.id);
  return ok;
}

export function createAlert(city: City, input: NewAlert): Outcome {
  if (city.incidents.has(input.id) || city.units.has(input.id)) {
    return refuse(409, `${PROBLEM}AlreadyExists`, 'Already exists', `entity ${input.id} already exists`);
  }
  const location = input.location.coordinates;
  city.incidents.set(input.id, {
    id: input.id,
    type: input.incidentType,
    severity: input.severity,
    status: 'new',
    location,
    description: input.description,
    district: input.district ?? nearestPlace(location, DISTRICTS, haversineM).name,
    alertSource: input.alertSource ?? 'urn:ngsi-ld:Organization:phuket:operator-console',
    issuedMs: city.nowMs,
    modifiedMs: city.nowMs,
    statusSinceMs: city.nowMs,
    assignedUnits: [],
    reporterLanguage: input.reporterLanguage ?? null,
    reporterNationality: input.reporterNationality ?? null,
    notes: input.notes,
    auto: false,
    nextAutoMs: null,
    workDoneMs: null,
  });
  city.markChanged(input.id);
  return ok;
}
