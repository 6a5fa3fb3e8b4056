import { describe, expect, it } from 'vitest';
import { CitizenReport, itemsOf } from '../../../../shared/domain';
import { LiveState, PendingChanges } from '../../state/liveState';
import { decodeReports } from './decodeReports';

const RECEIVED = Date.parse('2026-11-26T10:00:00Z');
const BASE = 'http://platform.example:8080/reports/v1/reports.geojson';
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const decode = (value: unknown) => decodeReports(encode(value), { receivedAt: RECEIVED, baseUrl: BASE });
const reportsOf = (value: unknown) => itemsOf('reports', decode(value).items);

function feature(id: string, props: Record<string, unknown> = {}, coordinates: unknown = [98.2953, 7.8941]): Record<string, unknown> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates },
    properties: {
      id,
      category: 'road damage',
      description: 'ถนนเป็นหลุมลึก',
      photo: `/reports/v1/photos/${id}.svg`,
      address: 'ใกล้ถนนบางลา ต.ป่าตอง จ.ภูเก็ต',
      status: 'waiting',
      agency: 'Pa Tong Municipality',
      incidentId: null,
      reportedAt: '2026-11-26T09:00:00Z',
      updatedAt: '2026-11-26T09:10:00Z',
      ...props,
    },
  };
}
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('citizen report decoder', () => {
  it('maps a Traffy-style feature to a CitizenReport, complete, with observedAt from updatedAt and the photo resolved against the feed', () => {
    const decoded = decode(fc(feature('PKT-2026-000001')));
    expect(decoded.complete).toBe(true);
    expect(decoded.rejected).toEqual([]);
    const [report] = itemsOf('reports', decoded.items);
    expect(report).toEqual({
      id: 'PKT-2026-000001',
      category: 'road',
      categoryText: null,
      description: 'ถนนเป็นหลุมลึก',
      position: [98.2953, 7.8941],
      address: 'ใกล้ถนนบางลา ต.ป่าตอง จ.ภูเก็ต',
      photoUrl: 'http://platform.example:8080/reports/v1/photos/PKT-2026-000001.svg',
      status: 'waiting',
      agency: 'Pa Tong Municipality',
      incidentId: null,
      reportedAt: Date.parse('2026-11-26T09:00:00Z'),
      observedAt: Date.parse('2026-11-26T09:10:00Z'),
    });
  });

  it('keeps an unknown category as `other` with its words, knows Thai names, and shows an unknown status as waiting with a note', () => {
    const [taxi, drain, light, odd] = reportsOf(
      fc(feature('a', { category: 'Taxi overcharging' }), feature('b', { category: 'น้ำท่วม' }), feature('c', { category: 'Street_Light-Out' }), feature('d', { status: 'reopened' })),
    );
    expect(taxi).toMatchObject({ category: 'other', categoryText: 'Taxi overcharging' });
    expect(drain).toMatchObject({ category: 'flooding', categoryText: null });
    expect(light?.category).toBe('lighting');
    expect(odd?.status).toBe('waiting');
    expect(decode(fc(feature('d', { status: 'reopened' }))).adjusted.join()).toContain('report d: status "reopened" is not known');
  });

  it('refuses a bad feature with a reason naming it and keeps the rest', () => {
    const decoded = decode(
      fc(
        feature('ok'),
        feature('far', {}, [100.5, 13.7]),
        feature('swapped', {}, [7.89, 98.29]),
        feature('huge', {}, [1e308, 7.9]),
        feature('notime', { reportedAt: 'yesterday' }),
        feature('wrongtype', { category: 42 }),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [98.3, 7.9] }, properties: { category: 'waste', status: 'waiting', reportedAt: '2026-11-26T09:00:00Z' } },
        null,
        'feature',
      ),
    );
    expect(itemsOf('reports', decoded.items).map((r) => r.id)).toEqual(['ok']);
    const reasons = decoded.rejected.join('\n');
    for (const name of ['report far:', 'report swapped:', 'report huge:', 'report notime:', 'report wrongtype:', 'report #6:', 'report #7:', 'report #8:']) expect(reasons).toContain(name);
    expect(reasons).toContain('[lat, lon]');
  });

  it('refuses a whole body that is not JSON or not a collection (the poll counts it), and one over 4 MB before reading it', () => {
    expect(() => decode('<html>oops</html>')).toThrow(/not JSON/);
    expect(() => decode({ type: 'Feature' })).toThrow(/FeatureCollection/);
    expect(() => decode([])).toThrow(/FeatureCollection/);
    const big = new Uint8Array(10 * 1024 * 1024).fill(32);
    const started = performance.now();
    expect(() => decodeReports(big, { receivedAt: RECEIVED, baseUrl: BASE })).toThrow(/exceeds/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('survives deep nesting and prototype-named keys without polluting anything', () => {
    const deep = `{"type":"FeatureCollection","features":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    expect(decode(deep).rejected).toHaveLength(1);
    const nestedProps = JSON.stringify(fc(feature('n', { description: 'HOLE' }))).replace('"HOLE"', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(decode(nestedProps).rejected[0]).toMatch(/^report n: properties.description/);
    const proto = `{"type":"FeatureCollection","__proto__":{"polluted":1},"features":[{"type":"Feature","id":"p","geometry":{"type":"Point","coordinates":[98.3,7.9]},"properties":{"__proto__":{"status":"done"},"constructor":{"prototype":{"polluted":1}},"id":"p","category":"waste","status":"waiting","reportedAt":"2026-11-26T09:00:00Z"}}]}`;
    const [report] = reportsOf(proto);
    expect(report?.status).toBe('waiting');
    expect(CitizenReport.safeParse(report).success).toBe(true);
    expect(Object.keys(report ?? {})).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('cuts over-long text and drops a photo link that is not http(s), saying so', () => {
    const decoded = decode(fc(feature('x', { description: 'ก'.repeat(5000), photo: 'javascript:alert(1)' }), feature('y', { photo: 'data:image/svg+xml,<svg/>' })));
    const [x, y] = itemsOf('reports', decoded.items);
    expect(x?.description).toHaveLength(4000);
    expect(x?.photoUrl).toBeNull();
    expect(y?.photoUrl).toBeNull();
    expect(decoded.adjusted.filter((a) => a.includes('not an http(s) URL'))).toHaveLength(2);
  });

  it('clamps a time from the future to the receive time, so it cannot freeze the report', () => {
    const [r] = reportsOf(fc(feature('f', { updatedAt: '9999-01-01T00:00:00Z' })));
    expect(r?.observedAt).toBe(RECEIVED);
  });

  it('keeps the later version of a report listed twice in one body', () => {
    const decoded = decode(fc(feature('dup', { status: 'done', updatedAt: '2026-11-26T09:40:00Z' }), feature('dup', { status: 'in-progress', updatedAt: '2026-11-26T09:20:00Z' })));
    expect(itemsOf('reports', decoded.items)).toHaveLength(1);
    expect(itemsOf('reports', decoded.items)[0]?.status).toBe('done');
    expect(decoded.adjusted).toContain('report dup listed twice; kept the later version');
  });

  it('lets the core’s latest-wins keep the newer report when an older listing arrives late (observedAt is updatedAt)', () => {
    const state = new LiveState(() => RECEIVED);
    const pending = new PendingChanges();
    const newer = decode(fc(feature('r', { status: 'done', incidentId: 'urn:ngsi-ld:Alert:1', updatedAt: '2026-11-26T09:50:00Z' })));
    const older = decode(fc(feature('r', { status: 'waiting', updatedAt: '2026-11-26T09:05:00Z' })));
    state.replaceFeed('reports', newer.items, pending);
    expect(state.replaceFeed('reports', older.items, pending)).toMatchObject({ applied: 0, stale: 1 });
    expect(state.replaceFeed('reports', newer.items, pending)).toMatchObject({ applied: 0, duplicate: 1 });
    expect(state.snapshot().reports).toEqual([expect.objectContaining({ id: 'r', status: 'done', incidentId: 'urn:ngsi-ld:Alert:1' })]);
  });
});
