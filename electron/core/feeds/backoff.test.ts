import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  it('grows with attempts and never passes the cap', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 1)).toBe(500);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 1)).toBe(4_000);
    expect(backoffDelay(50, DEFAULT_BACKOFF, () => 1)).toBe(15_000);
  });
  it('is jittered between half the base and the bound', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
        return d >= 250 && d <= 15_000;
      }),
    );
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0)).toBe(250);
  });
});
