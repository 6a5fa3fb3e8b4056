import { coded } from '../../../../shared/contract';
import type { CodedReason } from '../../../../shared/contract';
import { connect } from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import { guarded } from '../../processGuards';
import { backoffDelay } from '../backoff';
import type { LinkState } from '../source';
import type { MqttSettings } from './notifyTransport';
import { MAX_BODY_BYTES } from './http';

/** The connection as configured (`ca` is the PEM of the CA for an mqtts:// broker), plus what to follow. */
export interface MqttLinkOptions extends MqttSettings {
  readonly topics: readonly string[];
  readonly onMessage: (text: string, topic: string) => void;
  /** `resumed`: the broker kept our session (messages sent while we were away are being delivered). */
  readonly onState: (state: LinkState, detail: string, resumed: boolean, reason?: CodedReason) => void;
  /** Injected in tests. */
  readonly random?: () => number;
}

export interface MqttLink {
  stop(): Promise<void>;
}

/** How long the broker keeps our session (MQTT 5) after we drop: long enough for an outage, not forever. */
const SESSION_EXPIRY_S = 3600;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The console's MQTT session: a persistent one (clean: false / cleanStart false, a stable client id, QoS 1)
 * so a short outage loses nothing, reconnected with backoff and jitter. Every client event has a listener and
 * every callback is guarded: nothing the broker does can throw out of here.
 */
export function startMqttLink(options: MqttLinkOptions): MqttLink {
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | null = null;
  let lastError: string | null = null;
  let open = false;
  const v5 = options.protocolVersion === 5;
  const settings: IClientOptions = {
    clientId: options.clientId,
    clean: false,
    protocolVersion: options.protocolVersion,
    // We reconnect ourselves, with backoff and jitter: a fixed period makes every console return at once.
    reconnectPeriod: 0,
    connectTimeout: 10_000,
    keepalive: 20,
    resubscribe: false,
    queueQoSZero: false,
    rejectUnauthorized: options.rejectUnauthorized,
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    ...(v5 ? { properties: { sessionExpiryInterval: SESSION_EXPIRY_S, maximumPacketSize: MAX_BODY_BYTES } } : {}),
  };

  const state = guarded('mqtt link state', (next: LinkState, detail: string, resumed: boolean, reason?: CodedReason) => {
    open = next === 'open';
    options.onState(next, detail.slice(0, 300), resumed, reason);
  });

  const host = new URL(options.url).host;
  // Created before any handler can run: the reconnect timer below only fires after connect() returned.
  const client: MqttClient = connect(options.url, settings);
  const scheduleReconnect = guarded('mqtt reconnect', () => {
    if (stopped || retry !== null) return;
    retry = setTimeout(
      guarded('mqtt reconnect', () => {
        retry = null;
        if (stopped) return;
        state('connecting', `reconnecting to ${host} (attempt ${attempt})`, false, coded('reconnecting-to', { host, attempt }));
        client.reconnect();
      }),
      backoffDelay(attempt++, undefined, options.random),
    );
  });

  state('connecting', `connecting to ${host}`, false, coded('connecting-to', { host }));

  client.on(
    'connect',
    guarded('mqtt connect', (connack) => {
      lastError = null;
      const resumed = connack.sessionPresent;
      client.subscribe(
        [...options.topics],
        { qos: 1 },
        guarded('mqtt subscribe', (error, granted) => {
          if (stopped) return;
          const refused = (granted ?? []).filter((g) => g.qos === 128).map((g) => g.topic);
          if (error || refused.length > 0) {
            if (error) state('closed', `MQTT subscribe failed: ${describe(error)}`, false, coded('mqtt-subscribe-failed', { error: describe(error) }));
            else state('closed', `MQTT broker refused topic ${refused.join(', ')}`, false, coded('mqtt-topic-refused', { topics: refused.join(', ') }));
            client.end(true, {}, () => undefined);
            attempt++;
            scheduleReconnect();
            return;
          }
          attempt = 0;
          state('open', `subscribed to ${options.topics.length} topic(s) on ${host}`, resumed, coded('mqtt-subscribed', { count: options.topics.length, host }));
        }),
      );
    }),
  );
  client.on(
    'message',
    guarded('mqtt message', (topic, payload) => {
      if (payload.byteLength > MAX_BODY_BYTES) return options.onMessage('', topic);
      options.onMessage(payload.toString('utf8'), topic);
    }),
  );
  client.on('error', (error) => {
    // Connection refused, not authorised, a bad certificate: kept for the close that follows.
    lastError = describe(error);
  });
  client.on('offline', () => {
    if (open) state('closed', `MQTT broker ${host} offline${lastError ? `: ${lastError}` : ''}`, false, lastError ? coded('mqtt-offline-error', { host, error: lastError }) : coded('mqtt-offline', { host }));
  });
  client.on(
    'close',
    guarded('mqtt close', () => {
      if (stopped) return;
      state('closed', `MQTT link to ${host} closed${lastError ? `: ${lastError}` : ''}`, false, lastError ? coded('mqtt-closed-error', { host, error: lastError }) : coded('mqtt-closed', { host }));
      scheduleReconnect();
    }),
  );

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        if (retry) clearTimeout(retry);
        // Not forced: the session stays on the broker (clean: false) so the next start resumes it.
        const timer = setTimeout(() => client.end(true, {}, () => resolve()), 2000);
        client.end(false, {}, () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
