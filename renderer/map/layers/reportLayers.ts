import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CitizenReport, ReportStatus } from '../../../shared/domain';
import type { Rgba } from './colors';

export interface ReportLayerInput {
  reports: readonly CitizenReport[];
  visible: boolean;
  selectedId: string | null;
}

/** Report status colours for the map and the legend: open ones warm, forwarded blue, finished ones grey. */
export const REPORT_STATUS_COLORS: Record<ReportStatus, Rgba> = {
  waiting: [255, 140, 200, 235],
  'in-progress': [186, 120, 255, 235],
  forwarded: [90, 170, 255, 235],
  done: [120, 200, 150, 235],
  rejected: [150, 150, 160, 235],
};
/** A finished report stays on the map, faded, until the feed drops it. */
export const FINISHED_ALPHA = 90;
/** A report linked to an incident is ringed in this colour. */
export const LINKED_OUTLINE: Rgba = [255, 255, 255, 255];
const DARK: Rgba = [11, 17, 24, 220];
const SELECTED: Rgba = [255, 213, 74, 255];

const finished = (r: CitizenReport): boolean => r.status === 'done' || r.status === 'rejected';

export function reportFillColor(report: CitizenReport): Rgba {
  const [r, g, b, a] = REPORT_STATUS_COLORS[report.status];
  return [r, g, b, finished(report) ? FINISHED_ALPHA : a];
}

export function reportLineColor(report: CitizenReport, selectedId: string | null): Rgba {
  if (report.id === selectedId) return SELECTED;
  if (report.incidentId !== null) return LINKED_OUTLINE;
  const [r, g, b, a] = DARK;
  return [r, g, b, finished(report) ? FINISHED_ALPHA : a];
}

export const reportLineWidth = (report: CitizenReport, selectedId: string | null): number => (report.id === selectedId ? 3 : report.incidentId !== null ? 2.5 : 1);
export const reportRadius = (report: CitizenReport, selectedId: string | null): number => (report.id === selectedId ? 9 : finished(report) ? 5 : 6);

/** Citizen reports: a small disc per report, coloured by status, finished ones faded, linked ones ringed; pickable. */
export function createReportLayers(input: ReportLayerInput): Layer[] {
  // Finished first, so open reports are drawn on top of them.
  const data = [...input.reports].sort((a, b) => Number(finished(b)) - Number(finished(a)));
  return [
    new ScatterplotLayer<CitizenReport>({
      id: 'reports',
      data,
      visible: input.visible,
      pickable: true,
      radiusUnits: 'pixels',
      stroked: true,
      lineWidthUnits: 'pixels',
      getPosition: (r) => r.position,
      getRadius: (r) => reportRadius(r, input.selectedId),
      getFillColor: reportFillColor,
      getLineColor: (r) => reportLineColor(r, input.selectedId),
      getLineWidth: (r) => reportLineWidth(r, input.selectedId),
      updateTriggers: { getRadius: input.selectedId, getLineColor: input.selectedId, getLineWidth: input.selectedId },
    }),
  ];
}
