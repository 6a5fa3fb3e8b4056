import { describe, expect, it } from 'vitest';
import { fakeIncident, fakeSegment } from '../store/testing/fakeItems';
import { observationRecord } from './observationRecord';

describe('an accepted item as the observation log takes it', () => {
  it('carries the feed, id and times of the item, and the domain item serialized once', () => {
    const segment = fakeSegment(3, 1234);
    const record = observationRecord({ feed: 'traffic', item: segment, modifiedAt: 999 }, 5000);
    expect(record).toEqual({ feed: 'traffic', entityId: segment.id, sourceTime: 1234, endedAt: null, receivedAt: 5000, payload: JSON.stringify(segment) });
  });

  it("says when an item stopped mattering, from the feed registry's rule", () => {
    const closed = { ...fakeIncident(1, 1000), status: 'closed' as const, updatedAt: 2000 };
    expect(observationRecord({ feed: 'incidents', item: closed }, 3000)).toMatchObject({ sourceTime: 2000, endedAt: 2000 });
    expect(observationRecord({ feed: 'incidents', item: fakeIncident(2, 1000) }, 3000)).toMatchObject({ endedAt: null });
  });
});
