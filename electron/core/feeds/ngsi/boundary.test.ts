import { describe, expect, it } from 'vitest';
import { PHUKET } from './common';
import { mapEntity } from './mapEntity';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const options = { area: PHUKET, receivedAt: NOW };

const alert = {
  id: 'urn:ngsi-ld:Alert:phuket:1',
  type: 'Alert',
  category: 'traffic',
  subCategory: 'carAccident',
  severity: 'high',
  location: { type: 'Point', coordinates: [98.3, 7.9] },
  dateIssued: '2026-11-26T09:00:00Z',
};
const vehicle = {
  id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01',
  type: 'Vehicle',
  location: { type: 'Point', coordinates: [98.3, 7.9] },
  vehicleType: 'ambulance',
  serviceStatus: 'parked',
};

describe('enum values that name Object.prototype members', () => {
  it.each(Object.getOwnPropertyNames(Object.prototype))('takes an Alert with subCategory %s as an `other` incident, never a prototype member', (name) => {
    expect(mapEntity({ ...alert, subCategory: name }, options)).toMatchObject({ ok: true, value: { item: { type: 'other', subCategory: name } } });
  });

  it.each(Object.getOwnPropertyNames(Object.prototype))('refuses a Vehicle with serviceStatus %s, with a reason', (name) => {
    expect(mapEntity({ ...vehicle, serviceStatus: name }, options)).toMatchObject({ ok: false, reason: expect.stringContaining(`unknown serviceStatus ${name}`) });
  });

  it('keeps an attribute named __proto__ an attribute: it cannot supply the location', () => {
    const { location, ...rest } = alert;
    const hostile = JSON.parse(JSON.stringify({ ...rest, ['__proto__x']: null }).replace('"__proto__x"', '"__proto__"').replace('null', JSON.stringify({ location })));
    expect(mapEntity(hostile, options)).toMatchObject({ ok: false, reason: expect.stringContaining('location') });
  });
});

describe('ids', () => {
  it.each([
    ['empty', '', /entity id is empty/],
    ['blank', '   ', /entity id is empty/],
    ['10 kB', 'x'.repeat(10_000), /entity id of 10000 characters is longer than 256/],
    ['a number', 42, /entity id missing or not text/],
  ])('refuses an %s id with a reason', (_name, id, reason) => {
    expect(mapEntity({ ...alert, id }, options)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('times from the future', () => {
  it('clamps a year-9999 dateModified to the receive time and says so', () => {
    const mapped = mapEntity({ ...alert, dateModified: '9999-12-31T23:59:59Z' }, options);
    expect(mapped).toMatchObject({ ok: true, value: { item: { updatedAt: NOW } }, adjusted: expect.stringMatching(/dateModified 9999-12-31T23:59:59.000Z is in the future; clamped/) });
  });

  it('clamps traffic and vehicle times too, and leaves a time within the skew alone', () => {
    const segment = {
      id: 'urn:ngsi-ld:TrafficFlowObserved:1',
      type: 'TrafficFlowObserved',
      location: { type: 'LineString', coordinates: [[98.3, 7.9], [98.31, 7.91]] },
      averageVehicleSpeed: 30,
      dateObserved: '9999-01-01T00:00:00Z',
    };
    expect(mapEntity(segment, options)).toMatchObject({ ok: true, value: { item: { observedAt: NOW } }, adjusted: expect.any(String) });
    const drove = { ...vehicle, location: { ...vehicle.location, observedAt: '9999-01-01T00:00:00Z' } };
    expect(mapEntity({ ...drove, location: { type: 'GeoProperty', value: vehicle.location, observedAt: '9999-01-01T00:00:00Z' } }, options)).toMatchObject({
      ok: true,
      value: { item: { observedAt: NOW } },
    });
    const soon = new Date(NOW + 60_000).toISOString();
    const mapped = mapEntity({ ...alert, dateModified: soon }, options);
    expect(mapped).toMatchObject({ ok: true, value: { item: { updatedAt: NOW + 60_000 } } });
    expect(mapped.ok && mapped.adjusted).toBeFalsy();
  });
});

describe('hostile values', () => {
  it.each([
    ['NaN coordinates', { location: { type: 'Point', coordinates: [Number.NaN, 7.9] } }],
    ['huge coordinates', { location: { type: 'Point', coordinates: [1e308, 7.9] } }],
    ['a number for the severity', { severity: 3 }],
    ['an object for the category', { category: { nested: true } }],
    ['a deeply nested description', { description: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) }],
    ['a deeply nested location', { location: JSON.parse('{"a":'.repeat(3000) + '1' + '}'.repeat(3000)) }],
  ])('refuses %s with a reason, without throwing', (_name, change) => {
    const mapped = mapEntity({ ...alert, ...change }, options);
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.reason).toMatch(/\S/);
  });
});

describe('notes as NGSI-LD multi-attribute instances', () => {
  const note = (n: number) => ({ id: `n${n}`, text: `note ${n}`, author: 'Malee', at: `2026-11-26T09:0${n}:00Z` });
  const notesOf = (entity: unknown) => {
    const mapped = mapEntity(entity, options);
    if (!mapped.ok || mapped.value.feed !== 'incidents') throw new Error(mapped.ok ? 'not an incident' : mapped.reason);
    return mapped.value.item.notes.map((n) => n.id);
  };

  it('reads one instance per note in normalized form, each with its own datasetId', () => {
    const notes = [1, 2].map((n) => ({ type: 'Property', value: note(n), datasetId: `urn:ngsi-ld:Note:n${n}` }));
    expect(notesOf({ ...alert, notes })).toEqual(['n1', 'n2']);
  });

  it('reads keyValues as an array of values and as a {datasetId: value} map', () => {
    expect(notesOf({ ...alert, notes: [note(1), note(2)] })).toEqual(['n1', 'n2']);
    expect(notesOf({ ...alert, notes: { 'urn:ngsi-ld:Note:n1': note(1), 'urn:ngsi-ld:Note:n2': note(2) } })).toEqual(['n1', 'n2']);
  });

  it("still reads today's single array value, and dedupes a note given both ways by its id", () => {
    const old = { type: 'Property', value: [note(1), note(2)] };
    expect(notesOf({ ...alert, notes: old })).toEqual(['n1', 'n2']);
    const mixed = [
      { type: 'Property', value: [note(1), note(2)] },
      { type: 'Property', value: note(2), datasetId: 'urn:ngsi-ld:Note:n2' },
      { type: 'Property', value: note(3), datasetId: 'urn:ngsi-ld:Note:n3' },
    ];
    expect(notesOf({ ...alert, notes: mixed })).toEqual(['n1', 'n2', 'n3']);
  });

  it('refuses a malformed note with a reason', () => {
    const bad = [{ type: 'Property', value: { id: 'n1', text: '' , author: 'x', at: 1 }, datasetId: 'urn:x' }];
    expect(mapEntity({ ...alert, notes: bad }, options)).toMatchObject({ ok: false, reason: expect.stringMatching(/notes/) });
  });
});
