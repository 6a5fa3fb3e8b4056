import { describe, expect, it } from 'vitest';
import type { CitizenReport } from '../../../shared/domain';
import { createReportLayers, FINISHED_ALPHA, LINKED_OUTLINE, REPORT_STATUS_COLORS, reportFillColor, reportLineColor, reportLineWidth, reportRadius } from './reportLayers';

const report = (id: string, over: Partial<CitizenReport> = {}): CitizenReport => ({
  id,
  category: 'waste',
  categoryText: null,
  description: 'ขยะไม่มีคนมาเก็บ',
  position: [98.3, 7.9],
  address: null,
  photoUrl: null,
  status: 'waiting',
  agency: null,
  incidentId: null,
  reportedAt: 1,
  observedAt: 2,
  ...over,
});

describe('report layers', () => {
  it('colour every status differently, and fade finished reports', () => {
    const colours = Object.values(REPORT_STATUS_COLORS).map((c) => c.join());
    expect(new Set(colours).size).toBe(colours.length);
    expect(reportFillColor(report('a'))).toEqual(REPORT_STATUS_COLORS.waiting);
    expect(reportFillColor(report('d', { status: 'done' }))[3]).toBe(FINISHED_ALPHA);
    expect(reportFillColor(report('r', { status: 'rejected' }))[3]).toBe(FINISHED_ALPHA);
    expect(reportFillColor(report('f', { status: 'forwarded' }))[3]).toBeGreaterThan(FINISHED_ALPHA);
  });

  it('ring a report linked to an incident, and mark the selected one above all', () => {
    const linked = report('l', { incidentId: 'urn:ngsi-ld:Alert:1' });
    expect(reportLineColor(linked, null)).toEqual(LINKED_OUTLINE);
    expect(reportLineWidth(linked, null)).toBeGreaterThan(reportLineWidth(report('x'), null));
    expect(reportLineColor(linked, 'l')).not.toEqual(LINKED_OUTLINE);
    expect(reportRadius(linked, 'l')).toBeGreaterThan(reportRadius(linked, null));
  });

  it('make one pickable layer with open reports drawn over finished ones, following visibility', () => {
    const [layer, ...rest] = createReportLayers({ reports: [report('open'), report('done', { status: 'done' })], visible: false, selectedId: null });
    expect(rest).toHaveLength(0);
    expect(layer?.props.pickable).toBe(true);
    expect(layer?.props.visible).toBe(false);
    const data = layer?.props.data;
    expect(Array.isArray(data) ? data.map((r: CitizenReport) => r.id) : null).toEqual(['done', 'open']);
  });
});
