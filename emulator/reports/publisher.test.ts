import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Emulator } from '../emulator';
import { startEmulator } from '../emulator';

const START = '2026-11-26T08:00:00Z';
let emu: Emulator;
let feedUrl: string;

const Collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ id: z.string(), properties: z.object({ id: z.string(), status: z.string(), incidentId: z.string().nullable(), updatedAt: z.string(), photo: z.string() }) })),
});

beforeAll(async () => {
  emu = await startEmulator({ seed: 13, startTime: START, autoTick: false, embeddedBroker: false });
  feedUrl = `${emu.url}/reports/v1/reports.geojson`;
});
afterAll(async () => {
  await emu.close();
});

async function listing(): Promise<z.infer<typeof Collection>> {
  const res = await fetch(feedUrl);
  return Collection.parse(await res.json());
}
const patch = (id: string, body: unknown, type = 'application/merge-patch+json') =>
  fetch(`${emu.url}/reports/v1/reports/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the emulator’s citizen-report feed', () => {
  it('serves GeoJSON with a strong ETag of the body and Last-Modified, and 304s both conditionals', async () => {
    const first = await fetch(feedUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/geo+json');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(Number.isFinite(Date.parse(lastModified))).toBe(true);
    expect(Collection.parse(await first.json()).features.length).toBeGreaterThan(20);
    expect((await fetch(feedUrl, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(feedUrl, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await fetch(feedUrl, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    expect((await fetch(feedUrl, { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200);
  });

  it('changes its ETag and Last-Modified as the simulated clock moves reports on', async () => {
    const before = await fetch(feedUrl);
    const etag = before.headers.get('etag') ?? '';
    const lastModified = before.headers.get('last-modified') ?? '';
    const statuses = new Map(Collection.parse(await before.json()).features.map((f) => [f.id, f.properties.status]));
    for (let i = 0; i < 60; i++) emu.step(60);
    const after = await fetch(feedUrl, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await fetch(feedUrl, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(200);
    const now = Collection.parse(await after.json()).features;
    expect(now.filter((f) => statuses.has(f.id) && statuses.get(f.id) !== f.properties.status).length).toBeGreaterThan(0);
    expect(now.some((f) => !statuses.has(f.id))).toBe(true);
  });

  it('serves each report’s photo as an SVG made here', async () => {
    const [feature] = (await listing()).features;
    if (feature === undefined) throw new Error('no report');
    const res = await fetch(new URL(feature.properties.photo, emu.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await fetch(`${emu.url}/reports/v1/photos/PKT-none.svg`)).status).toBe(404);
  });

  it('links a report by merge-patch: 204, the same incident again 204, another 409, unknown 404, bad bodies 400/415', async () => {
    const [feature] = (await listing()).features.filter((f) => f.properties.incidentId === null);
    if (feature === undefined) throw new Error('no unlinked report');
    const etag = (await fetch(feedUrl)).headers.get('etag') ?? '';
    expect((await patch(feature.id, { incidentId: 'urn:ngsi-ld:Alert:one' })).status).toBe(204);
    const linked = (await listing()).features.find((f) => f.id === feature.id);
    expect(linked?.properties.incidentId).toBe('urn:ngsi-ld:Alert:one');
    expect(Date.parse(linked?.properties.updatedAt ?? '')).toBeGreaterThan(Date.parse(feature.properties.updatedAt));
    expect((await fetch(feedUrl, { headers: { 'If-None-Match': etag } })).status).toBe(200);
    expect((await patch(feature.id, { incidentId: 'urn:ngsi-ld:Alert:one' })).status).toBe(204);
    const conflict = await patch(feature.id, { incidentId: 'urn:ngsi-ld:Alert:two' });
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain('urn:ngsi-ld:Alert:one');
    expect((await patch('PKT-none', { incidentId: 'x' })).status).toBe(404);
    expect((await patch(feature.id, '{not json')).status).toBe(400);
    expect((await patch(feature.id, { incidentId: 7 })).status).toBe(400);
    expect((await patch(feature.id, { status: 'lost' })).status).toBe(400);
    expect((await patch(feature.id, {})).status).toBe(400);
    expect((await patch(feature.id, { incidentId: 'x', extra: 1 })).status).toBe(400);
    expect((await patch(feature.id, { incidentId: 'x' }, 'text/plain')).status).toBe(415);
    expect((await fetch(feedUrl, { method: 'DELETE' })).status).toBe(405);
  });

  it('takes a status from the console too', async () => {
    const [feature] = (await listing()).features.filter((f) => f.properties.status === 'waiting' || f.properties.status === 'in-progress');
    if (feature === undefined) throw new Error('no open report');
    expect((await patch(feature.id, { status: 'forwarded' })).status).toBe(204);
    expect((await listing()).features.find((f) => f.id === feature.id)?.properties.status).toBe('forwarded');
  });
});
