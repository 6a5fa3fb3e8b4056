import { readFileSync } from 'node:fs';
import type { PlatformConfig } from '../../config';
import { ConfigError, mqttClientId, transportOf } from '../../config';
import type { ActionDelivery } from '../../outbox/actionDelivery';
import { createNgsiActionDelivery } from '../../outbox/transport';
import type { FeedSource } from '../source';
import { PHUKET } from './common';
import { createNgsiSource } from './ngsiSource';
import type { TransportSettings } from './notifyTransport';

function readCa(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`mqtt.caFile: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** How notifications reach this console, from its configuration. */
export function transportSettings(config: PlatformConfig, clientId: string): TransportSettings {
  const n = config.notifications;
  if (transportOf(config) === 'http' || config.mqtt === undefined) return { kind: 'http', listen: n.httpListen, publicUrl: n.httpPublicUrl ?? null };
  const m = config.mqtt;
  return {
    kind: 'mqtt',
    topics: n.topics ?? [],
    mqtt: {
      url: m.url,
      clientId,
      rejectUnauthorized: m.rejectUnauthorized,
      protocolVersion: m.protocolVersion,
      ...(m.username === undefined ? {} : { username: m.username }),
      ...(m.password === undefined ? {} : { password: m.password }),
      ...(m.caFile === undefined ? {} : { ca: readCa(m.caFile) }),
    },
  };
}

/** The NGSI-LD source for a configured platform. Throws a ConfigError when a file it names cannot be read. */
export function ngsiSourceFromConfig(config: PlatformConfig, workstation: string): FeedSource {
  const clientId = mqttClientId(config, workstation);
  return createNgsiSource({
    broker: { baseUrl: config.baseUrl, tenant: config.tenant, token: config.token },
    feeds: config.feeds,
    area: PHUKET,
    mode: config.notifications.mode,
    transport: transportSettings(config, clientId),
    clientId,
    subscriptionTtlMs: config.notifications.subscriptionTtlS * 1000,
  });
}

/** How this console's actions reach the configured platform: NGSI-LD PATCH/POST to the same broker the source reads. */
export function ngsiDeliveryFromConfig(config: PlatformConfig): ActionDelivery {
  return createNgsiActionDelivery({ baseUrl: config.baseUrl, tenant: config.tenant, token: config.token });
}
