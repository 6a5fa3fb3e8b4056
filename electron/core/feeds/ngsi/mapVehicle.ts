import { z } from 'zod';
import { Agency, UnitStatus } from '../../../../shared/domain';
import type { Unit } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { accept, refuse } from '../result';
import type { FlatEntity } from './flatten';
import type { MapOptions } from './common';
import { boundedTime, describeIssues, outsideReason, parseTime, PointGeometry } from './common';

const Label = z.string().min(1).max(40);

const VehicleAttrs = z.object({
  location: PointGeometry,
  vehicleType: z.string().max(60).optional(),
  vehicleSpecialUsage: z.string().max(60).optional(),
  agency: Agency.optional(),
  unitStatus: UnitStatus.optional(),
  serviceStatus: z.string().max(60).optional(),
  callsign: Label.optional(),
  fleetVehicleId: Label.optional(),
  vehiclePlateIdentifier: Label.optional(),
  name: Label.optional(),
  heading: z.number().finite().optional(),
  bearing: z.number().finite().optional(),
  speed: z.number().finite().min(0).max(250).optional(),
  station: z.string().max(200).optional(),
  assignedIncident: z.string().min(1).max(256).optional(),
  dateModified: z.string().max(64).optional(),
});
type VehicleAttrs = z.infer<typeof VehicleAttrs>;

/** Smart Data Model vehicle kinds that are response units, for platforms that do not send our `agency`. */
function agencyOf(a: VehicleAttrs): Agency | null {
  if (a.agency) return a.agency;
  const kind = `${a.vehicleSpecialUsage ?? ''} ${a.vehicleType ?? ''}`;
  if (/ambulance/i.test(kind)) return 'ems';
  if (/fire/i.test(kind)) return 'fire';
  if (/police/i.test(kind)) return 'police';
  return null;
}

/** Smart Data Model serviceStatus → our unit status. A Map: `serviceStatus: "valueOf"` must find nothing. */
const SERVICE_STATUS = new Map<string, UnitStatus>([
  ['parked', 'available'],
  ['onRoute', 'dispatched'],
  ['outOfService', 'out-of-service'],
  ['broken', 'out-of-service'],
]);

const normalizeHeading = (deg: number) => ((deg % 360) + 360) % 360;

/** Vehicle → Unit. A vehicle that is not a response unit (a waste lorry, say) is refused, with that reason. */
export function mapVehicle(entity: FlatEntity, options: MapOptions): Mapped<Unit> {
  if (entity.type !== 'Vehicle') return refuse(`${entity.id}: expected Vehicle, got ${entity.type}`);
  const parsed = VehicleAttrs.safeParse(entity.attrs);
  if (!parsed.success) return refuse(describeIssues(entity.id, parsed.error));
  const a = parsed.data;
  const outside = outsideReason(options.area, [a.location.coordinates]);
  if (outside) return refuse(`${entity.id}: ${outside}`);
  const agency = agencyOf(a);
  if (!agency) return refuse(`${entity.id}: vehicleType ${a.vehicleType ?? '(none)'} is not a response unit`);
  const status = a.unitStatus ?? SERVICE_STATUS.get(a.serviceStatus ?? 'parked');
  if (!status) return refuse(`${entity.id}: unknown serviceStatus ${a.serviceStatus}`);
  const adjusted: string[] = [];
  const observed = parseTime(entity.observedAt['location']) ?? parseTime(a.dateModified);
  const observedAt = observed === null ? options.receivedAt : boundedTime(observed, 'observedAt', options.receivedAt, adjusted);
  return accept({
    id: entity.id,
    callsign: a.callsign ?? a.fleetVehicleId ?? a.vehiclePlateIdentifier ?? a.name ?? entity.id.slice(-40),
    agency,
    status,
    position: a.location.coordinates,
    headingDeg: normalizeHeading(a.heading ?? a.bearing ?? 0),
    speedKmh: a.speed ?? 0,
    station: a.station ?? null,
    assignedIncidentId: a.assignedIncident ?? null,
    observedAt,
  }, adjusted);
}
