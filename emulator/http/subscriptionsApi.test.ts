import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNgsiSpec } from '../../test/support/ngsiSpec';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';

const spec = loadNgsiSpec();
let emu: Emulator;
let base: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: 5, startTime: '2025-03-04T05:00:00Z', autoTick: false, embeddedBroker: false });
  base = `${emu.url}/ngsi-ld/v1/subscriptions`;
});
afterAll(async () => {
  await emu.close();
});

const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();
const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'Subscription',
  entities: [{ type: 'Vehicle' }],
  watchedAttributes: ['location'],
  notification: { format: 'keyValues', endpoint: { uri: 'mqtt://127.0.0.1:1883/phuket/units', accept: 'application/json', notifierInfo: [{ key: 'MQTT-QoS', value: '1' }] } },
  ...over,
});
const post = (body: unknown, contentType = 'application/json'): Promise<Response> =>
  fetch(base, { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const patch = (id: string, body: unknown): Promise<Response> =>
  fetch(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const get = async (id: string): Promise<Record<string, unknown>> => {
  const res = await fetch(`${base}/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  expect(spec.validate('Subscription', body)).toEqual([]);
  if (typeof body !== 'object' || body === null) throw new Error('not an object');
  return { ...body };
};

async function expectProblem(res: Response, status: number, type: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body: unknown = await res.json();
  expect(spec.validate('ProblemDetails', body)).toEqual([]);
  expect(body).toMatchObject({ type: `https://uri.etsi.org/ngsi-ld/errors/${type}`, status });
  return JSON.stringify(body);
}

describe('subscriptions API: CRUD', () => {
  it('creates with 201 + Location, and GET returns it with the status fields, valid against the spec', async () => {
    const body = valid({ id: 'urn:ngsi-ld:Subscription:crud-1', expiresAt: inAnHour(), throttling: 5 });
    expect(spec.validateRequestBody('Subscription', 'application/json', body)).toEqual([]);
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/ngsi-ld/v1/subscriptions/urn%3Angsi-ld%3ASubscription%3Acrud-1');
    const got = await get('urn:ngsi-ld:Subscription:crud-1');
    expect(got).toMatchObject({ id: 'urn:ngsi-ld:Subscription:crud-1', type: 'Subscription', status: 'active', isActive: true, throttling: 5, watchedAttributes: ['location'] });
    expect(got['notification']).toMatchObject({ format: 'keyValues', endpoint: { uri: 'mqtt://127.0.0.1:1883/phuket/units' } });
  });

  it('generates a urn:ngsi-ld:Subscription id when none is given, and accepts application/ld+json with @context', async () => {
    const res = await post({ ...valid(), '@context': 'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld' }, 'application/ld+json');
    expect(res.status).toBe(201);
    const id = decodeURIComponent((res.headers.get('location') ?? '').split('/').at(-1) ?? '');
    expect(id).toMatch(/^urn:ngsi-ld:Subscription:[0-9a-f-]{36}$/);
    expect(await get(id)).not.toHaveProperty('@context');
  });

  it('lists with limit, offset and count', async () => {
    for (let i = 0; i < 3; i++) expect((await post(valid({ id: `urn:ngsi-ld:Subscription:list-${i}` }))).status).toBe(201);
    const res = await fetch(`${base}?limit=2&offset=1&count=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toContain('rel="http://www.w3.org/ns/json-ld#context"');
    const total = Number(res.headers.get('ngsild-results-count'));
    expect(total).toBe(emu.subscriptions.size);
    const page: unknown = await res.json();
    expect(Array.isArray(page) && page.length).toBe(2);
    const all: unknown = await (await fetch(`${base}?limit=1000`)).json();
    expect(Array.isArray(all) ? all.slice(1, 3) : null).toEqual(page);
    for (const s of Array.isArray(all) ? all : []) expect(spec.validate('Subscription', s)).toEqual([]);
    await expectProblem(await fetch(`${base}?limit=0`), 400, 'BadRequestData');
  });

  it('PATCH merges members (notification member by member) and pauses with isActive', async () => {
    const id = 'urn:ngsi-ld:Subscription:patch-1';
    await post(valid({ id }));
    expect((await patch(id, { notification: { format: 'normalized' }, isActive: false, q: 'unitStatus=="available"' })).status).toBe(204);
    const got = await get(id);
    expect(got).toMatchObject({ status: 'paused', isActive: false, q: 'unitStatus=="available"', notification: { format: 'normalized', endpoint: { uri: 'mqtt://127.0.0.1:1883/phuket/units' } } });
    expect((await patch(id, { isActive: true })).status).toBe(204);
    expect(await get(id)).toMatchObject({ status: 'active' });
  });

  it('DELETE answers 204, then the subscription is gone (404)', async () => {
    const id = 'urn:ngsi-ld:Subscription:delete-1';
    await post(valid({ id }));
    expect((await fetch(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' })).status).toBe(204);
    await expectProblem(await fetch(`${base}/${encodeURIComponent(id)}`), 404, 'ResourceNotFound');
    await expectProblem(await fetch(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }), 404, 'ResourceNotFound');
    await expectProblem(await patch(id, { isActive: false }), 404, 'ResourceNotFound');
  });

  it('refuses a duplicate id with 409 AlreadyExists', async () => {
    await post(valid({ id: 'urn:ngsi-ld:Subscription:dup' }));
    await expectProblem(await post(valid({ id: 'urn:ngsi-ld:Subscription:dup' })), 409, 'AlreadyExists');
  });
});

describe('subscriptions API: invalid requests are 400 problem details', () => {
  const noNotification = valid();
  delete noNotification['notification'];
  const noTarget = valid();
  delete noTarget['entities'];
  delete noTarget['watchedAttributes'];
  it.each([
    ['no notification', noNotification, /notification/],
    ['neither entities nor watchedAttributes', noTarget, /entities, watchedAttributes or both/],
    ['an ftp endpoint', valid({ notification: { endpoint: { uri: 'ftp://example.org/x' } } }), /http, https, mqtt or mqtts/],
    ['empty entities', valid({ entities: [] }), /entities/],
    ['an unknown trigger', valid({ notificationTrigger: ['whenever'] }), /notificationTrigger/],
    ['a bad MQTT-QoS', valid({ notification: { endpoint: { uri: 'mqtt://h/t', notifierInfo: [{ key: 'MQTT-QoS', value: '3' }] } } }), /MQTT-QoS/],
    ['a past expiresAt', valid({ expiresAt: '2020-01-01T00:00:00Z' }), /not in the future/],
    ['a wrong type', valid({ type: 'Registration' }), /type/],
    ['an unparseable q', valid({ q: 'speed' }), /q/],
    ['a periodic subscription', valid({ timeInterval: 10 }), /not supported by the emulator: timeInterval/],
    ['concise format', valid({ notification: { format: 'concise', endpoint: { uri: 'mqtt://h/t' } } }), /notification.format=concise/],
  ])('%s', async (_name, body, detail) => {
    expect(await expectProblem(await post(body), 400, 'BadRequestData')).toMatch(detail);
  });

  it('a body that is not JSON is 400 InvalidRequest; another media type 415', async () => {
    await expectProblem(await post('{not json'), 400, 'InvalidRequest');
    expect((await post(valid(), 'text/plain')).status).toBe(415);
  });

  it('PATCH with a past expiresAt or another id is refused and changes nothing', async () => {
    const id = 'urn:ngsi-ld:Subscription:patch-bad';
    await post(valid({ id }));
    expect(await expectProblem(await patch(id, { expiresAt: '2020-01-01T00:00:00Z' }), 400, 'BadRequestData')).toMatch(/not in the future/);
    expect(await expectProblem(await patch(id, { id: 'urn:ngsi-ld:Subscription:other' }), 400, 'BadRequestData')).toMatch(/does not match/);
    expect(await get(id)).not.toHaveProperty('expiresAt');
  });
});
