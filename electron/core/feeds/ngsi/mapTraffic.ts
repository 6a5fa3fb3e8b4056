import { z } from 'zod';
import type { RoadSegmentState } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { accept, refuse } from '../result';
import type { FlatEntity } from './flatten';
import type { MapOptions } from './common';
import { boundedTime, describeIssues, LineGeometry, outsideReason, parseTime } from './common';

const TrafficAttrs = z.object({
  location: LineGeometry,
  averageVehicleSpeed: z.number().finite().min(0).max(250),
  dateObserved: z.string().max(64).optional(),
  dateObservedTo: z.string().max(64).optional(),
  intensity: z.number().finite().min(0).max(100_000).optional(),
  occupancy: z.number().finite().min(0).max(1).optional(),
  congested: z.boolean().optional(),
  freeFlowSpeed: z.number().finite().positive().max(250).optional(),
  refRoadSegment: z.string().min(1).max(256).optional(),
  name: z.string().max(200).optional(),
  address: z.object({ streetAddress: z.string().max(200).optional() }).optional(),
});

/** Below this share of free-flow speed a segment counts as congested when the platform does not say. */
const CONGESTED_SHARE = 0.4;

/** TrafficFlowObserved → RoadSegmentState. */
export function mapTraffic(entity: FlatEntity, options: MapOptions): Mapped<RoadSegmentState> {
  if (entity.type !== 'TrafficFlowObserved') return refuse(`${entity.id}: expected TrafficFlowObserved, got ${entity.type}`);
  const parsed = TrafficAttrs.safeParse(entity.attrs);
  if (!parsed.success) return refuse(describeIssues(entity.id, parsed.error));
  const a = parsed.data;
  const outside = outsideReason(options.area, a.location.coordinates);
  if (outside) return refuse(`${entity.id}: ${outside}`);
  const observed = parseTime(a.dateObservedTo) ?? parseTime(a.dateObserved);
  if (observed === null) return refuse(`${entity.id}: dateObserved missing or not a time`);
  const adjusted: string[] = [];
  const observedAt = boundedTime(observed, 'dateObserved', options.receivedAt, adjusted);
  const freeFlow = a.freeFlowSpeed ?? null;
  return accept({
    id: entity.id,
    segmentId: a.refRoadSegment ?? null,
    name: a.name ?? a.address?.streetAddress ?? null,
    path: a.location.coordinates,
    speedKmh: a.averageVehicleSpeed,
    freeFlowKmh: freeFlow,
    intensity: a.intensity ?? null,
    occupancy: a.occupancy ?? null,
    congested: a.congested ?? (freeFlow !== null && a.averageVehicleSpeed < freeFlow * CONGESTED_SHARE),
    observedAt,
  }, adjusted);
}
