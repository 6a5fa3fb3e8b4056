import type { Unit } from '../../../shared/domain';
import { STALE_COLOR, UNIT_STATUS_COLORS } from './colors';
import type { IconMapping } from './iconAtlas';
import { unitIconName } from './iconAtlas';

/** Pixel size of a unit's icon; the selected one is drawn bigger. */
export const UNIT_SIZE = 28;
export const SELECTED_UNIT_SIZE = 40;
/** Floats per row of IconLayer's `instanceIconDefs` (deck.gl 9.4): offset x, y, then frame x, y, width, height, then mask. */
export const ICON_DEF_SIZE = 7;

export interface UnitStyle {
  readonly stale: ReadonlySet<string>;
  readonly selectedId: string | null;
  readonly mapping: Readonly<Record<string, IconMapping>>;
}

/** Which of the table's arrays were written by the last update: only those are given to the GPU again. */
export interface UnitColumnsChanged {
  positions: boolean;
  angles: boolean;
  sizes: boolean;
  colors: boolean;
  icons: boolean;
}

/**
 * The units' attributes as typed arrays, one row per unit in the order of the rows given, rewritten in place:
 * a batch that moves a few of many units writes only their rows, and deck.gl uploads the arrays as they are,
 * without calling an accessor per unit. Positions are float32 offsets in degrees from `origin` (deck.gl's
 * LNGLAT_OFFSETS), which keeps them exact to millimetres where plain float32 longitudes would wobble by a metre.
 */
export interface UnitColumns {
  length: number;
  readonly origin: readonly [number, number];
  /** The unit drawn in each row, for picking. */
  readonly rows: Unit[];
  positions: Float32Array;
  angles: Float32Array;
  sizes: Float32Array;
  colors: Uint8Array;
  icons: Float32Array;
  readonly index: Map<string, number>;
  stale: ReadonlySet<string>;
  selectedId: string | null;
  mapping: Readonly<Record<string, IconMapping>>;
}

export function createUnitColumns(origin: readonly [number, number]): UnitColumns {
  return {
    length: 0,
    origin,
    rows: [],
    positions: new Float32Array(0),
    angles: new Float32Array(0),
    sizes: new Float32Array(0),
    colors: new Uint8Array(0),
    icons: new Float32Array(0),
    index: new Map(),
    stale: new Set(),
    selectedId: null,
    mapping: {},
  };
}

const nothingChanged = (): UnitColumnsChanged => ({ positions: false, angles: false, sizes: false, colors: false, icons: false });
const everything = (): UnitColumnsChanged => ({ positions: true, angles: true, sizes: true, colors: true, icons: true });

/**
 * Brings the columns to `units` (rows in a stable order, rowTable.ts) and `style`, writing only rows whose unit
 * object changed (compared by identity, which is cheap even for 50 000 rows), the two rows whose selection changed
 * and the rows whose staleness changed. A change in the number of rows, or new icons, rewrites everything.
 */
export function updateUnitColumns(columns: UnitColumns, units: readonly Unit[], style: UnitStyle): UnitColumnsChanged {
  if (units.length !== columns.length || style.mapping !== columns.mapping) return rewriteAll(columns, units, style);
  const changed = nothingChanged();
  const previousStale = columns.stale;
  const previousSelected = columns.selectedId;
  columns.stale = style.stale;
  columns.selectedId = style.selectedId;
  for (let row = 0; row < units.length; row++) {
    const unit = units[row];
    const old = columns.rows[row];
    if (unit === undefined || unit === old) continue;
    if (old === undefined || old.id !== unit.id) return rewriteAll(columns, units, style);
    if (old.position !== unit.position) changed.positions = true;
    if (old.headingDeg !== unit.headingDeg) changed.angles = true;
    if (old.status !== unit.status) changed.colors = true;
    if (old.agency !== unit.agency) changed.icons = true;
    writeRow(columns, row, unit);
  }
  if (previousStale !== style.stale) {
    for (const id of symmetricDifference(previousStale, style.stale)) {
      const row = columns.index.get(id);
      const unit = row === undefined ? undefined : columns.rows[row];
      if (row === undefined || unit === undefined) continue;
      writeColor(columns, row, unit);
      changed.colors = true;
    }
  }
  if (previousSelected !== style.selectedId) {
    for (const id of [previousSelected, style.selectedId]) {
      const row = id === null ? undefined : columns.index.get(id);
      if (row === undefined) continue;
      columns.sizes[row] = id === style.selectedId ? SELECTED_UNIT_SIZE : UNIT_SIZE;
      changed.sizes = true;
    }
  }
  return changed;
}

function rewriteAll(columns: UnitColumns, units: readonly Unit[], style: UnitStyle): UnitColumnsChanged {
  const n = units.length;
  // New arrays every time: deck.gl keeps the old ones until it has the new.
  columns.positions = new Float32Array(n * 3);
  columns.angles = new Float32Array(n);
  columns.sizes = new Float32Array(n);
  columns.colors = new Uint8Array(n * 4);
  columns.icons = new Float32Array(n * ICON_DEF_SIZE);
  columns.length = n;
  columns.rows.length = 0;
  columns.index.clear();
  columns.stale = style.stale;
  columns.selectedId = style.selectedId;
  columns.mapping = style.mapping;
  units.forEach((unit, row) => {
    columns.index.set(unit.id, row);
    writeRow(columns, row, unit);
  });
  return everything();
}

function writeRow(columns: UnitColumns, row: number, unit: Unit): void {
  columns.rows[row] = unit;
  columns.positions[row * 3] = unit.position[0] - columns.origin[0];
  columns.positions[row * 3 + 1] = unit.position[1] - columns.origin[1];
  // deck.gl turns icons counter-clockwise; a heading turns clockwise from north.
  columns.angles[row] = -unit.headingDeg;
  columns.sizes[row] = unit.id === columns.selectedId ? SELECTED_UNIT_SIZE : UNIT_SIZE;
  writeColor(columns, row, unit);
  const icon = columns.mapping[unitIconName(unit.agency)];
  const at = row * ICON_DEF_SIZE;
  if (icon === undefined) {
    columns.icons.fill(0, at, at + ICON_DEF_SIZE);
    return;
  }
  const { x, y, width, height, mask, anchorX = width / 2, anchorY = height / 2 } = icon;
  columns.icons.set([width / 2 - anchorX, height / 2 - anchorY, x, y, width, height, mask ? 1 : 0], at);
}

function writeColor(columns: UnitColumns, row: number, unit: Unit): void {
  columns.colors.set(columns.stale.has(unit.id) ? STALE_COLOR : UNIT_STATUS_COLORS[unit.status], row * 4);
}

function* symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): Generator<string> {
  for (const id of a) if (!b.has(id)) yield id;
  for (const id of b) if (!a.has(id)) yield id;
}
