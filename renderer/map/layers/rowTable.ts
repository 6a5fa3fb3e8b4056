/** A layer's rows in a stable order, with the row of each id. */
export interface RowTable<T> {
  readonly rows: readonly T[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * The rows for a live map of items, kept in the order they were first drawn, so that a batch that moves a few
 * of many units leaves every other row where it was and the unit layer (unitAttributes.ts) rewrites only the moved
 * ones. An item that appears or goes changes the order: then the rows are laid out afresh.
 */
export function nextRowTable<T extends { id: string }>(previous: RowTable<T> | null, items: ReadonlyMap<string, T>): RowTable<T> {
  if (previous === null || previous.rows.length !== items.size) return fresh(items);
  let rows: T[] | null = null;
  let position = 0;
  for (const [id, item] of items) {
    // A map copied and updated with set() keeps its order, which is the rows' order: the index is rarely needed.
    const here = previous.rows[position];
    const at = here !== undefined && here.id === id ? position : previous.index.get(id);
    position++;
    if (at === undefined) return fresh(items);
    if (previous.rows[at] === item) continue;
    rows ??= previous.rows.slice();
    rows[at] = item;
  }
  return rows === null ? previous : { rows, index: previous.index };
}

function fresh<T extends { id: string }>(items: ReadonlyMap<string, T>): RowTable<T> {
  const rows = [...items.values()];
  return { rows, index: new Map(rows.map((item, i) => [item.id, i])) };
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
