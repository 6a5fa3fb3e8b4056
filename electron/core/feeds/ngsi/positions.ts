import { z } from 'zod';

/** [lon, lat], GeoJSON's order. */
export type Position = [number, number];

/** How far from zero each coordinate may be: the domain's [-180, 180] × [-90, 90], or only finiteness on the wire. */
export interface PositionLimits {
  readonly lon: number;
  readonly lat: number;
}
export const ANY_FINITE: PositionLimits = { lon: Number.POSITIVE_INFINITY, lat: Number.POSITIVE_INFINITY };
export const LON_LAT: PositionLimits = { lon: 180, lat: 90 };

const within = (value: unknown, limit: number): boolean => typeof value === 'number' && Number.isFinite(value) && value >= -limit && value <= limit;

/** Exactly two finite numbers, each within its limit: what `z.tuple([z.number()…, z.number()…])` accepts. */
function isPosition(value: unknown, limits: PositionLimits): value is Position {
  return Array.isArray(value) && value.length === 2 && within(value[0], limits.lon) && within(value[1], limits.lat);
}

/** Why a value is not a position, in the words an operator reads in feed health. */
function positionIssue(value: unknown, limits: PositionLimits): string {
  if (!Array.isArray(value) || value.length !== 2) return 'expected a position [lon, lat] of two numbers';
  const [lon, lat] = value;
  if (!within(lon, limits.lon)) return `longitude ${String(lon)} is not a finite number${Number.isFinite(limits.lon) ? ` within ±${limits.lon}` : ''}`;
  return `latitude ${String(lat)} is not a finite number${Number.isFinite(limits.lat) ? ` within ±${limits.lat}` : ''}`;
}

function isPositionList(value: unknown, limits: PositionLimits, min: number, max: number): value is Position[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  for (const point of value) if (!isPosition(point, limits)) return false;
  return true;
}

/**
 * One position, checked in a plain loop rather than as a zod tuple: per-point tuples (each parse a new array
 * and its issue bookkeeping) were most of the ingest path's time and garbage, a road segment having dozens of
 * points checked twice. Accepts exactly what the tuple did, and hands the value on without copying it.
 */
export function positionSchema(limits: PositionLimits) {
  return z.unknown().transform((value, ctx): Position => {
    if (isPosition(value, limits)) return value;
    ctx.addIssue({ code: 'custom', message: positionIssue(value, limits) });
    return z.NEVER;
  });
}

/** A list of `min` to `max` positions, as `z.array(tuple).min(min).max(max)` would take them; the issue names the first bad point. */
export function positionListSchema(limits: PositionLimits, min: number, max: number) {
  return z.unknown().transform((value, ctx): Position[] => {
    if (isPositionList(value, limits, min, max)) return value;
    if (!Array.isArray(value)) ctx.addIssue({ code: 'custom', message: 'expected an array of positions' });
    else if (value.length < min || value.length > max) ctx.addIssue({ code: 'custom', message: `expected ${min} to ${max} positions, got ${value.length}` });
    else {
      const bad = value.findIndex((point) => !isPosition(point, limits));
      ctx.addIssue({ code: 'custom', message: positionIssue(value[bad], limits), path: [bad] });
    }
    return z.NEVER;
  });
}
