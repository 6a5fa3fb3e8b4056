import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain';
import { STALE_COLOR, UNIT_STATUS_COLORS } from './colors';
import type { IconMapping } from './iconAtlas';
import { createUnitColumns, ICON_DEF_SIZE, SELECTED_UNIT_SIZE, UNIT_SIZE, updateUnitColumns } from './unitAttributes';

const mapping: Record<string, IconMapping> = {
  'unit-police': { x: 0, y: 0, width: 64, height: 64, mask: true },
  'unit-ems': { x: 64, y: 0, width: 64, height: 64, mask: true },
  'unit-fire': { x: 128, y: 0, width: 64, height: 64, mask: true, anchorY: 40 },
};
const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
  id,
  callsign: id.toUpperCase(),
  agency: 'police',
  status: 'available',
  position: [98.3, 7.9],
  headingDeg: 90,
  speedKmh: 30,
  station: null,
  assignedIncidentId: null,
  observedAt: 0,
  ...over,
});
const none: ReadonlySet<string> = new Set();
const style = { stale: none, selectedId: null, mapping };
const rgba = (colors: Uint8Array, row: number) => [...colors.subarray(row * 4, row * 4 + 4)];

describe('unit columns rewritten in place', () => {
  it('writes every row the first time: offsets from the origin, heading turned, status colour, agency icon', () => {
    const columns = createUnitColumns([98.3, 7.9]);
    const changed = updateUnitColumns(columns, [unit('a'), unit('b', { agency: 'fire', status: 'dispatched', position: [98.31, 7.88], headingDeg: 45 })], style);
    expect(Object.values(changed).every(Boolean)).toBe(true);
    expect(columns.length).toBe(2);
    expect(columns.positions[3]).toBeCloseTo(0.01, 6);
    expect(columns.positions[4]).toBeCloseTo(-0.02, 6);
    expect([...columns.angles]).toEqual([-90, -45]);
    expect([...columns.sizes]).toEqual([UNIT_SIZE, UNIT_SIZE]);
    expect(rgba(columns.colors, 1)).toEqual(UNIT_STATUS_COLORS.dispatched);
    // The fire icon's anchor sits 8 px below its centre: IconLayer's offset is centre minus anchor.
    expect([...columns.icons.subarray(ICON_DEF_SIZE, 2 * ICON_DEF_SIZE)]).toEqual([0, -8, 128, 0, 64, 64, 1]);
  });

  it('rewrites only the moved rows and says which arrays changed', () => {
    const columns = createUnitColumns([98.3, 7.9]);
    const first = [unit('a'), unit('b'), unit('c')];
    updateUnitColumns(columns, first, style);
    const positions = columns.positions;
    const moved = [first[0], unit('b', { position: [98.4, 7.9], headingDeg: 180 }), first[2]].filter((u): u is Unit => u !== undefined);
    const changed = updateUnitColumns(columns, moved, style);
    expect(changed).toEqual({ positions: true, angles: true, sizes: false, colors: false, icons: false });
    expect(columns.positions).toBe(positions);
    expect(columns.positions[3]).toBeCloseTo(0.1, 6);
    expect([...columns.angles]).toEqual([-90, -180, -90]);
    expect(columns.rows[1]).toBe(moved[1]);
    expect(updateUnitColumns(columns, moved, style)).toEqual({ positions: false, angles: false, sizes: false, colors: false, icons: false });
  });

  it('greys a unit when it goes stale and colours it again when it reports', () => {
    const columns = createUnitColumns([98.3, 7.9]);
    const units = [unit('a'), unit('b', { status: 'on-scene' })];
    updateUnitColumns(columns, units, style);
    expect(updateUnitColumns(columns, units, { ...style, stale: new Set(['b', 'gone']) }).colors).toBe(true);
    expect(rgba(columns.colors, 1)).toEqual(STALE_COLOR);
    expect(rgba(columns.colors, 0)).toEqual(UNIT_STATUS_COLORS.available);
    updateUnitColumns(columns, units, style);
    expect(rgba(columns.colors, 1)).toEqual(UNIT_STATUS_COLORS['on-scene']);
  });

  it('draws the selected unit bigger, and the one selected before at its usual size', () => {
    const columns = createUnitColumns([98.3, 7.9]);
    const units = [unit('a'), unit('b')];
    updateUnitColumns(columns, units, { ...style, selectedId: 'a' });
    expect([...columns.sizes]).toEqual([SELECTED_UNIT_SIZE, UNIT_SIZE]);
    expect(updateUnitColumns(columns, units, { ...style, selectedId: 'b' }).sizes).toBe(true);
    expect([...columns.sizes]).toEqual([UNIT_SIZE, SELECTED_UNIT_SIZE]);
  });

  it('lays everything out again when the rows change in number or order', () => {
    const columns = createUnitColumns([98.3, 7.9]);
    updateUnitColumns(columns, [unit('a'), unit('b', { agency: 'ems' })], style);
    updateUnitColumns(columns, [unit('b', { agency: 'ems' }), unit('a')], style);
    expect(columns.icons[2]).toBe(64);
    expect(columns.index.get('a')).toBe(1);
    updateUnitColumns(columns, [unit('c')], style);
    expect(columns.length).toBe(1);
    expect(columns.rows.map((u) => u.id)).toEqual(['c']);
    expect(columns.index.has('a')).toBe(false);
  });
});
