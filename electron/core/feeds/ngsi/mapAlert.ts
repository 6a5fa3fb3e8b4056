import { z } from 'zod';
import { IncidentKind, IncidentStatus, IncidentType, incidentTypeToAlert, Severity } from '../../../../shared/domain';
import type { Incident } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { accept, refuse } from '../result';
import { readNotes } from './alertNotes';
import type { FlatEntity } from './flatten';
import type { MapOptions } from './common';
import { boundedTime, describeIssues, outsideReason, parseTime, PointGeometry } from './common';

const AlertAttrs = z.object({
  location: PointGeometry,
  category: z.string().min(1).max(60),
  subCategory: z.string().max(60).optional(),
  severity: Severity,
  description: z.string().max(4000).optional(),
  dateIssued: z.string().max(64),
  dateModified: z.string().max(64).optional(),
  alertSource: z.string().max(200).optional(),
  incidentType: IncidentKind.optional(),
  status: IncidentStatus.optional(),
  assignedUnits: z.array(z.string().min(1).max(256)).max(50).optional(),
  district: z.string().max(200).optional(),
  reporterLanguage: z.string().max(35).optional(),
  reporterNationality: z.string().max(60).optional(),
  // Shapes vary (one array, or one instance per note): readNotes judges them.
  notes: z.unknown().optional(),
});

/**
 * Smart Data Model subCategories that name one of our incident types, beyond the ones we publish ourselves.
 * A Map, never an object lookup: `subCategory: "toString"` must find nothing, not Object.prototype.toString.
 */
const SUBCATEGORY_TYPES = new Map<string, IncidentType>([
  ...Object.entries(incidentTypeToAlert).flatMap(([type, alert]): [string, IncidentType][] => {
    const parsed = IncidentType.safeParse(type);
    return parsed.success ? [[alert.subCategory, parsed.data]] : [];
  }),
  ['injuredBiker', 'traffic-accident'],
  ['asthmaAttack', 'medical'],
  ['bumpedPatient', 'medical'],
  ['fallenPatient', 'medical'],
  ['fireRisk', 'fire'],
  ['forestFire', 'fire'],
  ['tsunami', 'flood'],
  ['theft', 'theft'],
  ['suspiciousAction', 'assault'],
]);

/** Alert → Incident. The Smart Data Model fields are required; our additions are optional with sensible defaults. Nothing is refused for being unfamiliar. */
export function mapAlert(entity: FlatEntity, options: MapOptions): Mapped<Incident> {
  if (entity.type !== 'Alert') return refuse(`${entity.id}: expected Alert, got ${entity.type}`);
  const parsed = AlertAttrs.safeParse(entity.attrs);
  if (!parsed.success) return refuse(describeIssues(entity.id, parsed.error));
  const a = parsed.data;
  const outside = outsideReason(options.area, [a.location.coordinates]);
  if (outside) return refuse(`${entity.id}: ${outside}`);
  // Every standard category and sub-category is an incident: one without special handling is `other`.
  const type = a.incidentType ?? (a.subCategory === undefined ? undefined : SUBCATEGORY_TYPES.get(a.subCategory)) ?? 'other';
  const issued = parseTime(a.dateIssued);
  if (issued === null) return refuse(`${entity.id}: dateIssued is not a time`);
  const read = readNotes(entity.instances.get('notes') ?? (a.notes === undefined ? [] : [a.notes]));
  if (!read.ok) return refuse(`${entity.id}: ${read.reason}`);
  const adjusted: string[] = [];
  const reportedAt = boundedTime(issued, 'dateIssued', options.receivedAt, adjusted);
  const modified = parseTime(a.dateModified);
  const updatedAt = modified === null ? reportedAt : boundedTime(modified, 'dateModified', options.receivedAt, adjusted);
  const notes = read.notes.map((n) => ({ ...n, at: boundedTime(typeof n.at === 'number' ? n.at : (parseTime(n.at) ?? reportedAt), `note ${n.id}`, options.receivedAt, adjusted) }));
  return accept(
    {
      id: entity.id,
      type,
      category: a.category,
      subCategory: a.subCategory ?? null,
      severity: a.severity,
      status: a.status ?? 'new',
      position: a.location.coordinates,
      description: a.description ?? '',
      district: a.district ?? null,
      reporterLanguage: a.reporterLanguage ?? null,
      reporterNationality: a.reporterNationality ?? null,
      assignedUnitIds: a.assignedUnits ?? [],
      notes,
      source: a.alertSource ?? null,
      reportedAt,
      updatedAt,
    },
    adjusted,
  );
}
