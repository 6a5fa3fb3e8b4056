import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Incident, RoadSegmentState, Unit } from '../../../../shared/domain';
import { PHUKET } from './common';
import type { FlatEntity } from './flatten';
import { flattenEntity } from './flatten';
import { mapAlert } from './mapAlert';
import { mapEntity } from './mapEntity';
import { mapTraffic } from './mapTraffic';
import { mapVehicle } from './mapVehicle';

const options = { area: PHUKET, receivedAt: 1_000 };

const valid: Record<string, Record<string, unknown>> = {
  TrafficFlowObserved: {
    id: 'urn:ngsi-ld:TrafficFlowObserved:phuket:1',
    type: 'TrafficFlowObserved',
    location: { type: 'LineString', coordinates: [[98.3, 7.9], [98.31, 7.91]] },
    averageVehicleSpeed: 30,
    freeFlowSpeed: 60,
    dateObserved: '2026-11-26T10:00:00Z',
  },
  Vehicle: {
    id: 'urn:ngsi-ld:Vehicle:phuket:PKT-EMS-01',
    type: 'Vehicle',
    location: { type: 'Point', coordinates: [98.3, 7.9] },
    vehicleType: 'ambulance',
    agency: 'ems',
    unitStatus: 'available',
    callsign: 'PKT-EMS-01',
    heading: 90,
  },
  Alert: {
    id: 'urn:ngsi-ld:Alert:phuket:1',
    type: 'Alert',
    category: 'traffic',
    subCategory: 'carAccident',
    severity: 'high',
    location: { type: 'Point', coordinates: [98.3, 7.9] },
    dateIssued: '2026-11-26T10:00:00Z',
    notes: [{ id: 'n1', text: 'caller on scene', author: 'op', at: '2026-11-26T10:01:00Z' }],
  },
};

const mappers = {
  TrafficFlowObserved: { map: (e: FlatEntity) => mapTraffic(e, options), schema: RoadSegmentState },
  Vehicle: { map: (e: FlatEntity) => mapVehicle(e, options), schema: Unit },
  Alert: { map: (e: FlatEntity) => mapAlert(e, options), schema: Incident },
} as const;

/** A valid entity with some attributes replaced by anything at all, in keyValues or normalized form. */
function mutated(type: keyof typeof valid) {
  const base = valid[type]!;
  const keys = Object.keys(base).filter((k) => k !== 'type');
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...keys, 'extra'), fc.oneof(fc.jsonValue(), fc.double(), fc.constant(null)), { maxKeys: 3 }), fc.boolean())
    .map(([changes, normalized]) => {
      const entity: Record<string, unknown> = { ...base, ...changes, type };
      if (!normalized) return entity;
      return Object.fromEntries(Object.entries(entity).map(([k, v]) => [k, k === 'id' || k === 'type' ? v : { type: 'Property', value: v }]));
    });
}

/** Every attribute that is looked up in a table or parsed as an enum, per type. */
const ENUM_ATTRIBUTES: Record<string, [string, ...string[]]> = {
  TrafficFlowObserved: ['refRoadSegment', 'name'],
  Vehicle: ['serviceStatus', 'unitStatus', 'agency', 'vehicleType', 'vehicleSpecialUsage'],
  Alert: ['subCategory', 'category', 'severity', 'status', 'incidentType'],
};

/** Names that an `obj[key]` lookup would find on any object: the class of bug behind `subCategory: "toString"`. */
const prototypeName = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'constructor', 'prototype');

/** A valid entity whose enum-like attributes are replaced by prototype member names or arbitrary strings. */
function withEnums(type: keyof typeof valid) {
  const base = valid[type]!;
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...(ENUM_ATTRIBUTES[type] ?? ['id'])), fc.oneof(prototypeName, fc.string({ maxLength: 70 })), { minKeys: 1 }), fc.boolean())
    .map(([changes, normalized]) => {
      const entity = { ...base, ...changes, incidentType: undefined, unitStatus: undefined, type };
      // Object.entries drops nothing: a `__proto__` key set through spread stays an own, enumerable property.
      const clean = Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== undefined));
      if (!normalized) return clean;
      return Object.fromEntries(Object.entries(clean).map(([k, v]) => [k, k === 'id' || k === 'type' ? v : { type: 'Property', value: v }]));
    });
}

describe.each(Object.keys(mappers) as (keyof typeof mappers)[])('fuzzing the %s mapper', (type) => {
  const { map, schema } = mappers[type];

  function check(raw: unknown): void {
    const flat = flattenEntity(raw);
    if (!flat.ok) {
      expect(flat.reason.length).toBeGreaterThan(0);
      return;
    }
    const mapped = map(flat.value);
    // Whatever comes in: either a valid domain object or a refusal with a reason, never a throw.
    if (mapped.ok) expect(schema.safeParse(mapped.value).success).toBe(true);
    else expect(mapped.reason).toMatch(/\S/);
  }

  it('never throws on mutated valid entities, and everything it accepts is valid', () => {
    fc.assert(fc.property(mutated(type), check), { numRuns: 3000 });
  });

  it('refuses with a reason, or yields a valid item, for enum values drawn from Object.prototype names and arbitrary strings', () => {
    fc.assert(
      fc.property(withEnums(type), (raw) => {
        check(raw);
        const mapped = mapEntity(raw, options);
        // The whole path (flatten → mapper → schema) agrees: an accepted item is a valid domain item.
        if (mapped.ok) expect(schema.safeParse(mapped.value.item).success).toBe(true);
        else expect(mapped.reason).toMatch(/\S/);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }), check), { numRuns: 2000 });
  });

  it('accepts the unmutated entity', () => {
    const flat = flattenEntity(valid[type]);
    expect(flat.ok && map(flat.value).ok).toBe(true);
  });
});
