import { z } from 'zod';
import { LonLat } from './model';
import { IncidentStatus, IncidentType, Severity } from './vocabulary';

/** Who is at the console: every action and audit record names them. */
export const OperatorProfile = z.object({
  name: z.string().min(1).max(100),
  role: z.enum(['operator', 'supervisor', 'viewer']),
  workstation: z.string().min(1).max(100),
});
export type OperatorProfile = z.infer<typeof OperatorProfile>;

/** A client-generated action id: UUIDv7, so ids also sort by creation time. */
export const ActionId = z.uuid({ version: 'v7' });

/** The emergency line a call came in on: police, emergency medical, fire, tourist police, or another. */
export const CallLine = z.enum(['191', '1669', '199', '1155', 'other']);
export type CallLine = z.infer<typeof CallLine>;

/** An incident id this console makes for a call: `urn:ngsi-ld:Alert:<uuidv7>`, so the platform can deduplicate a resent create. */
export const NewIncidentId = z.string().regex(/^urn:ngsi-ld:Alert:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be urn:ngsi-ld:Alert:<uuidv7>');

/** What the call-taker writes down: the incident, and who called, on which line, in which language. */
export const NewIncident = z.object({
  type: IncidentType,
  severity: Severity,
  position: LonLat,
  description: z.string().trim().max(2000),
  /** Amphoe (district) name in English, as the Alert's `district` carries it. */
  district: z.string().max(200).nullable(),
  /** The place the call-taker picked, in the UI's language at the time. */
  place: z.string().max(200).nullable(),
  callerName: z.string().trim().max(100),
  callerPhone: z.string().trim().max(40),
  /** BCP 47 tag. */
  callerLanguage: z.string().max(35).nullable(),
  /** ISO 3166-1 alpha-2. */
  callerNationality: z.string().regex(/^[A-Z]{2}$/).nullable(),
  line: CallLine,
});
export type NewIncident = z.infer<typeof NewIncident>;

/** Units a supervisor takes out of service and back: the two duty states the platform lets a console set. */
export const UnitServiceStatus = z.enum(['out-of-service', 'available']);
export type UnitServiceStatus = z.infer<typeof UnitServiceStatus>;

const IncidentRef = z.string().min(1).max(256);
/** A citizen report linked to the incident by this action (promoted to it, or attached to it as a note). */
const ReportRef = z.string().min(1).max(256).optional();

/** What an operator asks for. Every action travels the same path: local state + outbox + audit, then the platform. */
export const OperatorAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acknowledge'), incidentId: IncidentRef }),
  z.object({ kind: z.literal('note'), incidentId: IncidentRef, noteId: z.string().min(1).max(64), text: z.string().trim().min(1).max(4000), reportId: ReportRef }),
  z.object({ kind: z.literal('status'), incidentId: IncidentRef, status: IncidentStatus }),
  z.object({ kind: z.literal('dispatch'), incidentId: IncidentRef, unitIds: z.array(z.string().min(1).max(256)).min(1).max(20) }),
  /** A new incident from a call, created on the platform as an NGSI-LD Alert with this console's id. */
  z.object({ kind: z.literal('create'), incidentId: NewIncidentId, incident: NewIncident, reportId: ReportRef }),
  /** A standard operating procedure item checked (or unchecked): this console's record, audited, not sent. */
  z.object({ kind: z.literal('sop-check'), incidentId: IncidentRef, sopId: z.string().min(1).max(64), version: z.number().int().positive(), itemId: z.string().min(1).max(64), checked: z.boolean() }),
  /** A unit out of service or back; it names no incident (`incidentId` stays absent so every action reads alike). */
  z.object({ kind: z.literal('unit-service'), unitId: z.string().min(1).max(256), status: UnitServiceStatus, incidentId: z.undefined().optional() }),
]);
export type OperatorAction = z.infer<typeof OperatorAction>;

/** The entity an action changes: its incident, or the unit. Actions on one subject are delivered in order. */
export const subjectOf = (action: OperatorAction): string => (action.kind === 'unit-service' ? action.unitId : action.incidentId);

/** The citizen report an action links to its incident, if any: delivered to the reports platform after the incident's own change. */
export const reportOf = (action: OperatorAction): string | null => ((action.kind === 'note' || action.kind === 'create') && action.reportId !== undefined ? action.reportId : null);

/** Actions that are this console's own record and never go to the platform: settled the moment they are written. */
export const isLocalOnly = (action: Pick<OperatorAction, 'kind'>): boolean => action.kind === 'sop-check';

/**
 * Where an action is on its way to the platform.
 * queued: saved locally, not yet accepted; confirmed: the platform applied it (or had already);
 * rejected: the platform refused it, with its reason: it needs the operator's attention.
 */
export const DeliveryState = z.enum(['queued', 'confirmed', 'rejected']);
export type DeliveryState = z.infer<typeof DeliveryState>;

export const OutboxEntry = z.object({
  actionId: ActionId,
  /** Order of creation on this console. */
  seq: z.number().int().positive(),
  action: OperatorAction,
  actor: OperatorProfile,
  createdAt: z.number().int().nonnegative(),
  state: DeliveryState,
  attempts: z.number().int().nonnegative(),
  /** Earliest time of the next attempt (backoff); null once settled. */
  nextAttemptAt: z.number().int().nonnegative().nullable(),
  lastError: z.string().max(2000).nullable(),
  settledAt: z.number().int().nonnegative().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
