import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { z } from 'zod';
import { BUS_STALE_MS } from '../../../shared/domain';
import type { Bus } from '../../../shared/domain';
import type { Rgba } from './colors';
import { STALE_COLOR } from './colors';

export type Rgb = readonly [number, number, number];

/** PKSB route colours, from assets/transit/pksb/routes.txt (route_color): the legend's table too. */
export const ROUTE_COLORS: Readonly<Record<string, Rgb>> = {
  'rawai-airport': [0x16, 0xb8, 0xb0],
  'patong-old-bus-station': [0xe5, 0x57, 0x4f],
  'dragon-line': [0xf0, 0xb4, 0x29],
};
/** A bus on a route the table does not know (another operator's feed). */
export const OTHER_ROUTE_COLOR: Rgb = [170, 140, 230];

export interface BusLayerInput {
  buses: readonly Bus[];
  visible: boolean;
  /** The console's clock: a fix older than BUS_STALE_MS by it is drawn grey. */
  now: number;
  selectedId: string | null;
  routeColors?: Readonly<Record<string, Rgb>>;
}

export const isBusStale = (bus: Bus, now: number): boolean => now - bus.observedAt > BUS_STALE_MS;

export function busColor(bus: Bus, now: number, colors: Readonly<Record<string, Rgb>> = ROUTE_COLORS): Rgba {
  if (isBusStale(bus, now)) return STALE_COLOR;
  const [r, g, b] = (bus.routeId === null ? undefined : colors[bus.routeId]) ?? OTHER_ROUTE_COLOR;
  return [r, g, b, 255];
}

/** What the tooltip says: the plate (or id) and the route. */
export const busTooltip = (bus: Bus): { title: string; route: string | null } => ({ title: bus.label ?? bus.id, route: bus.routeId });

const ARROW = '▲';
const WHITE: Rgba = [255, 255, 255, 255];
const DARK: Rgba = [20, 24, 32, 220];

/**
 * Buses: a disc in the route's colour with a white arrow turned to the bearing (none when the feed gives
 * none), grey when the fix is stale. The disc is what is picked; the picked object is the Bus itself.
 */
export function createBusLayers(input: BusLayerInput): [ScatterplotLayer<Bus>, TextLayer<Bus>] {
  const colors = input.routeColors ?? ROUTE_COLORS;
  const heading = input.buses.filter((b) => b.bearingDeg !== null);
  return [
    new ScatterplotLayer<Bus>({
      id: 'buses',
      data: input.buses,
      visible: input.visible,
      pickable: true,
      radiusUnits: 'pixels',
      stroked: true,
      lineWidthUnits: 'pixels',
      getPosition: (b) => b.position,
      getRadius: (b) => (b.id === input.selectedId ? 11 : 8),
      getFillColor: (b) => busColor(b, input.now, colors),
      getLineColor: (b) => (b.id === input.selectedId ? WHITE : DARK),
      getLineWidth: (b) => (b.id === input.selectedId ? 2.5 : 1),
      updateTriggers: { getFillColor: [input.now, colors], getRadius: [input.selectedId], getLineColor: [input.selectedId], getLineWidth: [input.selectedId] },
    }),
    new TextLayer<Bus>({
      id: 'bus-headings',
      data: heading,
      visible: input.visible,
      characterSet: [ARROW],
      fontFamily: '"DejaVu Sans", "Noto Sans", sans-serif',
      getText: () => ARROW,
      getPosition: (b) => b.position,
      // deck.gl turns counter-clockwise; a bearing is clockwise from north.
      getAngle: (b) => -(b.bearingDeg ?? 0),
      getSize: (b) => (b.id === input.selectedId ? 12 : 9),
      sizeUnits: 'pixels',
      getColor: WHITE,
      updateTriggers: { getSize: [input.selectedId] },
    }),
  ];
}

/** assets/transit/pksb/lines.geojson: one LineString per route direction. */
export const BusLinesFile = z.object({
  features: z
    .array(
      z.object({
        properties: z.object({ routeId: z.string().min(1).max(100), directionId: z.number().int(), name: z.string().max(200) }),
        geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number().finite(), z.number().finite()])).min(2).max(20_000) }),
      }),
    )
    .max(200),
});
export type BusLinesFile = z.infer<typeof BusLinesFile>;
type BusLine = BusLinesFile['features'][number];

/** The lines the buses run on, faint, to sit under them. */
export function createBusRouteLayers(lines: BusLinesFile, visible: boolean, colors: Readonly<Record<string, Rgb>> = ROUTE_COLORS): [PathLayer<BusLine>] {
  return [
    new PathLayer<BusLine>({
      id: 'bus-routes',
      data: lines.features,
      visible,
      widthUnits: 'pixels',
      getWidth: 3,
      getPath: (f) => f.geometry.coordinates,
      getColor: (f) => {
        const [r, g, b] = colors[f.properties.routeId] ?? OTHER_ROUTE_COLOR;
        return [r, g, b, 90];
      },
    }),
  ];
}

let loading: Promise<BusLinesFile> | null = null;
/** The shipped lines, fetched from the console's own origin once per window (as the places index is). */
export function loadBusLines(): Promise<BusLinesFile> {
  loading ??= fetch(new URL('transit/pksb/lines.geojson', document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`bus lines: HTTP ${response.status}`);
      return response.json();
    })
    .then((json: unknown) => BusLinesFile.parse(json));
  // A failed load is tried again next time.
  loading.catch(() => (loading = null));
  return loading;
}
