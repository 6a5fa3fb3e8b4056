import { describe, expect, it } from 'vitest';
import type { LonLat, Warning } from '../../../shared/domain';
import { Warning as WarningSchema } from '../../../shared/domain';
import { circleRing, createWarningLayers, dashes, warningHeadline, warningsAt, warningShapes, WARNING_NOT_ACTUAL_COLORS, WARNING_SEVERITY_COLORS } from './warningLayers';

const NOW = Date.parse('2026-07-01T04:00:00Z');
const PATONG: LonLat[] = [
  [98.29, 7.9],
  [98.31, 7.9],
  [98.31, 7.88],
  [98.29, 7.88],
  [98.29, 7.9],
];

function warning(id: string, over: Partial<Warning> = {}): Warning {
  return WarningSchema.parse({
    id: `s,${id}`,
    sender: 's',
    identifier: id,
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    severity: 'Severe',
    urgency: 'Expected',
    certainty: 'Likely',
    categories: ['Met'],
    texts: [
      { language: 'th-TH', event: 'ฝนตกหนัก', headline: 'เตือนฝนตกหนัก', description: null, instruction: null, senderName: null },
      { language: 'en-US', event: 'Heavy rain', headline: 'Heavy rain warning', description: null, instruction: null, senderName: null },
    ],
    areas: [{ description: 'Patong', polygons: [PATONG], circles: [] }],
    references: [],
    web: null,
    sentAt: NOW - 60_000,
    effectiveAt: null,
    onsetAt: null,
    expiresAt: NOW + 3_600_000,
    observedAt: NOW,
    ...over,
  });
}

describe('warning layers', () => {
  it('gives the headline in the UI language, falling back to the other, then to the event', () => {
    expect(warningHeadline(warning('a'), 'th')).toBe('เตือนฝนตกหนัก');
    expect(warningHeadline(warning('a'), 'en')).toBe('Heavy rain warning');
    const englishOnly = warning('b', { texts: [{ language: 'en', event: 'High waves', headline: null, description: null, instruction: null, senderName: null }] });
    expect(warningHeadline(englishOnly, 'th')).toBe('High waves');
  });

  it('finds the warnings in force covering a point, in a polygon or a circle, most severe first', () => {
    const rain = warning('rain');
    const wave = warning('wave', { severity: 'Extreme', areas: [{ description: 'Karon', polygons: [], circles: [{ center: [98.2925, 7.844], radiusKm: 1.2 }] }] });
    const expired = warning('old', { expiresAt: NOW - 1 });
    expect(warningsAt([98.3, 7.89], [rain, wave, expired], NOW).map((w) => w.identifier)).toEqual(['rain']);
    expect(warningsAt([98.2925, 7.85], [rain, wave], NOW).map((w) => w.identifier)).toEqual(['wave']);
    expect(warningsAt([98.2925, 7.86], [rain, wave], NOW)).toEqual([]);
  });

  it('turns circles into closed rings of the right size and drops expired warnings', () => {
    const ring = circleRing([98.3, 7.9], 1);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(Math.abs((ring[12]?.[1] ?? 0) - 7.9) * 111.32).toBeCloseTo(1, 2);
    const shapes = warningShapes([warning('a'), warning('old', { expiresAt: NOW }), warning('c', { expiresAt: null, areas: [{ description: 'c', polygons: [], circles: [{ center: [98.3, 7.9], radiusKm: 1 }] }] })], NOW, 'en');
    expect(shapes.map((s) => s.warning.identifier)).toEqual(['a', 'c']);
    expect(shapes[0]?.headline).toBe('Heavy rain warning');
  });

  it('draws an exercise grey-blue and dashed, never in a severity colour, under the real warnings', () => {
    const exercise = warning('ex', { status: 'Exercise', severity: 'Extreme' });
    const real = warning('real', { severity: 'Minor' });
    const [areas, dashLayer] = createWarningLayers({ warnings: [real, exercise], visible: true, language: 'th', now: NOW, selectedId: null });
    const props = areas?.props as unknown as { data: { warning: Warning }[]; getFillColor: (s: unknown) => unknown; getLineColor: (s: unknown) => number[] };
    expect(props.data.map((s) => s.warning.identifier)).toEqual(['ex', 'real']);
    expect(props.getFillColor(props.data[0])).toEqual(WARNING_NOT_ACTUAL_COLORS.fill);
    expect(props.getLineColor(props.data[0])?.[3]).toBe(0);
    expect(props.getFillColor(props.data[1])).toEqual(WARNING_SEVERITY_COLORS.Minor.fill);
    const dashData = (dashLayer?.props as unknown as { data: { shape: { warning: Warning } }[] }).data;
    expect(dashData.length).toBeGreaterThan(5);
    expect(dashData.every((d) => d.shape.warning.identifier === 'ex')).toBe(true);
  });

  it('cuts an outline into dashes of the asked length with gaps between', () => {
    // 2.2 km square side at the equator: 0.25 km dashes, 0.15 km gaps.
    const side = 2.2 / 111.32;
    const square: LonLat[] = [[0, 0], [side, 0], [side, side], [0, side], [0, 0]];
    const cut = dashes(square);
    expect(cut.length).toBe(22);
    const first = cut[0] ?? [];
    expect(Math.abs((first.at(-1)?.[0] ?? 0) - (first[0]?.[0] ?? 0)) * 111.32).toBeCloseTo(0.25, 3);
  });
});
