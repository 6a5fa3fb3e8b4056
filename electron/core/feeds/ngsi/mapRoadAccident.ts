import { z } from 'zod';
import type { Incident, IncidentStatus, Severity } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { accept, refuse } from '../result';
import type { FlatEntity } from './flatten';
import type { MapOptions } from './common';
import { boundedTime, describeIssues, outsideReason, parseTime, PointGeometry } from './common';

const Count = z.number().int().min(0).max(100_000).optional();

/** Smart Data Model Transportation `RoadAccident`: status is its only required attribute besides id and type. */
const RoadAccidentAttrs = z.object({
  location: PointGeometry,
  status: z.enum(['onGoing', 'solved', 'archived']),
  accidentDate: z.string().max(64).optional(),
  dateModified: z.string().max(64).optional(),
  description: z.string().max(4000).optional(),
  source: z.string().max(200).optional(),
  totalInjured: Count,
  totalDeadPeopleWithin24Hours: Count,
  numPedestrianDead: Count,
  numPassengersDead: Count,
  address: z.object({ district: z.string().max(200).optional() }).loose().optional(),
});

const STATUS: Record<z.infer<typeof RoadAccidentAttrs>['status'], IncidentStatus> = { onGoing: 'new', solved: 'resolved', archived: 'closed' };

function severityOf(a: z.infer<typeof RoadAccidentAttrs>): Severity {
  const dead = (a.totalDeadPeopleWithin24Hours ?? 0) + (a.numPedestrianDead ?? 0) + (a.numPassengersDead ?? 0);
  if (dead > 0) return 'critical';
  return (a.totalInjured ?? 0) > 0 ? 'high' : 'medium';
}

/**
 * RoadAccident → a traffic-accident Incident. The model has no severity: it is read from the casualties
 * (dead: critical, injured: high, otherwise medium). Its status maps onGoing → new, solved → resolved, archived → closed.
 */
export function mapRoadAccident(entity: FlatEntity, options: MapOptions): Mapped<Incident> {
  if (entity.type !== 'RoadAccident') return refuse(`${entity.id}: expected RoadAccident, got ${entity.type}`);
  const parsed = RoadAccidentAttrs.safeParse(entity.attrs);
  if (!parsed.success) return refuse(describeIssues(entity.id, parsed.error));
  const a = parsed.data;
  const outside = outsideReason(options.area, [a.location.coordinates]);
  if (outside) return refuse(`${entity.id}: ${outside}`);
  const adjusted: string[] = [];
  const happened = parseTime(a.accidentDate);
  const reportedAt = happened === null ? options.receivedAt : boundedTime(happened, 'accidentDate', options.receivedAt, adjusted);
  const modified = parseTime(a.dateModified);
  const updatedAt = modified === null ? reportedAt : boundedTime(modified, 'dateModified', options.receivedAt, adjusted);
  return accept(
    {
      id: entity.id,
      type: 'traffic-accident',
      category: 'traffic',
      subCategory: 'roadAccident',
      severity: severityOf(a),
      status: STATUS[a.status],
      position: a.location.coordinates,
      description: a.description ?? '',
      district: a.address?.district ?? null,
      reporterLanguage: null,
      reporterNationality: null,
      assignedUnitIds: [],
      notes: [],
      source: a.source ?? null,
      reportedAt,
      updatedAt,
    },
    adjusted,
  );
}
