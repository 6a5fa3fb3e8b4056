import type { FeedSource } from '../source';
import { createPolledSource } from '../poll/polledSource';
import { decodeReports, MAX_REPORTS_BYTES } from './decodeReports';

export interface ReportsSourceOptions {
  /** Shown in feed health; default "Citizen reports". */
  readonly name?: string;
  /** The GeoJSON FeatureCollection, e.g. the emulator's `/reports/v1/reports.geojson`. */
  readonly url: string;
  readonly pollMs: number;
  readonly fetchImpl?: typeof fetch;
  readonly now?: () => number;
}

/** Citizen reports, polled with ETag / Last-Modified; each body is the complete listing. */
export function createReportsSource(options: ReportsSourceOptions): FeedSource {
  return createPolledSource({
    name: options.name ?? 'Citizen reports',
    feed: 'reports',
    url: options.url,
    pollMs: options.pollMs,
    maxBytes: MAX_REPORTS_BYTES,
    accept: 'application/geo+json, application/json;q=0.9',
    decode: (body, context) => Promise.resolve(decodeReports(body, { receivedAt: context.receivedAt, baseUrl: options.url })),
    ...(options.fetchImpl === undefined ? {} : { fetchImpl: options.fetchImpl }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
