import { describe, expect, it } from 'vitest';
import { LatestStateSchema } from './schemas';
import { fakeIncident, fakeUnit } from './testing/fakeItems';

// What the client takes from the worker's loadLatest: the worker parsed each item from disk, so the client checks the envelope.
describe('the last-known picture across the thread', () => {
  const unit = { feed: 'units', item: fakeUnit(1) };
  const incident = { feed: 'incidents', item: fakeIncident(2), modifiedAt: 5 };

  it('takes the items the worker read, unchanged', () => {
    const parsed = LatestStateSchema.parse({ items: [unit, incident], newestReceivedAt: { units: 10, incidents: null } });
    expect(parsed.items).toEqual([unit, incident]);
  });

  it.each([
    ['an unknown feed', { feed: 'weather', item: { id: 'x' } }],
    ['an item without an id', { feed: 'units', item: { callsign: 'EMS-1' } }],
    ['an empty id', { feed: 'units', item: { id: '' } }],
    ['no item', { feed: 'units' }],
    ['a bare item', fakeUnit(3)],
  ])('refuses %s', (_, item) => {
    expect(LatestStateSchema.safeParse({ items: [unit, item], newestReceivedAt: {} }).success).toBe(false);
  });
});
