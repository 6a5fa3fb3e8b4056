/**
 * The NGSI-LD MQTT binding's endpoint (CIM 009 §7): `mqtt[s]://[user][:pass]@host[:port]/topic[/subtopic]*`,
 * ports 1883 / 8883 by default, plus `notifierInfo` keys `MQTT-Version` and `MQTT-QoS`.
 */
export interface MqttTarget {
  /** Broker URL without credentials or path: the key a connection is shared under. */
  readonly brokerUrl: string;
  readonly topic: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** 4 = MQTT 3.1.1, 5 = MQTT 5.0. */
  readonly protocolVersion: 4 | 5;
  readonly qos: 0 | 1 | 2;
}

export type MqttTargetResult = { ok: true; target: MqttTarget } | { ok: false; detail: string };

const decode = (s: string): string | undefined => (s === '' ? undefined : decodeURIComponent(s));

export function parseMqttEndpoint(uri: string, notifierInfo: readonly { key: string; value: string }[] = []): MqttTargetResult {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, detail: `not a URI: ${uri}` };
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'mqtt' && scheme !== 'mqtts') return { ok: false, detail: `not an mqtt or mqtts URI: ${uri}` };
  const topic = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (topic === '' || /[#+]/.test(topic)) return { ok: false, detail: `the URI path must name a topic without wildcards: ${uri}` };
  const port = url.port === '' ? (scheme === 'mqtts' ? '8883' : '1883') : url.port;
  const info = new Map(notifierInfo.map((p) => [p.key, p.value]));
  const qosRaw = info.get('MQTT-QoS') ?? '0';
  const qos = qosRaw === '2' ? 2 : qosRaw === '1' ? 1 : 0;
  return {
    ok: true,
    target: {
      brokerUrl: `${scheme}://${url.hostname}:${port}`,
      topic,
      username: decode(url.username),
      password: decode(url.password),
      protocolVersion: info.get('MQTT-Version') === 'mqtt5.0' ? 5 : 4,
      qos,
    },
  };
}
