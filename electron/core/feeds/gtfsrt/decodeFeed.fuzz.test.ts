import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bus } from '../../../../shared/domain';
import { decodeVehiclePositions, GtfsRtRefused } from './decodeFeed';
import type { FeedEntityInput } from './testFeeds';
import { encodeFeed } from './testFeeds';

const receivedAt = Date.parse('2026-03-08T07:30:00Z');

/** Whatever the body, decoding either refuses it whole (GtfsRtRefused) or gives only schema-valid buses. */
function checked(body: Uint8Array, lastHeaderAt: number | null): void {
  try {
    const decoded = decodeVehiclePositions(body, receivedAt, lastHeaderAt);
    for (const entry of decoded.items) {
      expect(entry.feed).toBe('buses');
      expect(Bus.safeParse(entry.item).success).toBe(true);
    }
    expect(decoded.complete || decoded.removed !== undefined).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(GtfsRtRefused);
  }
}

const anyNumber = fc.oneof(fc.double(), fc.double({ min: -200, max: 200 }), fc.constantFrom(0, 98.3, 7.9, NaN, Infinity, -Infinity));
const seconds = fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }), fc.constant(Math.floor(receivedAt / 1000)), fc.constant(Number.MAX_SAFE_INTEGER));
const entity: fc.Arbitrary<FeedEntityInput> = fc.record(
  {
    id: fc.string({ maxLength: 300 }),
    isDeleted: fc.boolean(),
    vehicle: fc.record(
      {
        trip: fc.record({ tripId: fc.string({ maxLength: 250 }), routeId: fc.string({ maxLength: 120 }), directionId: fc.integer({ min: 0, max: 1 }) }, { requiredKeys: [] }),
        vehicle: fc.record({ id: fc.string(), label: fc.string({ maxLength: 80 }), licensePlate: fc.string() }, { requiredKeys: [] }),
        position: fc.record({ latitude: anyNumber, longitude: anyNumber, bearing: anyNumber, speed: anyNumber }, { requiredKeys: ['latitude', 'longitude'] }),
        timestamp: seconds,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['id'] },
);

describe('GTFS-realtime decoding under fuzz', () => {
  it('never throws anything but a refusal on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.option(fc.nat()), (bytes, last) => checked(bytes, last)), { numRuns: 500 });
  });

  it('maps random valid messages to schema-valid buses or reasons', () => {
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 12 }), fc.option(seconds), fc.constantFrom('FULL_DATASET' as const, 'DIFFERENTIAL' as const), (entities, header, mode) =>
        checked(encodeFeed(entities, header, mode), null),
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid message cut short or with a byte flipped', () => {
    fc.assert(
      fc.property(fc.array(entity, { minLength: 1, maxLength: 4 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (entities, at, flip) => {
        const body = encodeFeed(entities, Math.floor(receivedAt / 1000), 'FULL_DATASET');
        checked(body.subarray(0, at % (body.byteLength + 1)), null);
        const flipped = Uint8Array.from(body);
        flipped[at % flipped.byteLength] = flip;
        checked(flipped, null);
      }),
      { numRuns: 300 },
    );
  });
});
