import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENDED_KEPT_MS, MAX_REPORTS, ReportBook, isEnded } from './reportBook';
import type { SimReport } from './reportBook';
import { SPOTS } from './spots';

const START = Date.parse('2026-11-26T08:00:00Z');
const HOUR = 3_600_000;

const LandFile = z.object({ features: z.array(z.object({ geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }) })) });
const land = LandFile.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'basemap', 'land.geojson'), 'utf8'))).features;
const onLand = (lon: number, lat: number): boolean => land.some((f) => booleanPointInPolygon([lon, lat], f.geometry));

describe('citizen reports in the emulator', () => {
  it('puts every report on land, within about 50 m of a real place', () => {
    for (const s of SPOTS) expect(onLand(s.lon, s.lat), s.en).toBe(true);
    const book = new ReportBook(7, START);
    book.tick(START + 48 * HOUR);
    const seen = book.list();
    expect(seen.length).toBeGreaterThan(50);
    for (const r of seen) expect(onLand(r.lon, r.lat), `${r.id} at ${r.lon},${r.lat}`).toBe(true);
  });

  it('is the same for the same seed whatever the tick sizes, and different for another seed', () => {
    const coarse = new ReportBook(42, START);
    coarse.tick(START + 6 * HOUR);
    const fine = new ReportBook(42, START);
    for (let t = START; t <= START + 6 * HOUR; t += 7_000) fine.tick(t);
    fine.tick(START + 6 * HOUR);
    expect(fine.list()).toEqual(coarse.list());
    const other = new ReportBook(43, START);
    other.tick(START + 6 * HOUR);
    expect(other.list().map((r) => r.description)).not.toEqual(coarse.list().map((r) => r.description));
  });

  it('starts with a few hours of history in every stage, Thai and foreign descriptions, and free-text categories', () => {
    const book = new ReportBook(3, START);
    book.tick(START + 24 * HOUR);
    const statuses = new Set(book.list().map((r) => r.status));
    for (const s of ['waiting', 'in-progress', 'done'] as const) expect(statuses).toContain(s);
    expect(book.list().some((r) => /[\u0E00-\u0E7F]/.test(r.description))).toBe(true);
    expect(book.list().some((r) => /^[\x20-\x7E]+$/.test(r.description))).toBe(true);
    const longer = new ReportBook(3, START);
    longer.tick(START + 72 * HOUR);
    expect(longer.list().concat(book.list()).some((r) => r.category === 'Taxi overcharging' || r.category.startsWith('ท่อ') || r.category.startsWith('ต้นไม้'))).toBe(true);
  });

  it('moves each report forward as the agency works (waiting → in progress → done or rejected), stamping the step’s own time', () => {
    const book = new ReportBook(5, START);
    const fresh = book.list().filter((r) => r.status === 'waiting');
    expect(fresh.length).toBeGreaterThan(0);
    const before = new Map(fresh.map((r) => [r.id, r.updatedAt]));
    book.tick(START + 2 * HOUR);
    const moved = fresh.map((r) => book.get(r.id)).filter((r): r is SimReport => r !== undefined && r.status !== 'waiting');
    expect(moved.length).toBe(fresh.length);
    for (const r of moved) {
      expect(r.updatedAt).toBeGreaterThan(before.get(r.id) ?? Infinity);
      expect(r.updatedAt).toBeLessThanOrEqual(START + 2 * HOUR);
    }
  });

  it('stays bounded: finished reports drop out after their time, never more than the cap', () => {
    const book = new ReportBook(9, START);
    for (let t = START; t <= START + 7 * 24 * HOUR; t += HOUR) {
      book.tick(t);
      expect(book.size).toBeLessThanOrEqual(MAX_REPORTS);
      for (const r of book.list()) if (isEnded(r.status)) expect(r.updatedAt).toBeGreaterThanOrEqual(t - ENDED_KEPT_MS);
    }
  });

  it('links a report once: the same incident again is a no-op, another incident a conflict, an unknown id not found', () => {
    const book = new ReportBook(1, START);
    const [report] = book.list();
    if (report === undefined) throw new Error('no report');
    expect(book.patch(report.id, { incidentId: 'urn:ngsi-ld:Alert:a' }, START + 1)).toEqual({ status: 204 });
    const linked = { ...book.get(report.id) };
    const version = book.version;
    expect(book.patch(report.id, { incidentId: 'urn:ngsi-ld:Alert:a' }, START + 2)).toEqual({ status: 204 });
    expect(book.version).toBe(version);
    expect(book.get(report.id)?.updatedAt).toBe(linked.updatedAt);
    expect(book.patch(report.id, { incidentId: 'urn:ngsi-ld:Alert:b' }, START + 3).status).toBe(409);
    expect(book.get(report.id)?.incidentId).toBe('urn:ngsi-ld:Alert:a');
    expect(book.patch('PKT-nope', { incidentId: 'x' }, START).status).toBe(404);
  });
});
