import { z } from 'zod';
import { CitizenReport, FEED_KINDS } from '../../../../shared/domain';
import type { FeedItem } from '../../../../shared/domain';
import type { Decoded } from '../poll/polledSource';
import type { Area } from '../ngsi/common';
import { PHUKET, boundedTime, describeIssues, outsideReason, parseTime } from '../ngsi/common';
import { categoryOf, statusOf } from './vocabulary';

/** A report collection is a few hundred features; 4 MB is far past any honest one. */
export const MAX_REPORTS_BYTES = 4 * 1024 * 1024;
const MAX_FEATURES = FEED_KINDS.reports.cap;

export interface DecodeReportsOptions {
  readonly receivedAt: number;
  /** The feed's own URL: a relative photo link is resolved against it. */
  readonly baseUrl: string;
  readonly area?: Area;
}

const Collection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
const Time = z.union([z.string().max(64), z.number()]);
const Text = z.string();
/** Only shape is checked here; limits are applied while mapping, so an over-long text is cut, not refused. */
const WireFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number().finite()).min(2).max(3) }),
  properties: z.object({
    id: z.union([z.string(), z.number()]).optional(),
    category: Text,
    description: Text.nullish(),
    photo: Text.nullish(),
    address: Text.nullish(),
    status: Text,
    agency: Text.nullish(),
    incidentId: Text.nullish(),
    reportedAt: Time,
    updatedAt: Time.nullish(),
  }),
});

/**
 * A GeoJSON FeatureCollection of citizen reports (Traffy Fondue style) into CitizenReports. A body that is
 * not a collection throws (the poll counts it refused); a bad feature is refused with a reason naming it and
 * the rest are kept. The listing is complete: a report no longer listed is gone. `observedAt` is the
 * report's `updatedAt`, so the core's latest-wins keeps a newer version over an older one arriving late.
 */
export function decodeReports(body: Uint8Array, options: DecodeReportsOptions): Decoded {
  if (body.byteLength > MAX_REPORTS_BYTES) throw new Error(`body of ${body.byteLength} bytes exceeds ${MAX_REPORTS_BYTES}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(body));
  } catch (error) {
    throw new Error(`not JSON: ${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'}`);
  }
  const collection = Collection.safeParse(json);
  if (!collection.success) throw new Error('not a GeoJSON FeatureCollection');
  const rejected: string[] = [];
  const adjusted: string[] = [];
  const features = collection.data.features;
  if (features.length > MAX_FEATURES) adjusted.push(`listing of ${features.length} reports cut to the first ${MAX_FEATURES}`);
  const kept = new Map<string, CitizenReport>();
  features.slice(0, MAX_FEATURES).forEach((raw, index) => {
    const result = mapFeature(raw, index, options, adjusted);
    if (typeof result === 'string') return void rejected.push(result);
    const held = kept.get(result.id);
    if (held !== undefined) {
      adjusted.push(`report ${result.id} listed twice; kept the later version`);
      if (held.observedAt >= result.observedAt) return;
    }
    kept.set(result.id, result);
  });
  const items: FeedItem[] = [...kept.values()].map((item) => ({ feed: 'reports', item }));
  return { items, complete: true, rejected, adjusted, sentAt: null };
}

/** One feature: a CitizenReport, or the reason it was refused. */
function mapFeature(raw: unknown, index: number, options: DecodeReportsOptions, adjusted: string[]): CitizenReport | string {
  const wire = WireFeature.safeParse(raw);
  const label = (): string => {
    const rawId = idOf(raw);
    return rawId === null ? `report #${index}` : `report ${rawId}`;
  };
  if (!wire.success) return describeIssues(label(), wire.error);
  const p = wire.data.properties;
  const id = String(p.id ?? wire.data.id ?? '').trim();
  if (id === '' || id.length > 256) return `${label()}: no usable id`;
  const [lon = NaN, lat = NaN] = wire.data.geometry.coordinates;
  const outside = outsideReason(options.area ?? PHUKET, [[lon, lat]]);
  if (outside !== null) return `report ${id}: ${outside.replace('NGSI-LD', 'GeoJSON')}`;
  const reported = timeOf(p.reportedAt);
  if (reported === null) return `report ${id}: reportedAt is not a time`;
  const reportedAt = boundedTime(reported, `report ${id} reportedAt`, options.receivedAt, adjusted);
  const updated = p.updatedAt === undefined || p.updatedAt === null ? reportedAt : timeOf(p.updatedAt);
  if (updated === null) return `report ${id}: updatedAt is not a time`;
  const observedAt = Math.max(reportedAt, boundedTime(updated, `report ${id} updatedAt`, options.receivedAt, adjusted));
  let status = statusOf(p.status);
  if (status === null) {
    // Shown as still waiting rather than dropped: an operator sees it, and nothing the console cannot read looks finished.
    adjusted.push(`report ${id}: status "${p.status.slice(0, 40)}" is not known; shown as waiting`);
    status = 'waiting';
  }
  const candidate = {
    id,
    ...categoryOf(p.category),
    description: cut(p.description ?? '', 4000, `report ${id} description`, adjusted),
    position: [lon, lat],
    address: nonEmpty(p.address, 400, `report ${id} address`, adjusted),
    photoUrl: photoOf(p.photo, options.baseUrl, id, adjusted),
    status,
    agency: nonEmpty(p.agency, 200, `report ${id} agency`, adjusted),
    incidentId: p.incidentId === undefined || p.incidentId === null || p.incidentId.trim() === '' ? null : p.incidentId.trim(),
    reportedAt,
    observedAt,
  };
  const parsed = CitizenReport.safeParse(candidate);
  return parsed.success ? parsed.data : describeIssues(`report ${id}`, parsed.error);
}

/** The feature's id, for naming it in a refusal even when the rest of it is broken. */
const IdShape = z.object({ id: z.union([z.string(), z.number()]).optional(), properties: z.object({ id: z.union([z.string(), z.number()]) }).partial().nullish() });
function idOf(raw: unknown): string | null {
  const shape = IdShape.safeParse(raw);
  if (!shape.success) return null;
  const id = shape.data.properties?.id ?? shape.data.id;
  return id === undefined ? null : String(id).slice(0, 80);
}

function timeOf(value: string | number): number | null {
  if (typeof value === 'string') return parseTime(value);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function cut(text: string, max: number, label: string, adjusted: string[]): string {
  if (text.length <= max) return text;
  adjusted.push(`${label} cut to ${max} characters`);
  return text.slice(0, max);
}

function nonEmpty(text: string | null | undefined, max: number, label: string, adjusted: string[]): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : cut(trimmed, max, label, adjusted);
}

/** An http(s) link, resolved against the feed; anything else (data:, javascript:, garbage) is dropped with a note. */
function photoOf(photo: string | null | undefined, baseUrl: string, id: string, adjusted: string[]): string | null {
  if (photo === undefined || photo === null || photo.trim() === '') return null;
  try {
    const url = new URL(photo.trim(), baseUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 2000) return url.href;
  } catch {
    // Falls through to the note below.
  }
  adjusted.push(`report ${id}: photo link "${photo.slice(0, 60)}" is not an http(s) URL; dropped`);
  return null;
}
