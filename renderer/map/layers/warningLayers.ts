import { PathLayer, PolygonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LonLat, Warning, WarningSeverity } from '../../../shared/domain';
import type { Rgba } from './colors';

/** CAP severity: fill (translucent) and outline, hue and lightness both rising, so it reads in greyscale too. */
export const WARNING_SEVERITY_COLORS: Record<WarningSeverity, { fill: Rgba; line: Rgba }> = {
  // Fills stay faint: a warning can cover whole districts, and the roads and incidents under it must still read.
  Extreme: { fill: [200, 30, 60, 45], line: [200, 30, 60, 255] },
  Severe: { fill: [240, 110, 40, 35], line: [240, 110, 40, 255] },
  Moderate: { fill: [242, 193, 60, 35], line: [230, 180, 40, 255] },
  Minor: { fill: [90, 170, 230, 30], line: [90, 170, 230, 255] },
  Unknown: { fill: [150, 160, 175, 30], line: [150, 160, 175, 255] },
};
/** Exercise, Test, System and Draft: grey-blue with a dashed outline whatever their severity, never like a real warning. */
export const WARNING_NOT_ACTUAL_COLORS: { fill: Rgba; line: Rgba } = { fill: [110, 130, 170, 40], line: [190, 205, 235, 255] };

export interface WarningLayerInput {
  warnings: readonly Warning[];
  visible: boolean;
  language: 'th' | 'en';
  /** Expired warnings are left out by this clock (ms). */
  now: number;
  selectedId: string | null;
}

/** One drawn outline of a warning (a CAP polygon, or a circle made a polygon): what a pick returns. */
export interface WarningShape {
  readonly warning: Warning;
  readonly ring: readonly LonLat[];
  /** The headline in the UI language, for the tooltip. */
  readonly headline: string;
}

const RANK: Record<WarningSeverity, number> = { Unknown: 0, Minor: 1, Moderate: 2, Severe: 3, Extreme: 4 };
const KM_PER_DEG_LAT = 111.32;
const CIRCLE_POINTS = 48;
const DASH_KM = 0.25;
const GAP_KM = 0.15;

export const isActive = (warning: Warning, now: number): boolean => warning.expiresAt === null || warning.expiresAt > now;

/** The headline (or the event when there is none) in the language asked for, else the other, else the first given. */
export function warningHeadline(warning: Warning, language: 'th' | 'en'): string {
  const other = language === 'th' ? 'en' : 'th';
  const pick = (lang: string) => warning.texts.find((t) => t.language.toLowerCase().split('-')[0] === lang);
  const text = pick(language) ?? pick(other) ?? warning.texts[0];
  return text === undefined ? warning.identifier : (text.headline ?? text.event);
}

/** A circle as a closed ring (equirectangular offsets: exact enough at the few kilometres CAP circles span). */
export function circleRing(center: LonLat, radiusKm: number, points = CIRCLE_POINTS): LonLat[] {
  const [lon, lat] = center;
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const dLon = radiusKm / (KM_PER_DEG_LAT * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const ring: LonLat[] = [];
  for (let i = 0; i < points; i++) {
    const a = (2 * Math.PI * i) / points;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  const first = ring[0];
  if (first !== undefined) ring.push(first);
  return ring;
}

const kmBetween = (a: LonLat, b: LonLat): number => {
  const dx = (b[0] - a[0]) * KM_PER_DEG_LAT * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
  return Math.hypot(dx, dy);
};

/** A ring cut into dashes (on, off, on …) measured along it, for an outline deck.gl draws without extensions. */
export function dashes(ring: readonly LonLat[], dashKm = DASH_KM, gapKm = GAP_KM): LonLat[][] {
  const out: LonLat[][] = [];
  const start = ring[0];
  let current: LonLat[] | null = start === undefined ? null : [start];
  let left = dashKm;
  for (let i = 1; i < ring.length; i++) {
    let from = ring[i - 1];
    const to = ring[i];
    if (from === undefined || to === undefined) continue;
    let length = kmBetween(from, to);
    while (length > left) {
      const t = left / length;
      const cut: LonLat = [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t];
      length -= left;
      from = cut;
      if (current === null) {
        current = [cut];
        left = dashKm;
      } else {
        current.push(cut);
        out.push(current);
        current = null;
        left = gapKm;
      }
    }
    left -= length;
    if (current !== null) current.push(to);
  }
  if (current !== null && current.length > 1) out.push(current);
  return out;
}

/** Every outline of the warnings in force, least severe first so the worst is drawn on top, exercises under real ones. */
export function warningShapes(warnings: readonly Warning[], now: number, language: 'th' | 'en'): WarningShape[] {
  const shapes: WarningShape[] = [];
  const ordered = warnings.filter((w) => isActive(w, now)).sort((a, b) => Number(a.status === 'Actual') - Number(b.status === 'Actual') || RANK[a.severity] - RANK[b.severity]);
  for (const warning of ordered) {
    const headline = warningHeadline(warning, language);
    for (const area of warning.areas) {
      for (const ring of area.polygons) shapes.push({ warning, ring, headline });
      for (const circle of area.circles) shapes.push({ warning, ring: circleRing(circle.center, circle.radiusKm), headline });
    }
  }
  return shapes;
}

/** The warnings in force covering a point (an incident's position), most severe first. */
export function warningsAt(position: LonLat, warnings: readonly Warning[], now: number): Warning[] {
  const point = { type: 'Point' as const, coordinates: [position[0], position[1]] };
  const covers = (w: Warning): boolean =>
    w.areas.some(
      (area) =>
        area.polygons.some((ring) => booleanPointInPolygon(point, { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x, y])] })) ||
        area.circles.some((c) => kmBetween(c.center, position) <= c.radiusKm),
    );
  return warnings.filter((w) => isActive(w, now) && covers(w)).sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}

const colorsOf = (w: Warning): { fill: Rgba; line: Rgba } => (w.status === 'Actual' ? WARNING_SEVERITY_COLORS[w.severity] : WARNING_NOT_ACTUAL_COLORS);
const WHITE: Rgba = [255, 255, 255, 255];
const NONE: Rgba = [0, 0, 0, 0];

/** Public warnings: translucent areas by severity, outlined; exercises and tests grey-blue with a dashed outline. */
const halfLine = ([r, g, b]: Rgba): Rgba => [r, g, b, 150];

export function createWarningLayers(input: WarningLayerInput): Layer[] {
  const shapes = warningShapes(input.warnings, input.now, input.language);
  const notActual = shapes.filter((s) => s.warning.status !== 'Actual');
  const dashed = notActual.flatMap((shape) => dashes(shape.ring).map((path) => ({ shape, path })));
  const selected = (s: WarningShape): boolean => s.warning.id === input.selectedId;
  return [
    new PolygonLayer<WarningShape>({
      id: 'warning-areas',
      data: shapes,
      visible: input.visible,
      pickable: true,
      filled: true,
      stroked: true,
      getPolygon: (s) => [...s.ring],
      getFillColor: (s) => colorsOf(s.warning).fill,
      // A real warning's outline is solid; the others get their dashes from the layer below (a selection is always solid white).
      // Thin and half-transparent: a warning over several districts also outlines their shared borders, which must not read as roads.
      getLineColor: (s) => (selected(s) ? WHITE : s.warning.status === 'Actual' ? halfLine(colorsOf(s.warning).line) : NONE),
      lineWidthUnits: 'pixels',
      getLineWidth: (s) => (selected(s) ? 4 : 1.2),
      updateTriggers: { getLineColor: input.selectedId, getLineWidth: input.selectedId },
    }),
    new PathLayer<{ shape: WarningShape; path: LonLat[] }>({
      id: 'warning-dashes',
      data: dashed,
      visible: input.visible,
      getPath: (d) => d.path,
      getColor: WARNING_NOT_ACTUAL_COLORS.line,
      widthUnits: 'pixels',
      getWidth: 2.5,
      capRounded: false,
    }),
  ];
}
