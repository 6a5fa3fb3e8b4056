import { z } from 'zod';
import { PHUKET_MARGIN } from '../../../../shared/domain';
import { ANY_FINITE, positionListSchema, positionSchema } from './positions';

/** Where the console accepts coordinates. Tests of the official (Spanish) examples widen it to the world. */
export interface Area {
  west: number;
  south: number;
  east: number;
  north: number;
}
export const PHUKET: Area = PHUKET_MARGIN;
export const WORLD: Area = { west: -180, south: -90, east: 180, north: 90 };

export interface MapOptions {
  area: Area;
  /** When the console received the entity: the fallback for an entity that carries no time of its own. */
  receivedAt: number;
}

/** On the wire only finiteness is checked; the area check then says what is wrong (and spots [lat, lon]). */
export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: positionSchema(ANY_FINITE) });
export const LineGeometry = z.object({ type: z.literal('LineString'), coordinates: positionListSchema(ANY_FINITE, 2, 2000) });

export function inArea(area: Area, point: readonly [number, number]): boolean {
  return point[0] >= area.west && point[0] <= area.east && point[1] >= area.south && point[1] <= area.north;
}

/** Says where a coordinate went wrong, and recognises the commonest mistake: [lat, lon] for [lon, lat]. */
export function outsideReason(area: Area, points: readonly (readonly [number, number])[]): string | null {
  const bad = points.find((p) => !inArea(area, p));
  if (!bad) return null;
  const swapped = inArea(area, [bad[1], bad[0]]);
  return `coordinate [${bad[0]}, ${bad[1]}] is outside the service area${swapped ? ' (it looks like [lat, lon]; NGSI-LD uses [lon, lat])' : ''}`;
}

/** NGSI times are ISO 8601; `dateObserved` may be an interval `start/end`, of which the end is the observation time. */
export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const end = value.includes('/') ? value.slice(value.indexOf('/') + 1) : value;
  const ms = Date.parse(end);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** How far ahead of our clock a platform's time may be (clock skew); past it the time is not believed. */
export const MAX_FUTURE_MS = 5 * 60_000;

/**
 * A platform time, bounded: more than MAX_FUTURE_MS after receipt it is clamped to the receive time, with a
 * note in `adjusted`. Believed, a year-9999 time would freeze the entity (latest-wins refuses every later update).
 * Clamping rather than refusing keeps an emulator whose simulated clock runs fast usable.
 */
export function boundedTime(ms: number, label: string, receivedAt: number, adjusted: string[]): number {
  if (ms <= receivedAt + MAX_FUTURE_MS) return ms;
  adjusted.push(`${label} ${ms <= 8.64e15 ? new Date(ms).toISOString() : String(ms)} is in the future; clamped to the receive time`);
  return receivedAt;
}

/** Turns zod issues into one line naming the entity and each bad attribute. */
export function describeIssues(id: string, error: z.ZodError): string {
  return `${id}: ${error.issues
    .slice(0, 4)
    .map((i) => `${i.path.join('.') || 'entity'} ${i.message}`)
    .join('; ')}`;
}
