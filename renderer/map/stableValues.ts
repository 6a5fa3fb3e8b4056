/**
 * Derived data that stays the same object while its inputs do. The store replaces a feed's map only when
 * the feed changes, so deck.gl sees new data (and recomputes attributes) only then, not on every redraw of
 * the pulse or of another feed.
 */
export function memoOne<A, R>(derive: (input: A) => R): (input: A) => R {
  let held: { input: A; result: R } | null = null;
  return (input) => {
    if (held === null || held.input !== input) held = { input, result: derive(input) };
    return held.result;
  };
}

export function memoTwo<A, B, R>(derive: (a: A, b: B) => R): (a: A, b: B) => R {
  let held: { a: A; b: B; result: R } | null = null;
  return (a, b) => {
    if (held === null || held.a !== a || held.b !== b) held = { a, b, result: derive(a, b) };
    return held.result;
  };
}

/** A live map's values as an array that is the same object while the map is. */
export const valuesMemo = <T>(): ((map: ReadonlyMap<string, T>) => readonly T[]) => memoOne((map: ReadonlyMap<string, T>) => [...map.values()]);
