import { describe, expect, it } from 'vitest';
import { memoTwo, valuesMemo } from './stableValues';

describe('stable layer data', () => {
  it('gives the same array while the map is the same object, and a new one when the map is replaced', () => {
    const values = valuesMemo<number>();
    const first = new Map([['a', 1]]);
    expect(values(first)).toBe(values(first));
    const next = new Map([...first, ['b', 2]]);
    expect(values(next)).not.toBe(values(first));
    expect(values(next)).toEqual([1, 2]);
  });

  it('derives again only when an input changes', () => {
    let calls = 0;
    const sum = memoTwo((a: number[], b: number) => (calls++, a.reduce((s, n) => s + n, b)));
    const list = [1, 2];
    expect([sum(list, 1), sum(list, 1)]).toEqual([4, 4]);
    expect(calls).toBe(1);
    expect(sum(list, 2)).toBe(5);
    expect(calls).toBe(2);
  });
});
