import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubscriptionManager } from './subscriptions';
import type { SubscriptionPlan } from './subscriptions';
import { startTestBroker } from './testBroker';
import type { TestBroker } from './testBroker';

const plan: SubscriptionPlan = {
  id: 'urn:ngsi-ld:Subscription:phuket-console:ws1:Alert',
  entityType: 'Alert',
  endpoint: { uri: 'mqtt://127.0.0.1:1883/phuket/console/ws1/Alert', notifierInfo: [{ key: 'MQTT-Version', value: 'mqtt3.1.1' }, { key: 'MQTT-QoS', value: '1' }] },
};

let broker: TestBroker;
const START = Date.parse('2026-12-05T10:00:00Z');
let clock = START;
const now = () => clock;
beforeEach(() => {
  clock = START;
});
afterEach(async () => broker?.close());

function manager(ttlMs = 60_000): SubscriptionManager {
  return new SubscriptionManager({ broker: { baseUrl: broker.url, tenant: null, token: null }, plans: [plan], ttlMs, now });
}

describe('the subscription manager', () => {
  it('creates, renews at two thirds of the lifetime, reads back in between, and deletes on stop', async () => {
    broker = await startTestBroker();
    const subs = manager();
    await subs.ensureAll();
    expect(broker.subscriptions.get(plan.id)).toMatchObject({ expiresAt: '2026-12-05T10:01:00.000Z' });
    clock += 30_000;
    expect(await subs.maintain()).toEqual({ lapsed: [] });
    expect(broker.seen.at(-1)).toMatchObject({ method: 'GET', path: `/ngsi-ld/v1/subscriptions/${encodeURIComponent(plan.id)}` });
    clock += 10_001;
    expect(await subs.maintain()).toEqual({ lapsed: [] });
    expect(broker.seen.at(-1)).toMatchObject({ method: 'PATCH', body: { expiresAt: '2026-12-05T10:01:40.001Z' } });
    await subs.deleteAll();
    expect(broker.seen.at(-1)).toMatchObject({ method: 'DELETE' });
    expect(broker.subscriptions.size).toBe(0);
  });

  it('makes a subscription again when the broker lost it (404 on renewal or read-back), and says it lapsed', async () => {
    broker = await startTestBroker();
    const subs = manager();
    await subs.ensureAll();
    broker.subscriptions.clear();
    clock += 1000;
    expect(await subs.maintain()).toEqual({ lapsed: [plan.id] });
    expect(broker.subscriptions.has(plan.id)).toBe(true);
    broker.subscriptions.clear();
    clock += 60_000;
    expect(await subs.maintain()).toEqual({ lapsed: [plan.id] });
    expect(broker.seen.slice(-2).map((r) => r.method)).toEqual(['PATCH', 'POST']);
  });

  it('takes over its own subscription left by a console that crashed (409), and drops sysAttrs for a broker that refuses it', async () => {
    broker = await startTestBroker();
    broker.subscriptions.set(plan.id, { id: plan.id, expiresAt: 'old' });
    broker.failNext('POST', '/ngsi-ld/v1/subscriptions', 400, 'notification.sysAttrs: Invalid input: expected false');
    const subs = manager();
    await subs.ensureAll();
    expect(subs.withSysAttrs).toBe(false);
    const patched = broker.subscriptions.get(plan.id);
    expect(patched).toMatchObject({ expiresAt: '2026-12-05T10:01:00.000Z', entities: [{ type: 'Alert' }] });
    expect(patched?.['notification']).not.toHaveProperty('sysAttrs');
  });

  it('throws a broker refusal so the link is retried, naming the status', async () => {
    broker = await startTestBroker();
    broker.failNext('POST', '/ngsi-ld/v1/subscriptions', 503, 'busy');
    await expect(manager().ensureAll()).rejects.toThrow(/HTTP 503/);
  });
});
