import { z } from 'zod';
import { Agency, IncidentKind, IncidentStatus, Severity, UnitStatus } from './vocabulary';

/** Longitude, latitude in degrees, in that order (GeoJSON), both finite. */
export const LonLat = z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]);
export type LonLat = z.infer<typeof LonLat>;

/** Milliseconds since the Unix epoch. */
const Millis = z.number().int().nonnegative();
const Id = z.string().min(1).max(256);
const ShortText = z.string().max(200);

/** Live traffic on one road segment. */
export const RoadSegmentState = z.object({
  id: Id,
  /** The platform's road segment this observation is about. */
  segmentId: Id.nullable(),
  name: ShortText.nullable(),
  path: z.array(LonLat).min(2).max(2000),
  speedKmh: z.number().finite().min(0).max(250),
  freeFlowKmh: z.number().finite().positive().max(250).nullable(),
  intensity: z.number().finite().min(0).max(100_000).nullable(),
  occupancy: z.number().finite().min(0).max(1).nullable(),
  congested: z.boolean(),
  observedAt: Millis,
});
export type RoadSegmentState = z.infer<typeof RoadSegmentState>;

/** A response unit (police car, ambulance, fire tender, rescue truck, boat). */
export const Unit = z.object({
  id: Id,
  callsign: z.string().min(1).max(40),
  agency: Agency,
  status: UnitStatus,
  position: LonLat,
  headingDeg: z.number().finite().min(0).max(360),
  speedKmh: z.number().finite().min(0).max(250),
  station: ShortText.nullable(),
  assignedIncidentId: Id.nullable(),
  observedAt: Millis,
});
export type Unit = z.infer<typeof Unit>;

export const IncidentNote = z.object({
  id: Id,
  text: z.string().min(1).max(4000),
  author: ShortText,
  at: Millis,
});
export type IncidentNote = z.infer<typeof IncidentNote>;

/** An incident, from an NGSI-LD Alert plus the fields the Smart Data Model lacks. */
export const Incident = z.object({
  id: Id,
  /** What happened; `other` for a standard Alert without special handling (its category says what). */
  type: IncidentKind,
  /** The Alert's own category/subCategory, kept for the record. */
  category: ShortText,
  subCategory: ShortText.nullable(),
  severity: Severity,
  status: IncidentStatus,
  position: LonLat,
  description: z.string().max(4000),
  district: ShortText.nullable(),
  reporterLanguage: z.string().max(35).nullable(),
  reporterNationality: z.string().max(60).nullable(),
  assignedUnitIds: z.array(Id).max(50),
  notes: z.array(IncidentNote).max(500),
  source: ShortText.nullable(),
  reportedAt: Millis,
  updatedAt: Millis,
});
export type Incident = z.infer<typeof Incident>;
