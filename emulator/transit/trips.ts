import type { TimetableFile } from './pksbAssets';
import type { Polyline } from './polyline';
import { project } from './polyline';

/** One stop of a trip: how far along its line, and when (seconds after the service day's local midnight). */
export interface StopTime {
  readonly alongM: number;
  readonly atS: number;
}

export interface TripPlan {
  readonly tripId: string;
  readonly routeId: string;
  readonly directionId: number;
  readonly line: Polyline;
  readonly stops: readonly StopTime[];
  readonly startS: number;
  readonly endS: number;
}

/** A line without a timetable runs on a headway, at an average speed over its whole length. */
export interface HeadwaySpec {
  readonly routeId: string;
  readonly directionId: number;
  readonly firstS: number;
  readonly lastS: number;
  readonly everyS: number;
  readonly kmh: number;
}

const H = 3600;
/** From the PKSB stop boards (bus_stop_all.geojson): the Patong line hourly, the Dragon Line every 15 minutes. */
export const HEADWAYS: readonly HeadwaySpec[] = [
  { routeId: 'patong-old-bus-station', directionId: 0, firstS: 6 * H, lastS: 20 * H, everyS: H, kmh: 22 },
  { routeId: 'patong-old-bus-station', directionId: 1, firstS: 6 * H, lastS: 21 * H, everyS: H, kmh: 22 },
  { routeId: 'dragon-line', directionId: 0, firstS: 10 * H, lastS: 21 * H, everyS: 15 * 60, kmh: 12 },
];

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A timetable's clock times as seconds into the service day: a time well before the previous one is after
 * midnight, and a time slightly before it (the transcribed timetable has one) is held at the previous.
 */
export function serviceSeconds(times: readonly string[]): number[] {
  const out: number[] = [];
  let dayOffset = 0;
  for (const t of times) {
    const prev = out[out.length - 1];
    let s = minutesOf(t) * 60 + dayOffset;
    if (prev !== undefined && s < prev - 12 * H) {
      dayOffset += 24 * H;
      s += 24 * H;
    }
    out.push(prev === undefined ? s : Math.max(prev, s));
  }
  return out;
}

/** The timetable's trips along the line: each stop placed on the line in order, each trip at its clock times. */
export function timetableTrips(timetable: TimetableFile, line: Polyline, directionId: number): TripPlan[] {
  const along: number[] = [];
  for (const stop of timetable.stops) along.push(project(line, [stop.lng, stop.lat], along[along.length - 1] ?? 0));
  return timetable.departures.map((departure) => {
    const served = departure.times.flatMap((time, i) => (time === null || along[i] === undefined ? [] : [{ time, alongM: along[i] }]));
    const seconds = serviceSeconds(served.map((x) => x.time));
    const stops = served.map((x, i) => ({ alongM: x.alongM, atS: seconds[i] ?? 0 }));
    return plan(`${timetable.route}-${directionId}-${String(departure.trip).padStart(2, '0')}`, timetable.route, directionId, line, stops);
  });
}

export function headwayTrips(spec: HeadwaySpec, line: Polyline): TripPlan[] {
  const runS = Math.round(line.lengthM / (spec.kmh / 3.6));
  const trips: TripPlan[] = [];
  for (let start = spec.firstS; start <= spec.lastS; start += spec.everyS) {
    const hhmm = `${String(Math.floor(start / H)).padStart(2, '0')}${String(Math.floor((start % H) / 60)).padStart(2, '0')}`;
    const stops = [
      { alongM: 0, atS: start },
      { alongM: line.lengthM, atS: start + runS },
    ];
    trips.push(plan(`${spec.routeId}-${spec.directionId}-${hhmm}`, spec.routeId, spec.directionId, line, stops));
  }
  return trips;
}

function plan(tripId: string, routeId: string, directionId: number, line: Polyline, stops: StopTime[]): TripPlan {
  return { tripId, routeId, directionId, line, stops, startS: stops[0]?.atS ?? 0, endS: stops[stops.length - 1]?.atS ?? 0 };
}

/** A bus waits at each stop after the first this long, at most half the time to the next. */
const DWELL_S = 30;

/** Where a trip's bus is s seconds into its service day: metres along, and its speed (0 while at a stop). */
export function progress(trip: TripPlan, s: number): { alongM: number; speedMps: number } {
  for (let k = 0; k < trip.stops.length - 1; k++) {
    const from = trip.stops[k];
    const to = trip.stops[k + 1];
    if (from === undefined || to === undefined || s >= to.atS) continue;
    const dwell = k === 0 ? 0 : Math.min(DWELL_S, (to.atS - from.atS) / 2);
    const leaves = from.atS + dwell;
    if (s < leaves) return { alongM: from.alongM, speedMps: 0 };
    const speedMps = (to.alongM - from.alongM) / (to.atS - leaves);
    return { alongM: from.alongM + speedMps * (s - leaves), speedMps };
  }
  return { alongM: trip.stops[trip.stops.length - 1]?.alongM ?? 0, speedMps: 0 };
}
