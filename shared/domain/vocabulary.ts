import { z } from 'zod';

/** Responding agencies in Phuket. Tourist police are a separate agency (Thai Tourist Police Bureau). */
export const Agency = z.enum(['police', 'tourist-police', 'ems', 'fire', 'rescue', 'marine-rescue']);
export type Agency = z.infer<typeof Agency>;

/** A response unit's duty state, as the platform reports it (Vehicle.serviceStatus plus our detail). */
export const UnitStatus = z.enum(['available', 'dispatched', 'on-scene', 'returning', 'out-of-service']);
export type UnitStatus = z.infer<typeof UnitStatus>;

/** What happened. Each maps to a Smart Data Model Alert category/subCategory (see `incidentTypeToAlert`). */
export const IncidentType = z.enum([
  'traffic-accident',
  'medical',
  'fire',
  'flood',
  'assault',
  'theft',
  'drowning',
  'missing-person',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/**
 * What the console calls an incident: one of the types above, or `other` for any standard Alert (every
 * Smart Data Model category and sub-category) it has no special handling for. An `other` incident shows its
 * category and sub-category; nothing is refused for being unfamiliar.
 */
export const IncidentKind = z.enum([...IncidentType.options, 'other']);
export type IncidentKind = z.infer<typeof IncidentKind>;

/** The Smart Data Model Alert categories (dataModel.Alert `category`); a platform may send others too. */
export const ALERT_CATEGORIES = ['traffic', 'naturalDisaster', 'weather', 'environment', 'health', 'security', 'agriculture'] as const;

/** Smart Data Model Alert severity values. */
export const Severity = z.enum(['informational', 'low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** The incident lifecycle: new → acknowledged → dispatched → on-scene → resolved → closed (closed may be reopened). */
export const IncidentStatus = z.enum(['new', 'acknowledged', 'dispatched', 'on-scene', 'resolved', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

/** Alert.category / Alert.subCategory for each incident type (FIWARE dataModel.Alert vocabulary). */
export const incidentTypeToAlert: Record<IncidentType, { category: string; subCategory: string }> = {
  'traffic-accident': { category: 'traffic', subCategory: 'carAccident' },
  medical: { category: 'health', subCategory: 'heartAttack' },
  fire: { category: 'security', subCategory: 'fire' },
  flood: { category: 'weather', subCategory: 'flood' },
  assault: { category: 'security', subCategory: 'assault' },
  theft: { category: 'security', subCategory: 'robbery' },
  drowning: { category: 'security', subCategory: 'drowning' },
  'missing-person': { category: 'security', subCategory: 'missingPerson' },
};

/** Which agencies answer which incident type, in order of preference. Any agency may answer an `other` one. */
export const agenciesFor: Record<IncidentKind, readonly Agency[]> = {
  'traffic-accident': ['ems', 'police', 'rescue'],
  medical: ['ems', 'rescue'],
  fire: ['fire', 'rescue'],
  flood: ['rescue', 'fire'],
  assault: ['police', 'tourist-police'],
  theft: ['police', 'tourist-police'],
  drowning: ['marine-rescue', 'ems', 'rescue'],
  'missing-person': ['police', 'tourist-police', 'rescue'],
  other: ['police', 'rescue', 'ems', 'fire', 'tourist-police', 'marine-rescue'],
};

/** Allowed status moves; anything else is refused by the platform and by the core. */
export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['acknowledged'],
  acknowledged: ['dispatched', 'resolved'],
  dispatched: ['on-scene', 'resolved'],
  'on-scene': ['resolved'],
  resolved: ['closed', 'acknowledged'],
  closed: ['acknowledged'],
};

/** The area the console and the platform accept coordinates in: Phuket with a margin for the islands and the Andaman approaches. */
export const PHUKET_MARGIN = { west: 97.9, south: 7.3, east: 98.9, north: 8.5 } as const;
