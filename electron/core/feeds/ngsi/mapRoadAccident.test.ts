import { describe, expect, it } from 'vitest';
import { PHUKET } from './common';
import { mapEntity } from './mapEntity';

const options = { area: PHUKET, receivedAt: Date.parse('2026-12-05T10:00:00Z') };
/** Smart Data Model Transportation RoadAccident, keyValues and normalized (NGSI-LD). */
const keyValues = {
  id: 'urn:ngsi-ld:RoadAccident:patong-1',
  type: 'RoadAccident',
  status: 'onGoing',
  accidentDate: '2026-12-05T09:40:00Z',
  location: { type: 'Point', coordinates: [98.301, 7.894] },
  description: 'Two motorbikes on Thaweewong Road',
  totalInjured: 2,
};
const normalized = {
  id: keyValues.id,
  type: 'RoadAccident',
  status: { type: 'Property', value: 'onGoing' },
  accidentDate: { type: 'Property', value: { '@type': 'DateTime', '@value': '2026-12-05T09:40:00Z' } },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.301, 7.894] } },
  description: { type: 'Property', value: 'Two motorbikes on Thaweewong Road' },
  totalInjured: { type: 'Property', value: 2 },
};

describe('RoadAccident', () => {
  it.each([
    ['keyValues', keyValues],
    ['normalized', normalized],
  ])('is a traffic accident incident (%s)', (_name, entity) => {
    expect(mapEntity(entity, options)).toMatchObject({
      ok: true,
      value: { feed: 'incidents', item: { type: 'traffic-accident', category: 'traffic', subCategory: 'roadAccident', severity: 'high', status: 'new', reportedAt: Date.parse('2026-12-05T09:40:00Z') } },
    });
  });

  it('reads severity from casualties and status from the model', () => {
    expect(mapEntity({ ...keyValues, totalInjured: 0, totalDeadPeopleWithin24Hours: 1, status: 'solved' }, options)).toMatchObject({ ok: true, value: { item: { severity: 'critical', status: 'resolved' } } });
    expect(mapEntity({ ...keyValues, totalInjured: undefined, status: 'archived' }, options)).toMatchObject({ ok: true, value: { item: { severity: 'medium', status: 'closed' } } });
  });

  it('refuses one without its required status, or outside Phuket, with a reason', () => {
    expect(mapEntity({ ...keyValues, status: undefined }, options)).toMatchObject({ ok: false, reason: expect.stringContaining('status') });
    expect(mapEntity({ ...keyValues, location: { type: 'Point', coordinates: [7.894, 98.301] } }, options)).toMatchObject({ ok: false, reason: expect.stringContaining('[lat, lon]') });
  });

  it("keeps the broker's modifiedAt (sysAttrs) to order versions, unless it is in the future", () => {
    expect(mapEntity({ ...keyValues, modifiedAt: '2026-12-05T09:59:00Z' }, options)).toMatchObject({ ok: true, value: { modifiedAt: Date.parse('2026-12-05T09:59:00Z') } });
    const future = mapEntity({ ...keyValues, modifiedAt: '2030-01-01T00:00:00Z' }, options);
    expect(future.ok && future.value.modifiedAt).toBe(undefined);
  });
});
