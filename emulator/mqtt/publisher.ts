import { randomUUID } from 'node:crypto';
import { connect } from 'mqtt';
import type { MqttClient } from 'mqtt';
import type { MqttTarget } from './endpoint';

export interface PublisherOptions {
  /** How long a publish waits for the broker connection before it counts as failed. */
  readonly connectTimeoutMs?: number;
  /** How long a publish waits for its acknowledgement (QoS 1/2) or its write (QoS 0). */
  readonly publishTimeoutMs?: number;
  /** Publishes waiting on one connection beyond this fail at once instead of piling up. */
  readonly maxInFlight?: number;
  readonly warn?: (message: string) => void;
}

interface Connection {
  readonly client: MqttClient;
  lastError: string | null;
  inFlight: number;
  /** One wait for the broker shared by every publish queued behind it: one listener, however many wait. */
  connecting: Promise<void> | null;
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * One client per broker, version and user, shared by every subscription publishing there. A broker that is
 * down makes publishes fail (and be recorded as failures) rather than queue forever: the mqtt client's
 * offline queue is off, and a publish gives up after a deadline.
 */
export class MqttPublisher {
  private readonly connections = new Map<string, Connection>();
  private readonly connectTimeoutMs: number;
  private readonly publishTimeoutMs: number;
  private readonly maxInFlight: number;
  private readonly warn: (message: string) => void;

  constructor(options: PublisherOptions = {}) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5000;
    this.maxInFlight = options.maxInFlight ?? 1000;
    this.warn = options.warn ?? ((m: string) => console.error(m));
  }

  async publish(target: MqttTarget, payload: string): Promise<void> {
    const conn = this.connection(target);
    if (conn.inFlight >= this.maxInFlight) throw new Error(`${conn.inFlight} publishes already waiting on ${target.brokerUrl}`);
    conn.inFlight++;
    try {
      await this.whenConnected(conn, target.brokerUrl);
      await this.withDeadline(
        new Promise<void>((resolve, reject) => {
          conn.client.publish(target.topic, payload, { qos: target.qos }, (err) => (err === undefined || err === null ? resolve() : reject(err)));
        }),
        `publish to ${target.brokerUrl}/${target.topic} not acknowledged within ${this.publishTimeoutMs} ms`,
        this.publishTimeoutMs,
      );
    } finally {
      conn.inFlight--;
    }
  }

  async close(): Promise<void> {
    const clients = [...this.connections.values()].map((c) => c.client);
    this.connections.clear();
    await Promise.all(clients.map((client) => new Promise<void>((resolve) => client.end(true, {}, () => resolve()))));
  }

  private connection(target: MqttTarget): Connection {
    const key = `${target.brokerUrl}|${target.protocolVersion}|${target.username ?? ''}|${target.password ?? ''}`;
    const existing = this.connections.get(key);
    if (existing !== undefined) return existing;
    const client = connect(target.brokerUrl, {
      clientId: `phuket-emulator-${randomUUID().slice(0, 8)}`,
      protocolVersion: target.protocolVersion,
      ...(target.username === undefined ? {} : { username: target.username }),
      ...(target.password === undefined ? {} : { password: target.password }),
      reconnectPeriod: 1000,
      connectTimeout: this.connectTimeoutMs,
      queueQoSZero: false,
    });
    const conn: Connection = { client, lastError: null, inFlight: 0, connecting: null };
    client.on('error', (err) => {
      const message = describe(err);
      if (message !== conn.lastError) this.warn(`emulator: MQTT broker ${target.brokerUrl}: ${message}`);
      conn.lastError = message;
    });
    client.on('connect', () => {
      conn.lastError = null;
    });
    this.connections.set(key, conn);
    return conn;
  }

  private async whenConnected(conn: Connection, brokerUrl: string): Promise<void> {
    if (conn.client.connected) return;
    conn.connecting ??= new Promise<void>((resolve) => {
      conn.client.once('connect', () => {
        conn.connecting = null;
        resolve();
      });
    });
    await this.withDeadline(conn.connecting, `broker ${brokerUrl} not reachable${conn.lastError === null ? '' : `: ${conn.lastError}`}`, this.connectTimeoutMs, () => conn.lastError);
  }

  private withDeadline<T>(work: Promise<T>, message: string, ms: number, reason?: () => string | null): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const why = reason?.() ?? null;
        reject(new Error(why === null || message.includes(why) ? message : `${message}: ${why}`));
      }, ms);
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }
}
