import { describe, expect, it } from 'vitest';
import { BUS_STALE_MS } from '../../../shared/domain';
import type { Bus } from '../../../shared/domain';
import routesTxt from '../../../assets/transit/pksb/routes.txt?raw';
import linesJson from '../../../assets/transit/pksb/lines.geojson?raw';
import { STALE_COLOR } from './colors';
import { BusLinesFile, busColor, busTooltip, createBusLayers, createBusRouteLayers, isBusStale, ROUTE_COLORS } from './busLayers';

const NOW = 1_772_955_000_000;
const bus = (id: string, overrides: Partial<Bus> = {}): Bus => ({
  id,
  label: '10-1148',
  routeId: 'rawai-airport',
  tripId: 't1',
  position: [98.305088, 7.989258],
  bearingDeg: 103.7,
  speedKmh: 20,
  observedAt: NOW - 5_000,
  ...overrides,
});

describe('bus layers', () => {
  it('takes each PKSB route colour from the shipped routes.txt', () => {
    const rows = routesTxt.trim().split('\n').slice(1).map((line) => line.split(','));
    for (const [routeId, rgb] of Object.entries(ROUTE_COLORS)) {
      const hex = rows.find((r) => r[0] === routeId)?.[5] ?? '';
      expect(rgb, routeId).toEqual([0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
    }
  });

  it('colours a bus by its route, and grey once its fix is older than 90 s', () => {
    expect(busColor(bus('a'), NOW)).toEqual([0x16, 0xb8, 0xb0, 255]);
    expect(busColor(bus('b', { routeId: 'dragon-line' }), NOW)).toEqual([0xf0, 0xb4, 0x29, 255]);
    const old = bus('c', { observedAt: NOW - BUS_STALE_MS - 1 });
    expect(isBusStale(old, NOW)).toBe(true);
    expect(busColor(old, NOW)).toEqual(STALE_COLOR);
    expect(isBusStale(bus('d', { observedAt: NOW - BUS_STALE_MS }), NOW)).toBe(false);
  });

  it('draws a pickable disc per bus and an arrow turned to the bearing, bigger when selected', () => {
    const buses = [bus('a'), bus('b', { bearingDeg: null })];
    const [discs, arrows] = createBusLayers({ buses, visible: true, now: NOW, selectedId: 'a' });
    expect(discs.props.pickable).toBe(true);
    expect(discs.props.data).toBe(buses);
    const radius = discs.props.getRadius;
    expect(typeof radius === 'function' && radius(bus('a'), { index: 0, data: buses, target: [] })).toBe(11);
    expect(typeof radius === 'function' && radius(bus('b'), { index: 1, data: buses, target: [] })).toBe(8);
    // Only the bus with a bearing gets an arrow, turned clockwise from north.
    expect(arrows.props.data).toEqual([buses[0]]);
    const angle = arrows.props.getAngle;
    expect(typeof angle === 'function' && angle(bus('a'), { index: 0, data: buses, target: [] })).toBe(-103.7);
    expect(busTooltip(bus('a'))).toEqual({ title: '10-1148', route: 'rawai-airport' });
  });

  it('draws the shipped lines faintly in their route colours', () => {
    const lines = BusLinesFile.parse(JSON.parse(linesJson));
    expect(lines.features.map((f) => f.properties.routeId)).toEqual(['rawai-airport', 'rawai-airport', 'patong-old-bus-station', 'patong-old-bus-station', 'dragon-line']);
    const [layer] = createBusRouteLayers(lines, true);
    const color = layer.props.getColor;
    const dragon = lines.features.find((f) => f.properties.routeId === 'dragon-line');
    expect(dragon !== undefined && typeof color === 'function' && color(dragon, { index: 4, data: lines.features, target: [] })).toEqual([0xf0, 0xb4, 0x29, 90]);
  });
});
