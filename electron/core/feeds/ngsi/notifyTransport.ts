import { coded } from '../../../../shared/contract';
import type { CodedReason } from '../../../../shared/contract';
import type { LinkState } from '../source';
import { MAX_BODY_BYTES } from './http';
import { startHttpReceiver } from './httpReceiver';
import { startMqttLink } from './mqttLink';
import type { Notification } from './notification';
import { parseNotificationMessage } from './notification';
import type { NotifyEndpoint } from './subscriptions';

/** The MQTT side, as the core passes it: the console's connection and, when different, the URL the NGSI-LD broker publishes to. */
export interface MqttSettings {
  readonly url: string;
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  readonly ca?: Buffer;
  readonly rejectUnauthorized: boolean;
  readonly protocolVersion: 4 | 5;
}

export type TransportSettings =
  | { readonly kind: 'mqtt'; readonly mqtt: MqttSettings; readonly topics: readonly string[] }
  | { readonly kind: 'http'; readonly listen: string; readonly publicUrl: string | null };

export interface TransportEvents {
  readonly onNotification: (notification: Notification) => void;
  readonly onRefused: (reason: string) => void;
  readonly onState: (state: LinkState, detail: string, reason?: CodedReason) => void;
}

export interface NotifyTransport {
  readonly id: 'mqtt' | 'http';
  readonly target: string;
  /** Where a subscription should send notifications for one topic (MQTT) or at all (HTTP). */
  endpoint(topic: string): NotifyEndpoint;
  stop(): Promise<void>;
}

const HTTP_PATH = '/ngsi-ld/notify';

/** The endpoint URI for an MQTT topic: the broker's URL with the topic as its path (CIM 009 §7), no credentials. */
export function mqttEndpointUri(brokerUrl: string, topic: string): string {
  const url = new URL(brokerUrl);
  url.username = '';
  url.password = '';
  url.pathname = `/${topic.split('/').map(encodeURIComponent).join('/')}`;
  return url.toString();
}

/** Starts hearing notifications: subscribes to the MQTT topics, or opens the HTTP endpoint. */
export async function startTransport(settings: TransportSettings, events: TransportEvents): Promise<NotifyTransport> {
  if (settings.kind === 'mqtt') {
    const { mqtt } = settings;
    const link = startMqttLink({
      ...mqtt,
      topics: settings.topics,
      onMessage: (text) => {
        const parsed = parseNotificationMessage(text);
        if (parsed.ok) events.onNotification(parsed.notification);
        else events.onRefused(text === '' ? `MQTT message over the ${MAX_BODY_BYTES}-byte limit` : parsed.reason);
      },
      onState: (state, detail, _resumed, reason) => events.onState(state, detail, reason),
    });
    return {
      id: 'mqtt',
      target: new URL(mqtt.url).host,
      endpoint: (topic) => ({
        uri: mqttEndpointUri(mqtt.url, topic),
        notifierInfo: [
          { key: 'MQTT-Version', value: mqtt.protocolVersion === 5 ? 'mqtt5.0' : 'mqtt3.1.1' },
          { key: 'MQTT-QoS', value: '1' },
        ],
      }),
      stop: () => link.stop(),
    };
  }
  const path = settings.publicUrl ? new URL(settings.publicUrl).pathname.replace(/^\/?$/, HTTP_PATH) : HTTP_PATH;
  events.onState('connecting', `opening the notification endpoint on ${settings.listen}`, coded('notify-endpoint-opening', { listen: settings.listen }));
  const receiver = await startHttpReceiver({ listen: settings.listen, path, maxBytes: MAX_BODY_BYTES, onNotification: events.onNotification, onRefused: events.onRefused });
  const uri = settings.publicUrl ? new URL(path, settings.publicUrl).toString() : `${receiver.url}${path}`;
  events.onState('open', `notifications are POSTed to ${uri}`, coded('notify-endpoint-open', { uri }));
  return { id: 'http', target: new URL(receiver.url).host, endpoint: () => ({ uri }), stop: () => receiver.close() };
}
