import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { City } from '../city/city';
import type { Reply } from '../http/reply';
import { MAX_RING_POINTS, districtAreas, simplifyRing } from './areas';
import { createCapPublisher } from './capPublisher';

const START = Date.parse('2026-07-01T03:00:30Z');
const MIN = 60_000;

function setup() {
  const clock = { now: START };
  const publisher = createCapPublisher({ city: {} as City, seed: 1, now: () => clock.now, stamp: (ms) => ms, warn: () => undefined });
  const get = async (path: string, headers: Record<string, string> = {}): Promise<Reply> => {
    const reply = await publisher.route({ method: 'GET', headers } as IncomingMessage, new URL(path, 'http://emu'));
    if (reply === null) throw new Error(`${path} not routed`);
    return reply;
  };
  return { clock, publisher, get };
}
const body = (reply: Reply): string => (typeof reply.raw === 'string' ? reply.raw : '');
const entries = (reply: Reply): string[] => [...body(reply).matchAll(/href="messages\/([^"]+)\.xml"/g)].map((m) => m[1] ?? '');

describe('the emulator CAP publisher', () => {
  it('lists the rain and wave alerts at start, the exercise after 5 minutes, the Update at 20 and the Cancel at 45', async () => {
    const { clock, get } = setup();
    const at = async (minutes: number): Promise<string[]> => {
      clock.now = START + minutes * MIN;
      return entries(await get('/cap/index.atom'));
    };
    expect(await at(0)).toEqual(['PKT-20260701T1000-rain', 'PKT-20260701T1000-wave']);
    expect(await at(5)).toContain('PKT-20260701T1000-tsunami-exercise');
    expect(await at(20)).toContain('PKT-20260701T1000-rain-update');
    expect(await at(45)).toContain('PKT-20260701T1000-wave-cancel');
    expect(await at(65)).not.toContain('PKT-20260701T1000-tsunami-exercise');
    expect(await at(12 * 60)).toEqual([]);
  });

  it('answers 304 to the ETag or Last-Modified it gave, until the listing changes', async () => {
    const { clock, get } = setup();
    const first = await get('/cap/index.atom');
    expect(first.headers?.['Content-Type']).toMatch(/^application\/atom\+xml/);
    const etag = first.headers?.ETag ?? '';
    const lastModified = first.headers?.['Last-Modified'] ?? '';
    clock.now = START + 2 * MIN;
    expect((await get('/cap/index.atom', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/cap/index.atom', { 'if-modified-since': lastModified })).status).toBe(304);
    clock.now = START + 5 * MIN;
    const changed = await get('/cap/index.atom', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers?.ETag).not.toBe(etag);
    expect((await get('/cap/index.atom', { 'if-modified-since': lastModified })).status).toBe(200);
  });

  it('serves each sent message as CAP 1.2 with Thai and English blocks and its references; not before it is sent', async () => {
    const { clock, get } = setup();
    expect((await get('/cap/messages/PKT-20260701T1000-rain-update.xml')).status).toBe(404);
    clock.now = START + 20 * MIN;
    const update = await get('/cap/messages/PKT-20260701T1000-rain-update.xml');
    expect(update.headers?.['Content-Type']).toMatch(/^application\/cap\+xml/);
    const xml = body(update);
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(xml).toContain('<references>ddpm-phuket@emulator.invalid,PKT-20260701T1000-rain,2026-07-01T10:00:00+07:00</references>');
    expect(xml).toContain('<language>th-TH</language>');
    expect(xml).toContain('<language>en-US</language>');
    expect(xml).toContain('อำเภอกะทู้');
    expect((await get('/cap/messages/PKT-20260701T1000-rain-update.xml', { 'if-none-match': update.headers?.ETag ?? '' })).status).toBe(304);
    expect((await get('/cap/messages/nope.xml')).status).toBe(404);
    expect((await get('/cap/other')).status).toBe(404);
  });

  it('routes only its own paths and refuses writes', async () => {
    const { publisher } = setup();
    expect(await publisher.route({ method: 'GET', headers: {} } as IncomingMessage, new URL('http://emu/ngsi-ld/v1/entities'))).toBeNull();
    expect((await publisher.route({ method: 'POST', headers: {} } as IncomingMessage, new URL('http://emu/cap/index.atom')))?.status).toBe(405);
  });

  it('draws the districts from the real boundaries, each ring closed and at most 200 points', () => {
    const areas = districtAreas();
    expect(areas.map((a) => a.en)).toEqual(['Mueang Phuket district', 'Kathu district', 'Thalang district']);
    for (const area of areas) {
      const points = (area.polygons[0] ?? '').split(' ');
      expect(points.length).toBeLessThanOrEqual(MAX_RING_POINTS);
      expect(points.length).toBeGreaterThan(20);
      expect(points[0]).toBe(points.at(-1));
    }
    const square: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(simplifyRing(square, 10)).toEqual(square);
  });
});
