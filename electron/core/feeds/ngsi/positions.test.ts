import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LonLat } from '../../../../shared/domain';
import { ANY_FINITE, LON_LAT, positionListSchema, positionSchema } from './positions';

// The zod tuples the fast schemas replace: the domain's LonLat, and the wire's "two finite numbers".
const WireTuple = z.tuple([z.number().finite(), z.number().finite()]);
const DomainPath = z.array(LonLat).min(2).max(2000);
const WirePath = z.array(WireTuple).min(2).max(2000);

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(180, -180, 90, -90, 180.000001, -90.000001, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE),
  fc.double({ min: -200, max: 200, noNaN: true }),
);
const anything = fc.oneof(number, fc.string(), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.jsonValue());
/** Mostly near-positions, so both verdicts are common: pairs, pairs with a third number, short arrays, junk. */
const candidate = fc.oneof(fc.tuple(number, number), fc.tuple(number, number, number), fc.array(number, { maxLength: 3 }), fc.tuple(anything, anything), anything);

describe('positions checked in one loop', () => {
  it('accept and refuse exactly what the domain LonLat tuple does', () => {
    const fast = positionSchema(LON_LAT);
    fc.assert(fc.property(candidate, (value) => {
      expect(fast.safeParse(value).success).toBe(LonLat.safeParse(value).success);
    }), { numRuns: 2000 });
  });

  it('accept and refuse exactly what the wire tuple of two finite numbers does', () => {
    const fast = positionSchema(ANY_FINITE);
    fc.assert(fc.property(candidate, (value) => {
      expect(fast.safeParse(value).success).toBe(WireTuple.safeParse(value).success);
    }), { numRuns: 2000 });
  });

  it('judge lists as z.array(tuple).min(2).max(2000) does, domain and wire alike', () => {
    const lists = fc.oneof(fc.array(candidate, { maxLength: 6 }), fc.array(fc.tuple(fc.double({ min: -180, max: 180 }), fc.double({ min: -90, max: 90 })), { maxLength: 6 }), anything);
    const domain = positionListSchema(LON_LAT, 2, 2000);
    const wire = positionListSchema(ANY_FINITE, 2, 2000);
    fc.assert(
      fc.property(lists, (value) => {
        expect(domain.safeParse(value).success).toBe(DomainPath.safeParse(value).success);
        expect(wire.safeParse(value).success).toBe(WirePath.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
    const long = Array.from({ length: 2001 }, () => [98.3, 7.9]);
    expect(domain.safeParse(long).success).toBe(false);
    expect(domain.safeParse(long.slice(1)).success).toBe(true);
  });

  it('hand the accepted value on as it came, without a copy', () => {
    const path = [[98.3, 7.9], [98.31, 7.91]];
    const parsed = positionListSchema(LON_LAT, 2, 2000).safeParse(path);
    expect(parsed.success && parsed.data).toBe(path);
  });

  it('say which point is wrong and why', () => {
    const parsed = z.object({ coordinates: positionListSchema(LON_LAT, 2, 10) }).safeParse({ coordinates: [[98.3, 7.9], [98.3, 7.9], [200, 7.9]] });
    expect(parsed.error?.issues).toMatchObject([{ path: ['coordinates', 2], message: 'longitude 200 is not a finite number within ±180' }]);
    expect(positionSchema(ANY_FINITE).safeParse([98.3, Number.NaN]).error?.issues[0]?.message).toBe('latitude NaN is not a finite number');
    expect(positionSchema(ANY_FINITE).safeParse([98.3, 7.9, 0]).error?.issues[0]?.message).toMatch(/two numbers/);
    expect(positionListSchema(ANY_FINITE, 2, 10).safeParse([[98.3, 7.9]]).error?.issues[0]?.message).toBe('expected 2 to 10 positions, got 1');
  });
});
