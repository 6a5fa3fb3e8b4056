import type { transit_realtime } from 'gtfs-realtime-bindings';
import { Bus } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { accept, refuse } from '../result';
import { boundedTime, describeIssues, inArea, PHUKET } from '../ngsi/common';

export interface MapContext {
  readonly receivedAt: number;
  /** The feed header's time, ms (already bounded): a vehicle without its own timestamp was seen then. */
  readonly headerAt: number | null;
}

/** protobufjs leaves absent optional fields on the prototype (0, ""), so presence is an own property. */
const has = (message: object, field: string): boolean => Object.prototype.hasOwnProperty.call(message, field);

/** A uint64 of seconds (a Long, or a number when protobufjs runs without long.js) as ms; null when absent or 0. */
export function secondsToMs(value: number | { toNumber(): number } | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const seconds = typeof value === 'number' ? value : value.toNumber();
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

const MAX_SPEED_MPS = 250 / 3.6;
const text = (value: string | null | undefined, max: number): string | null => (value ? value.slice(0, max) : null);

/** The entity's id: FeedEntity.id, or the vehicle's own id when a publisher leaves it empty. */
export const entityId = (entity: transit_realtime.IFeedEntity): string => entity.id || entity.vehicle?.vehicle?.id || '';

/**
 * One FeedEntity → Bus. Null for an entity that is not a vehicle position (a TripUpdate or Alert in a mixed
 * feed is not ours to judge). A speed or time that cannot be right is dropped or clamped and said in `adjusted`.
 */
export function mapVehiclePosition(entity: transit_realtime.IFeedEntity, context: MapContext): Mapped<Bus> | null {
  const vehicle = entity.vehicle;
  if (!vehicle) return null;
  const id = entityId(entity);
  if (id === '') return refuse('a vehicle position without an entity or vehicle id');
  if (id.length > 256) return refuse(`${id.slice(0, 40)}…: id longer than 256 characters`);
  const position = vehicle.position;
  if (!position) return refuse(`${id}: no position`);
  const lon = position.longitude;
  const lat = position.latitude;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return refuse(`${id}: position is not a number`);
  if (!inArea(PHUKET, [lon, lat])) return refuse(`${id}: position ${lat.toFixed(5)}, ${lon.toFixed(5)} (lat, lon) is outside the service area`);

  const adjusted: string[] = [];
  const fixAt = has(vehicle, 'timestamp') ? secondsToMs(vehicle.timestamp) : null;
  const observedAt = boundedTime(fixAt ?? context.headerAt ?? context.receivedAt, `${id}: timestamp`, context.receivedAt, adjusted);

  const bearing = has(position, 'bearing') && Number.isFinite(position.bearing) ? position.bearing : null;
  let speedKmh: number | null = null;
  if (has(position, 'speed') && typeof position.speed === 'number') {
    if (Number.isFinite(position.speed) && position.speed >= 0 && position.speed <= MAX_SPEED_MPS) speedKmh = position.speed * 3.6;
    else adjusted.push(`${id}: speed ${position.speed} m/s is not believable; dropped`);
  }

  const bus = {
    id,
    label: text(vehicle.vehicle?.label, 60) ?? text(vehicle.vehicle?.licensePlate, 60),
    routeId: text(vehicle.trip?.routeId, 100),
    tripId: text(vehicle.trip?.tripId, 200),
    position: [lon, lat],
    bearingDeg: bearing === null || bearing === undefined ? null : ((bearing % 360) + 360) % 360,
    speedKmh,
    observedAt,
  };
  const parsed = Bus.safeParse(bus);
  return parsed.success ? accept(parsed.data, adjusted) : refuse(describeIssues(id, parsed.error));
}
