import { describe, expect, it } from 'vitest';
import { ActionId } from '../../../shared/domain';
import { uuidv7 } from './uuidv7';

describe('uuidv7', () => {
  it('matches the ActionId schema (version 7, RFC variant)', () => {
    for (let i = 0; i < 1000; i += 1) expect(ActionId.safeParse(uuidv7()).success).toBe(true);
  });

  it('carries its millisecond time in the first 48 bits', () => {
    // Ahead of every id made so far: ids never go back in time within a process.
    const at = Date.now() + 3_600_000;
    expect(Number.parseInt(uuidv7(at).replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by creation time, also within one millisecond and when the clock steps back', () => {
    const base = Date.now() + 7_200_000;
    const times = [base, base, base, base + 1, base + 1, base + 5, base + 3, base + 7, ...Array.from({ length: 5000 }, () => base + 8)];
    const ids = times.map((at) => uuidv7(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
