import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHUKET, WORLD } from './common';
import { mapEntity } from './mapEntity';

const example = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../test/fixtures/ngsi-ld', name), 'utf8'));
// Received now-ish: the examples' own times are in the past, as a platform's are.
const RECEIVED = Date.parse('2026-11-26T12:00:00Z');
const world = { area: WORLD, receivedAt: RECEIVED };
const phuket = { area: PHUKET, receivedAt: RECEIVED };

describe('official Smart Data Model examples', () => {
  it.each(['TrafficFlowObserved.example.json', 'TrafficFlowObserved.example.jsonld', 'TrafficFlowObserved.example-normalized.json', 'TrafficFlowObserved.example-normalized.jsonld'])(
    'TrafficFlowObserved %s maps to the same road segment state',
    (name) => {
      const mapped = mapEntity(example(name), world);
      expect(mapped).toMatchObject({ ok: true, value: { feed: 'traffic', item: { speedKmh: 52.6, occupancy: 0.76, intensity: 197 } } });
      if (!mapped.ok || mapped.value.feed !== 'traffic') throw new Error('not traffic');
      expect(mapped.value.item.path[0]).toEqual([-4.73735395519672, 41.6538181849672]);
      expect(mapped.value.item.observedAt).toBeGreaterThan(Date.parse('2016-12-07T00:00:00Z'));
      expect(mapped.value.item.name).toBe('Avenida de Salamanca');
    },
  );

  it.each(['Alert.example.json', 'Alert.example-normalized.json'])('Alert %s maps without edits in both representations', (name) => {
    // A traffic jam has no special console type: it is an `other` incident that keeps its category and sub-category.
    expect(mapEntity(example(name), world)).toMatchObject({
      ok: true,
      value: { feed: 'incidents', item: { id: 'Alert:1', type: 'other', category: 'traffic', subCategory: 'trafficJam', severity: 'high', status: 'new', description: 'The road is completely blocked for 3kms' } },
    });
    const accident = { ...(example(name) as object), subCategory: 'carAccident' };
    expect(mapEntity(accident, world)).toMatchObject({ ok: true, value: { feed: 'incidents', item: { type: 'traffic-accident' } } });
  });

  it.each([
    ['naturalDisaster', 'earthquake'],
    ['weather', 'tropicalCyclone'],
    ['environment', 'airPollution'],
    ['agriculture', 'pestInfestation'],
    ['anything-new', 'neverSeenBefore'],
  ])('accepts every category: %s/%s', (category, subCategory) => {
    const mapped = mapEntity({ ...(example('Alert.example.json') as object), category, subCategory }, world);
    expect(mapped).toMatchObject({ ok: true, value: { item: { type: 'other', category, subCategory } } });
  });

  it.each(['Vehicle.example.json', 'Vehicle.example-normalized.json'])('Vehicle %s: a waste lorry is not a response unit', (name) => {
    expect(mapEntity(example(name), world)).toMatchObject({ ok: false, reason: expect.stringContaining('is not a response unit') });
    const ambulance = { ...(example(name) as object), vehicleType: name.includes('normalized') ? { type: 'Text', value: 'ambulance' } : 'ambulance' };
    const mapped = mapEntity(ambulance, world);
    expect(mapped).toMatchObject({ ok: true, value: { feed: 'units', item: { agency: 'ems', status: 'dispatched', speedKmh: 50 } } });
  });

  it('refuses the examples inside Phuket: they are in Spain', () => {
    const mapped = mapEntity(example('TrafficFlowObserved.example.json'), phuket);
    expect(mapped).toMatchObject({ ok: false, reason: expect.stringContaining('outside the service area') });
  });
});

describe('boundary validation', () => {
  const alert = {
    id: 'urn:ngsi-ld:Alert:phuket:1',
    type: 'Alert',
    category: 'health',
    subCategory: 'heartAttack',
    severity: 'critical',
    location: { type: 'Point', coordinates: [98.296, 7.896] },
    dateIssued: '2026-11-26T10:00:00Z',
    incidentType: 'medical',
    status: 'acknowledged',
    reporterLanguage: 'ru',
  };

  it('accepts a Phuket incident with our extra attributes', () => {
    expect(mapEntity(alert, phuket)).toMatchObject({ ok: true, value: { item: { type: 'medical', status: 'acknowledged', reporterLanguage: 'ru' } } });
  });

  it('names swapped coordinates', () => {
    const swapped = { ...alert, location: { type: 'Point', coordinates: [7.896, 98.296] } };
    expect(mapEntity(swapped, phuket)).toMatchObject({ ok: false, reason: expect.stringMatching(/\[lat, lon\]/) });
  });

  it.each([
    ['unknown status', { status: 'teleported' }, /status/],
    ['unknown severity', { severity: 'apocalyptic' }, /severity/],
    ['non-finite coordinate', { location: { type: 'Point', coordinates: [Number.NaN, 7.9] } }, /location/],
    ['huge description', { description: 'x'.repeat(5000) }, /description/],
    ['too many units', { assignedUnits: Array.from({ length: 51 }, (_, i) => `u${i}`) }, /assignedUnits/],
    ['bad time', { dateIssued: 'yesterday' }, /dateIssued/],
  ])('refuses %s with a reason', (_name, change, reason) => {
    const mapped = mapEntity({ ...alert, ...change }, phuket);
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.reason).toMatch(reason);
  });

  it('refuses things that are not entities', () => {
    for (const junk of [null, 42, 'Alert', [], { type: 'Alert' }, { id: 'x'.repeat(300), type: 'Alert' }, { id: 'a', type: 'Building' }]) {
      expect(mapEntity(junk, phuket).ok).toBe(false);
    }
  });
});
