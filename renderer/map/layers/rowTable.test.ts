import { describe, expect, it } from 'vitest';
import { nextRowTable, rowTableFollower } from './rowTable';

const item = (id: string, v: number) => ({ id, v });

describe('layer rows in a stable order', () => {
  it('marks only the rows whose item changed, merged into runs', () => {
    const a = new Map([['a', item('a', 1)], ['b', item('b', 1)], ['c', item('c', 1)], ['d', item('d', 1)]]);
    const first = nextRowTable(null, a);
    expect(first.ranges).toBeNull();
    const b = new Map(a);
    b.set('b', item('b', 2));
    b.set('c', item('c', 2));
    const second = nextRowTable(first, b);
    expect(second.ranges).toEqual([{ startRow: 1, endRow: 3 }]);
    expect(second.rows.map((r) => r.v)).toEqual([1, 2, 2, 1]);
    expect(first.rows.map((r) => r.v)).toEqual([1, 1, 1, 1]);
    expect(nextRowTable(second, b).ranges).toEqual([]);
  });

  it('makes many scattered changes one span, since each run is an upload of its own', () => {
    const many = new Map(Array.from({ length: 100 }, (_, i) => [`u${i}`, item(`u${i}`, 1)]));
    const first = nextRowTable(null, many);
    const next = new Map(many);
    for (let i = 3; i < 100; i += 3) next.set(`u${i}`, item(`u${i}`, 2));
    expect(nextRowTable(first, next).ranges).toEqual([{ startRow: 3, endRow: 100 }]);
  });

  it('draws everything afresh when an item appears or goes', () => {
    const a = new Map([['a', item('a', 1)]]);
    const first = nextRowTable(null, a);
    expect(nextRowTable(first, new Map([['b', item('b', 1)]])).ranges).toBeNull();
    expect(nextRowTable(first, new Map([...a, ['b', item('b', 1)]])).ranges).toBeNull();
  });

  it('follows one map: the same map gives the same table', () => {
    const follow = rowTableFollower<{ id: string; v: number }>();
    const a = new Map([['a', item('a', 1)]]);
    expect(follow(a)).toBe(follow(a));
  });
});
