import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, mosquittoMissing } from '../../test/support/mosquitto';
import type { Mosquitto } from '../../test/support/mosquitto';
import { loadNgsiSpec } from '../../test/support/ngsiSpec';
import { patchAlert } from '../city/commands';
import { startEmulator } from '../emulator';
import type { Emulator } from '../emulator';
import { TestSubscriber } from '../mqtt/testSubscriber';
import type { Received } from '../mqtt/testSubscriber';
import { createSubscription, isRecord, readSubscription, recordsOf, sendJson, waitForSubscription } from './subscriptionsTestKit';

const spec = loadNgsiSpec();
const missing = mosquittoMissing();
if (missing !== null) console.warn(missing);

/** Sets a unit driving a long way, so every step changes a Vehicle. */
function keepAUnitMoving(emu: Emulator): void {
  const incident = [...emu.city.incidents.values()].find((i) => i.status === 'new');
  const unit = [...emu.city.units.values()].find((u) => u.status === 'available' && u.agency === 'ems');
  if (incident === undefined || unit === undefined) throw new Error('fixture lacks a new incident or a free ambulance');
  incident.location = [98.31, 8.11];
  patchAlert(emu.city, incident.id, { status: 'acknowledged' });
  patchAlert(emu.city, incident.id, { status: 'dispatched', assignedUnits: [unit.id] });
}

const body = (m: Received): Record<string, unknown> => {
  if (!isRecord(m.json) || !isRecord(m.json['body'])) throw new Error(`not a {metadata, body} message: ${JSON.stringify(m.json)}`);
  return m.json['body'];
};
const forSubscription = (id: string) => (m: Received): boolean => isRecord(m.json) && isRecord(m.json['body']) && m.json['body']['subscriptionId'] === id;
const mqttEndpoint = (url: string, topic: string, info: Record<string, string> = { 'MQTT-QoS': '1' }): Record<string, unknown> => ({
  uri: `${url}/${topic}`,
  accept: 'application/json',
  notifierInfo: Object.entries(info).map(([key, value]) => ({ key, value })),
});

interface Setup {
  readonly emu: Emulator;
  readonly brokerUrl: string;
  readonly mqtt5: boolean;
  readonly close: () => Promise<void>;
}

const brokers: [string, boolean, () => Promise<Setup>][] = [
  [
    'the embedded aedes broker',
    false,
    async () => {
      const emu = await startEmulator({ seed: 21, startTime: '2025-03-04T05:00:00Z', autoTick: false });
      if (emu.mqttUrl === null) throw new Error('no embedded broker');
      return { emu, brokerUrl: emu.mqttUrl, mqtt5: false, close: () => emu.close() };
    },
  ],
  [
    'a real mosquitto',
    missing !== null,
    async () => {
      const mosquitto: Mosquitto = await startMosquitto();
      const emu = await startEmulator({ seed: 21, startTime: '2025-03-04T05:00:00Z', autoTick: false, mqttUrl: mosquitto.url });
      return { emu, brokerUrl: mosquitto.url, mqtt5: true, close: async () => (await emu.close(), await mosquitto.stop()) };
    },
  ],
];

describe.each(brokers)('notifications over MQTT through %s', (_name, skip, setup) => {
  let s: Setup;
  const subscribers: TestSubscriber[] = [];
  const listen = async (topic: string): Promise<TestSubscriber> => {
    const sub = await TestSubscriber.open(s.brokerUrl, topic);
    subscribers.push(sub);
    return sub;
  };

  beforeAll(async () => {
    if (skip) return;
    s = await setup();
    keepAUnitMoving(s.emu);
    s.emu.step(1);
  });
  afterAll(async () => {
    for (const sub of subscribers.splice(0)) await sub.close();
    if (!skip) await s.close();
  });

  it.skipIf(skip)('publishes {metadata, body} Notifications at the QoS asked, in keyValues and normalized, valid against the spec', async () => {
    expect(s.emu.mqttUrl).toBe(s.brokerUrl);
    const listener = await listen('phuket/units/#');
    const kv = await createSubscription(s.emu, { entities: [{ type: 'Vehicle' }], watchedAttributes: ['location'], notification: { format: 'keyValues', attributes: ['location', 'unitStatus'], endpoint: mqttEndpoint(s.brokerUrl, 'phuket/units/kv') } });
    const norm = await createSubscription(s.emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: mqttEndpoint(s.brokerUrl, 'phuket/units/normalized') } });
    s.emu.step(2);

    const kvMessage = await listener.next(forSubscription(kv));
    expect(kvMessage.topic).toBe('phuket/units/kv');
    expect(kvMessage.json).toMatchObject({ metadata: { 'Content-Type': 'application/json', Link: expect.stringContaining('json-ld#context') } });
    const kvBody = body(kvMessage);
    expect(kvBody).toMatchObject({ type: 'Notification', subscriptionId: kv });
    expect(kvBody['id']).toMatch(/^urn:ngsi-ld:Notification:[0-9a-f-]{36}$/);
    expect(spec.validate('Notification', { ...kvBody, data: [] })).toEqual([]);
    const kvData = recordsOf(kvBody['data']);
    expect(kvData.length).toBeGreaterThan(0);
    for (const e of kvData) {
      expect(Object.keys(e).sort()).toEqual(['id', 'location', 'type', 'unitStatus']);
      expect(e['location']).toMatchObject({ type: 'Point' });
    }

    const normBody = body(await listener.next(forSubscription(norm)));
    expect(spec.validate('Notification', normBody)).toEqual([]);
    for (const e of recordsOf(normBody['data'])) expect(e['speed']).toMatchObject({ type: 'Property' });

    const status = await waitForSubscription(s.emu, kv, (x) => x.notification['lastSuccess'] !== undefined);
    expect(status.notification).toMatchObject({ status: 'ok', timesSent: 1 });
    expect(spec.validate('Subscription', status)).toEqual([]);
  });

  it.skipIf(skip)('entityCreated and entityDeleted: an incident posted, and one the city retires', async () => {
    const listener = await listen('phuket/alerts');
    const id = await createSubscription(s.emu, {
      entities: [{ type: 'Alert' }],
      notificationTrigger: ['entityCreated', 'entityDeleted'],
      notification: { endpoint: mqttEndpoint(s.brokerUrl, 'phuket/alerts') },
    });
    const alertId = `urn:ngsi-ld:Alert:mqtt-test-${s.mqtt5 ? 'mosquitto' : 'aedes'}`;
    const created = await sendJson(`${s.emu.url}/ngsi-ld/v1/entities`, 'POST', { id: alertId, type: 'Alert', incidentType: 'medical', location: { type: 'Point', coordinates: [98.39, 7.89] } });
    expect(created.status).toBe(201);
    const createdBody = body(await listener.next((m) => forSubscription(id)(m) && recordsOf(body(m)['data']).some((e) => e['id'] === alertId)));
    expect(spec.validate('Notification', createdBody)).toEqual([]);

    const retiring = [...s.emu.city.incidents.values()].find((i) => i.id !== alertId);
    if (retiring === undefined) throw new Error('no incident to retire');
    retiring.status = 'closed';
    retiring.statusSinceMs = s.emu.city.nowMs - 24 * 3_600_000;
    s.emu.step(1);
    const deletedBody = body(await listener.next((m) => forSubscription(id)(m) && recordsOf(body(m)['data']).some((e) => e['id'] === retiring.id)));
    expect(spec.validate('Notification', deletedBody)).toEqual([]);
    const gone = recordsOf(deletedBody['data']).find((e) => e['id'] === retiring.id);
    expect(gone).toEqual({ id: retiring.id, type: 'Alert', deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it.skipIf(skip)('a persistent session (clean: false, QoS 1) gets what was published while it was away', async () => {
    const clientId = `console-${s.mqtt5 ? 'mosquitto' : 'aedes'}-persistent`;
    const first = await TestSubscriber.open(s.brokerUrl, 'phuket/persistent', { clientId, clean: false });
    await first.close();
    const id = await createSubscription(s.emu, { entities: [{ type: 'Vehicle' }], notification: { format: 'keyValues', endpoint: mqttEndpoint(s.brokerUrl, 'phuket/persistent') } });
    s.emu.step(2);
    // QoS 1: lastSuccess means the broker acknowledged it, so it is queued for the absent session.
    await waitForSubscription(s.emu, id, (x) => x.notification['lastSuccess'] !== undefined);
    const back = await TestSubscriber.resume(s.brokerUrl, { clientId, clean: false });
    subscribers.push(back);
    const missed = body(await back.next(forSubscription(id)));
    expect(recordsOf(missed['data']).length).toBeGreaterThan(0);
  });

  it.skipIf(skip)('MQTT-Version mqtt5.0: delivered by a broker that speaks it, a recorded failure (no crash) on aedes, which does not', async () => {
    const listener = await listen('phuket/v5');
    const id = await createSubscription(s.emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: mqttEndpoint(s.brokerUrl, 'phuket/v5', { 'MQTT-Version': 'mqtt5.0', 'MQTT-QoS': '1' }) } });
    s.emu.step(2);
    if (s.mqtt5) {
      expect(body(await listener.next(forSubscription(id)))).toMatchObject({ subscriptionId: id });
    } else {
      const failed = await waitForSubscription(s.emu, id, (x) => x.notification['lastFailure'] !== undefined);
      expect(failed.notification).toMatchObject({ status: 'failed', timesFailed: 1 });
      expect(String(failed.notification['lastErrorReason'])).toMatch(/not reachable|protocol/i);
      expect((await fetch(`${s.emu.url}/emulator/status`)).status).toBe(200);
    }
  });
});

describe('a broker that is not there', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ seed: 21, startTime: '2025-03-04T05:00:00Z', autoTick: false, embeddedBroker: false });
    keepAUnitMoving(emu);
  });
  afterAll(async () => {
    await emu.close();
  });

  it('records the failure (lastFailure, reason) and the emulator carries on', async () => {
    const id = await createSubscription(emu, { entities: [{ type: 'Vehicle' }], notification: { endpoint: { uri: 'mqtt://127.0.0.1:1/nowhere' } } });
    emu.step(2);
    const failed = await waitForSubscription(emu, id, (x) => x.notification['lastFailure'] !== undefined);
    expect(failed.notification).toMatchObject({ status: 'failed', timesSent: 1, timesFailed: 1 });
    expect(failed.notification).not.toHaveProperty('lastSuccess');
    expect((await readSubscription(emu, id))['status']).toBe('active');
    expect(emu.mqttUrl).toBeNull();
  });
});
