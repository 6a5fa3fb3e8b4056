import type { PksbAssets } from './pksbAssets';
import type { Polyline } from './polyline';
import { measure, pointAlong } from './polyline';
import type { TripPlan } from './trips';
import { HEADWAYS, headwayTrips, progress, timetableTrips } from './trips';

export interface Vehicle {
  readonly vehicleId: string;
  readonly plate: string;
}

/** One bus on the road at a moment: what a GTFS-realtime VehiclePosition says. */
export interface BusState extends Vehicle {
  readonly routeId: string;
  readonly tripId: string;
  readonly directionId: number;
  /** The service day, YYYYMMDD, as GTFS writes it. */
  readonly startDate: string;
  readonly position: readonly [number, number];
  readonly bearingDeg: number;
  readonly speedMps: number;
}

export interface PksbSchedule {
  readonly trips: readonly (TripPlan & { vehicle: Vehicle })[];
  /** Trips no vehicle of their line was free for: skipped, and said once at start. */
  readonly unassigned: readonly string[];
  busesAt(nowMs: number): BusState[];
}

/** Phuket is UTC+7 all year; the timetables are in its local time. */
const PHUKET_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const LAYOVER_S = 5 * 60;

/** Which plates of the live sample run which line (those the sample saw on the Dragon and Patong lines; the rest the airport line). */
const LINE_OF_PLATE: Readonly<Record<string, string>> = {
  '10-1264': 'dragon-line',
  '10-1265': 'dragon-line',
  '10-1159': 'dragon-line',
  '10-1218': 'patong-old-bus-station',
  '10-1219': 'patong-old-bus-station',
  '10-1220': 'patong-old-bus-station',
  '10-1222': 'patong-old-bus-station',
  '10-1223': 'patong-old-bus-station',
  '10-1147': 'patong-old-bus-station',
};
const AIRPORT = 'rawai-airport';

export function createPksbSchedule(assets: PksbAssets): PksbSchedule {
  const lines = new Map<string, Polyline>();
  for (const f of assets.lines.features) lines.set(`${f.properties.routeId}/${f.properties.directionId}`, measure(f.geometry.coordinates));
  const lineOf = (routeId: string, directionId: number): Polyline => {
    const line = lines.get(`${routeId}/${directionId}`);
    if (line === undefined) throw new Error(`lines.geojson has no ${routeId} direction ${directionId}`);
    return line;
  };
  const plans = [
    ...assets.timetables.flatMap((tt, directionId) => timetableTrips(tt, lineOf(AIRPORT, directionId), directionId)),
    ...HEADWAYS.flatMap((spec) => headwayTrips(spec, lineOf(spec.routeId, spec.directionId))),
  ];
  const { trips, unassigned } = assignVehicles(plans, assets.fleet.vehicles);
  return { trips, unassigned, busesAt: (nowMs) => busesAt(trips, nowMs) };
}

/**
 * Gives each trip a bus of its line, first come first served, so a plate keeps its FeedEntity id from trip
 * to trip and is never on two trips at once. The same plan repeats every day.
 */
export function assignVehicles(plans: readonly TripPlan[], fleet: readonly Vehicle[]): Pick<PksbSchedule, 'trips' | 'unassigned'> {
  const busyUntil = new Map<Vehicle, number>();
  const trips: (TripPlan & { vehicle: Vehicle })[] = [];
  const unassigned: string[] = [];
  for (const plan of [...plans].sort((a, b) => a.startS - b.startS)) {
    const pool = fleet.filter((v) => (LINE_OF_PLATE[v.plate] ?? AIRPORT) === plan.routeId);
    const free = pool.filter((v) => (busyUntil.get(v) ?? -Infinity) + LAYOVER_S <= plan.startS);
    free.sort((a, b) => (busyUntil.get(a) ?? -Infinity) - (busyUntil.get(b) ?? -Infinity));
    const vehicle = free[0];
    if (vehicle === undefined) {
      unassigned.push(plan.tripId);
      continue;
    }
    busyUntil.set(vehicle, plan.endS);
    trips.push({ ...plan, vehicle: { vehicleId: vehicle.vehicleId, plate: vehicle.plate } });
  }
  return { trips, unassigned };
}

function busesAt(trips: PksbSchedule['trips'], nowMs: number): BusState[] {
  const localMs = nowMs + PHUKET_OFFSET_MS;
  const today = Math.floor(localMs / DAY_MS);
  const out: BusState[] = [];
  // Yesterday's late trips run on past midnight.
  for (const day of [today - 1, today]) {
    const s = (localMs - day * DAY_MS) / 1000;
    const startDate = new Date(day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
    for (const trip of trips) {
      if (s < trip.startS || s >= trip.endS) continue;
      const { alongM, speedMps } = progress(trip, s);
      const { position, bearingDeg } = pointAlong(trip.line, alongM);
      out.push({ ...trip.vehicle, routeId: trip.routeId, tripId: trip.tripId, directionId: trip.directionId, startDate, position, bearingDeg, speedMps });
    }
  }
  return out;
}
