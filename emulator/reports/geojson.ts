import type { SimReport } from './reportBook';

export const REPORTS_BASE = '/reports/v1';
export const photoPath = (id: string): string => `${REPORTS_BASE}/photos/${encodeURIComponent(id)}.svg`;

/** A report as a GeoJSON Feature, the way a Traffy-style platform exports them (times in ISO 8601, photo relative to the feed). */
export function toFeature(report: SimReport, stamp: (simMs: number) => number = (ms) => ms): Record<string, unknown> {
  return {
    type: 'Feature',
    id: report.id,
    geometry: { type: 'Point', coordinates: [report.lon, report.lat] },
    properties: {
      id: report.id,
      category: report.category,
      description: report.description,
      photo: photoPath(report.id),
      address: report.address,
      status: report.status,
      agency: report.agency,
      incidentId: report.incidentId,
      reportedAt: new Date(stamp(report.reportedAt)).toISOString(),
      updatedAt: new Date(stamp(report.updatedAt)).toISOString(),
    },
  };
}

/** Newest first, so a reader that cuts a long listing keeps the latest. */
export function toFeatureCollection(reports: readonly SimReport[], stamp?: (simMs: number) => number): string {
  const sorted = [...reports].sort((a, b) => b.reportedAt - a.reportedAt || a.id.localeCompare(b.id));
  return JSON.stringify({ type: 'FeatureCollection', features: sorted.map((r) => toFeature(r, stamp)) });
}
