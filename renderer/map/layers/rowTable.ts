/** A run of rows whose attributes deck.gl must compute again (`endRow` exclusive). */
export interface RowRange {
  startRow: number;
  endRow: number;
}

/** A layer's rows in a stable order, and which of them changed since the last table; null ranges means all. */
export interface RowTable<T> {
  readonly rows: readonly T[];
  readonly index: ReadonlyMap<string, number>;
  readonly ranges: readonly RowRange[] | null;
}

/**
 * The rows for a live map of items, kept in the order they were first drawn, so that a batch that moves a few
 * of many units recomputes only their attributes (deck.gl's `_dataDiff`) instead of every unit's. An item that
 * appears or goes changes the order: then everything is drawn afresh.
 */
export function nextRowTable<T extends { id: string }>(previous: RowTable<T> | null, items: ReadonlyMap<string, T>): RowTable<T> {
  if (previous === null || previous.rows.length !== items.size) return fresh(items);
  const rows = previous.rows.slice();
  const changed: number[] = [];
  for (const [id, item] of items) {
    const at = previous.index.get(id);
    if (at === undefined) return fresh(items);
    if (rows[at] !== item) {
      rows[at] = item;
      changed.push(at);
    }
  }
  if (changed.length === 0) return { rows: previous.rows, index: previous.index, ranges: [] };
  return { rows, index: previous.index, ranges: toRanges(changed) };
}

function fresh<T extends { id: string }>(items: ReadonlyMap<string, T>): RowTable<T> {
  const rows = [...items.values()];
  return { rows, index: new Map(rows.map((item, i) => [item.id, i])), ranges: null };
}

/** Past this many runs, one span is cheaper: each run is its own upload to the GPU. */
const MAX_RUNS = 16;

function toRanges(rows: number[]): RowRange[] {
  rows.sort((a, b) => a - b);
  const ranges: RowRange[] = [];
  for (const row of rows) {
    const last = ranges.at(-1);
    if (last !== undefined && last.endRow === row) last.endRow = row + 1;
    else ranges.push({ startRow: row, endRow: row + 1 });
  }
  const first = ranges[0];
  const last = ranges.at(-1);
  if (ranges.length <= MAX_RUNS || first === undefined || last === undefined) return ranges;
  return [{ startRow: first.startRow, endRow: last.endRow }];
}

/** A table that follows one live map from batch to batch. */
export function rowTableFollower<T extends { id: string }>(): (items: ReadonlyMap<string, T>) => RowTable<T> {
  let table: RowTable<T> | null = null;
  let source: ReadonlyMap<string, T> | null = null;
  return (items) => {
    if (table === null || items !== source) {
      table = nextRowTable(table, items);
      source = items;
    }
    return table;
  };
}
