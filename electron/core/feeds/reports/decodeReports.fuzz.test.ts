import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CitizenReport, itemsOf } from '../../../../shared/domain';
import { decodeReports } from './decodeReports';

const options = { receivedAt: Date.parse('2026-11-26T10:00:00Z'), baseUrl: 'http://platform.example/reports/v1/reports.geojson' };
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** Any value where a field is, or a plausible one: the decoder must take each without throwing. */
const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(null, '', 'done', 'waiting', 'น้ำท่วม', '__proto__', 1e308, -0, '2026-11-26T09:00:00Z', '/x.svg', 'javascript:x'));
const featureArb = fc.record(
  {
    type: fc.oneof(fc.constant('Feature'), anyValue),
    id: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), anyValue),
    geometry: fc.oneof(fc.record({ type: fc.constant('Point'), coordinates: fc.array(fc.oneof(fc.double({ noNaN: true }), fc.double({ min: 97, max: 99, noNaN: true }), fc.double({ min: 7, max: 9, noNaN: true })), { maxLength: 4 }) }), anyValue),
    properties: fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
          category: fc.oneof(fc.string({ maxLength: 200 }), anyValue),
          description: fc.oneof(fc.string({ maxLength: 5000 }), anyValue),
          photo: anyValue,
          address: fc.oneof(fc.string({ maxLength: 500 }), anyValue),
          status: anyValue,
          agency: anyValue,
          incidentId: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
          reportedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.integer(), anyValue),
          updatedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.double(), anyValue),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
  },
  { requiredKeys: [] },
);

describe('citizen report decoder under fuzzing', () => {
  it('never throws for any list of features, and everything it keeps is a valid CitizenReport', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(featureArb, anyValue), { maxLength: 12 }), (features) => {
        const decoded = decodeReports(encode({ type: 'FeatureCollection', features }), options);
        expect(decoded.complete).toBe(true);
        for (const report of itemsOf('reports', decoded.items)) expect(CitizenReport.safeParse(report).success).toBe(true);
        expect(decoded.items.length + decoded.rejected.length).toBeLessThanOrEqual(features.length);
        for (const reason of decoded.rejected) expect(reason).toMatch(/^report /);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps or refuses (naming it) a valid report with any one field replaced by anything', () => {
    const valid = { id: 'PKT-1', category: 'waste', description: 'ขยะ', photo: '/p.svg', address: 'Patong', status: 'done', agency: 'Pa Tong Municipality', incidentId: null, reportedAt: '2026-11-26T09:00:00Z', updatedAt: '2026-11-26T09:30:00Z' };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), anyValue, (key, value) => {
        const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [98.3, 7.9] }, properties: { ...valid, [key]: value } };
        const decoded = decodeReports(encode({ type: 'FeatureCollection', features: [feature] }), options);
        const kept = itemsOf('reports', decoded.items);
        expect(kept.length + decoded.rejected.length).toBe(1);
        for (const report of kept) expect(CitizenReport.safeParse(report).success).toBe(true);
        for (const reason of decoded.rejected) expect(reason).toMatch(/^report /);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses any other body with an Error saying why, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.string(), fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b))), (text) => {
        try {
          const decoded = decodeReports(new TextEncoder().encode(text), options);
          for (const report of itemsOf('reports', decoded.items)) expect(CitizenReport.safeParse(report).success).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect(String(error)).toMatch(/not JSON|not a GeoJSON FeatureCollection/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
