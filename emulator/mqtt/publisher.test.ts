import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from './embeddedBroker';
import type { EmbeddedBroker } from './embeddedBroker';
import { MqttPublisher } from './publisher';
import { TestSubscriber } from './testSubscriber';

let broker: EmbeddedBroker;
beforeAll(async () => {
  broker = await startEmbeddedBroker({ warn: () => undefined });
});
afterAll(() => broker.close());

describe('MQTT publisher', () => {
  it('delivers 30 publishes made before its connection is up, with no listener warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const subscriber = await TestSubscriber.open(broker.url, 'phuket/test');
    const publisher = new MqttPublisher({ warn: () => undefined });
    try {
      const target = { brokerUrl: broker.url, topic: 'phuket/test', username: undefined, password: undefined, protocolVersion: 4 as const, qos: 1 as const };
      await Promise.all(Array.from({ length: 30 }, (_, i) => publisher.publish(target, JSON.stringify({ i }))));
      const got = new Set<string>();
      for (let n = 0; n < 30; n++) got.add(JSON.stringify((await subscriber.next()).json));
      expect(got.size).toBe(30);
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await publisher.close();
      subscriber.client.end(true);
    }
  });
});
