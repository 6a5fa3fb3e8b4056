import { connect } from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';

export interface Received {
  readonly topic: string;
  readonly json: unknown;
}

/**
 * A test's MQTT subscriber: collects every message and hands them out in order with `next`, which waits
 * (up to a deadline) for the next one that passes a filter. Used by the subscription tests.
 */
export class TestSubscriber {
  private readonly queue: Received[] = [];
  private waiter: (() => void) | null = null;

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload) => {
      let json: unknown;
      try {
        json = JSON.parse(payload.toString('utf8'));
      } catch {
        json = payload.toString('utf8');
      }
      this.queue.push({ topic, json });
      this.waiter?.();
    });
    client.on('error', () => undefined);
  }

  static async open(url: string, topic: string, options: IClientOptions = {}): Promise<TestSubscriber> {
    const sub = await TestSubscriber.resume(url, options);
    await sub.client.subscribeAsync(topic, { qos: 1 });
    return sub;
  }

  /**
   * Connects without subscribing again: a persistent session (clean: false) resumes its own subscriptions.
   * The listener is attached before the connection completes: a broker sends a session's queued messages
   * right behind its CONNACK.
   */
  static async resume(url: string, options: IClientOptions): Promise<TestSubscriber> {
    const sub = new TestSubscriber(connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options }));
    await new Promise<void>((resolve, reject) => {
      sub.client.once('connect', () => resolve());
      sub.client.once('error', reject);
      sub.client.once('close', () => reject(new Error(`could not connect to ${url}`)));
    });
    return sub;
  }

  get count(): number {
    return this.queue.length;
  }

  async next(accept: (m: Received) => boolean = () => true, timeoutMs = 10_000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.queue.findIndex(accept);
      if (index >= 0) return this.queue.splice(index, 1)[0] ?? { topic: '', json: null };
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching MQTT message within ${timeoutMs} ms (${this.queue.length} others queued)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = null;
    }
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
