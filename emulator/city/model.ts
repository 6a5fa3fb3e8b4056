import { z } from 'zod';
import { Agency, IncidentStatus, IncidentType, Severity, UnitStatus } from '../../shared/domain';

/** The city's state as plain data: zod schemas so a saved state file is validated on load, not trusted. */
export const Position = z.tuple([z.number(), z.number()]);

export const Note = z.object({ id: z.string().min(1), text: z.string(), author: z.string(), at: z.string() });
export type Note = z.infer<typeof Note>;

export const Incident = z.object({
  id: z.string(),
  type: IncidentType,
  severity: Severity,
  status: IncidentStatus,
  location: Position,
  description: z.string(),
  district: z.string(),
  alertSource: z.string(),
  issuedMs: z.number(),
  modifiedMs: z.number(),
  statusSinceMs: z.number(),
  assignedUnits: z.array(z.string()),
  reporterLanguage: z.string().nullable(),
  reporterNationality: z.string().nullable(),
  notes: z.array(Note),
  /** True when the city's stand-in consoles handle it; false leaves it to the operator. */
  auto: z.boolean(),
  /** When the stand-in consoles act next (auto incidents only). */
  nextAutoMs: z.number().nullable(),
  /** When the crews on scene finish. */
  workDoneMs: z.number().nullable(),
});
export type Incident = z.infer<typeof Incident>;

/** One straight piece of a unit's route; `segment` links it to live traffic, null for off-road or sea legs. */
export const Leg = z.object({ from: Position, to: Position, lengthM: z.number(), segment: z.number().nullable() });
export type Leg = z.infer<typeof Leg>;

export const Station = z.object({ name: z.string(), location: Position, node: z.number() });
export type Station = z.infer<typeof Station>;

export const Unit = z.object({
  id: z.string(),
  callsign: z.string(),
  agency: Agency,
  status: UnitStatus,
  station: Station,
  location: Position,
  heading: z.number(),
  speedKmh: z.number(),
  incidentId: z.string().nullable(),
  legs: z.array(Leg),
  legIndex: z.number(),
  legOffsetM: z.number(),
  observedMs: z.number(),
});
export type Unit = z.infer<typeof Unit>;

export const alertId = (n: number): string => `urn:ngsi-ld:Alert:phuket:${n}`;
export const vehicleId = (callsign: string): string => `urn:ngsi-ld:Vehicle:phuket:${callsign}`;
export const trafficId = (segmentIndex: number): string => `urn:ngsi-ld:TrafficFlowObserved:phuket:${segmentIndex + 1}`;

export const isOpen = (i: Incident): boolean => i.status !== 'resolved' && i.status !== 'closed';
