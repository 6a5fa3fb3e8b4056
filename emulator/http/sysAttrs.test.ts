import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNgsiSpec } from '../../test/support/ngsiSpec';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { createSubscription, isRecord, recordsOf, sendJson } from './subscriptionsTestKit';

const spec = loadNgsiSpec();
let emu: Emulator;
let wall = Date.parse('2026-12-06T00:00:00Z');
const received: Record<string, unknown>[] = [];
const sink = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    const body: unknown = JSON.parse(raw);
    if (isRecord(body)) received.push(body);
    res.writeHead(204).end();
  });
});
let sinkUrl = '';

beforeAll(async () => {
  emu = await startEmulator({ seed: 8, startTime: '2025-03-04T05:00:00Z', autoTick: false, embeddedBroker: false, subscriptionClock: () => wall });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const address = sink.address();
  sinkUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/notify`;
});
afterAll(async () => {
  await emu.close();
  await new Promise((resolve) => sink.close(resolve));
});

async function nextNotification(): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  while (received.length === 0) {
    if (Date.now() > deadline) throw new Error('no notification');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return received.shift() ?? {};
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('system attributes (options=sysAttrs, notification.sysAttrs)', () => {
  it('GET gives createdAt/modifiedAt on the entity and its attributes (normalized) or the entity only (keyValues), on the wall clock', async () => {
    const list: unknown = await (await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert&limit=3&options=sysAttrs`)).json();
    const [alert] = recordsOf(list);
    expect(alert).toMatchObject({ createdAt: iso(wall), modifiedAt: iso(wall), status: { type: 'Property', createdAt: iso(wall), modifiedAt: iso(wall) } });
    expect(spec.validate('Entity', alert)).toEqual([]);
    const kv: unknown = await (await fetch(`${emu.url}/ngsi-ld/v1/entities/${encodeURIComponent(String(alert?.['id']))}?options=keyValues,sysAttrs`)).json();
    expect(kv).toMatchObject({ id: alert?.['id'], createdAt: iso(wall), modifiedAt: iso(wall) });
    expect(isRecord(kv) && typeof kv['status']).toBe('string');
    // Without the option, no system attributes.
    const plain: unknown = await (await fetch(`${emu.url}/ngsi-ld/v1/entities?type=Alert&limit=1`)).json();
    expect(recordsOf(plain)[0]).not.toHaveProperty('modifiedAt');
  });

  it('a change moves modifiedAt of the entity and of the changed attribute only; a notification with sysAttrs carries the same times', async () => {
    const entities = `${emu.url}/ngsi-ld/v1/entities`;
    const id = 'urn:ngsi-ld:WeatherObserved:phuket:karon';
    const created = wall;
    expect((await sendJson(entities, 'POST', { id, type: 'WeatherObserved', temperature: 30, humidity: 70 })).status).toBe(201);
    const sub = await createSubscription(emu, { entities: [{ type: 'WeatherObserved' }], notification: { sysAttrs: true, endpoint: { uri: sinkUrl } } });
    wall += 5_000;
    expect((await sendJson(`${entities}/${encodeURIComponent(id)}/attrs`, 'PATCH', { temperature: 31 })).status).toBe(204);
    const note = await nextNotification();
    expect(note['subscriptionId']).toBe(sub);
    expect(spec.validate('Notification', note)).toEqual([]);
    const [notified] = recordsOf(note['data']);
    const expected = {
      createdAt: iso(created),
      modifiedAt: iso(wall),
      temperature: { value: 31, createdAt: iso(created), modifiedAt: iso(wall) },
      humidity: { value: 70, createdAt: iso(created), modifiedAt: iso(created) },
    };
    expect(notified).toMatchObject(expected);
    wall += 5_000;
    // Read later, the same state has the same times: a client can order a listing and a notification by modifiedAt.
    expect(await (await fetch(`${entities}/${encodeURIComponent(id)}?options=sysAttrs`)).json()).toMatchObject(expected);
    const got: unknown = await (await fetch(`${emu.url}/ngsi-ld/v1/subscriptions/${encodeURIComponent(sub)}`)).json();
    expect(got).toMatchObject({ notification: { sysAttrs: true } });
  });
});
