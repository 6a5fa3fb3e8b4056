import { describe, expect, it } from 'vitest';
import { nextRowTable, rowTableFollower } from './rowTable';

const item = (id: string, v: number) => ({ id, v });

describe('layer rows in a stable order', () => {
  it('replaces only the changed items, in their rows, without touching the previous table', () => {
    const a = new Map([['a', item('a', 1)], ['b', item('b', 1)], ['c', item('c', 1)], ['d', item('d', 1)]]);
    const first = nextRowTable(null, a);
    const b = new Map(a);
    b.set('c', item('c', 2));
    b.set('b', item('b', 2));
    const second = nextRowTable(first, b);
    expect(second.rows.map((r) => `${r.id}${r.v}`)).toEqual(['a1', 'b2', 'c2', 'd1']);
    expect(first.rows.map((r) => r.v)).toEqual([1, 1, 1, 1]);
    expect(second.rows[0]).toBe(first.rows[0]);
  });

  it('gives back the same table when nothing changed', () => {
    const a = new Map([['a', item('a', 1)], ['b', item('b', 1)]]);
    const first = nextRowTable(null, a);
    expect(nextRowTable(first, new Map(a))).toBe(first);
  });

  it('keeps each id in its row when the map iterates in another order', () => {
    const first = nextRowTable(null, new Map([['a', item('a', 1)], ['b', item('b', 1)], ['c', item('c', 1)]]));
    const shuffled = new Map([['c', item('c', 2)], ['a', item('a', 2)], ['b', item('b', 1)]]);
    expect(nextRowTable(first, shuffled).rows.map((r) => `${r.id}${r.v}`)).toEqual(['a2', 'b1', 'c2']);
  });

  it('lays the rows out afresh when an item appears or goes', () => {
    const a = new Map([['a', item('a', 1)], ['b', item('b', 1)]]);
    const first = nextRowTable(null, a);
    const swapped = nextRowTable(first, new Map([['a', item('a', 1)], ['z', item('z', 1)]]));
    expect(swapped.rows.map((r) => r.id)).toEqual(['a', 'z']);
    expect(swapped.index.get('z')).toBe(1);
    expect(nextRowTable(first, new Map([...a, ['c', item('c', 1)]])).rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('follows one map: the same map gives the same table', () => {
    const follow = rowTableFollower<{ id: string; v: number }>();
    const a = new Map([['a', item('a', 1)]]);
    expect(follow(a)).toBe(follow(a));
  });
});
