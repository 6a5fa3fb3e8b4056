import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import type { BusState } from './schedule';

const { FeedMessage, FeedHeader } = GtfsRealtimeBindings.transit_realtime;

/**
 * Buses as a GTFS-realtime FULL_DATASET of VehiclePositions: each entity's id is its vehicle's, so a bus
 * keeps its id from trip to trip; the header and every fix carry the simulated time, in seconds.
 */
export function encodeVehiclePositions(buses: readonly BusState[], nowMs: number): Uint8Array {
  const seconds = Math.floor(nowMs / 1000);
  return FeedMessage.encode({
    header: { gtfsRealtimeVersion: '2.0', incrementality: FeedHeader.Incrementality.FULL_DATASET, timestamp: seconds },
    entity: buses.map((bus) => ({
      id: bus.vehicleId,
      vehicle: {
        trip: { tripId: bus.tripId, routeId: bus.routeId, directionId: bus.directionId, startDate: bus.startDate },
        vehicle: { id: bus.vehicleId, label: bus.plate, licensePlate: bus.plate },
        position: { longitude: bus.position[0], latitude: bus.position[1], bearing: bus.bearingDeg, speed: bus.speedMps },
        timestamp: seconds,
      },
    })),
  }).finish();
}
