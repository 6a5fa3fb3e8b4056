import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** An MQTT broker the platform's notifications reach the console through (the NGSI-LD MQTT binding). */
export const MqttConfig = z.object({
  /** mqtt://host:1883 or mqtts://host:8883 (TLS). */
  url: z.url({ protocol: /^mqtts?$/ }),
  username: z.string().min(1).max(200).optional(),
  password: z.string().min(1).max(4000).optional(),
  /** Stable per workstation, so the broker keeps this console's session (and its messages) across a short outage. */
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
    .optional(),
  /** A PEM file with the CA that signed an mqtts:// broker's certificate (default: the system's CAs). */
  caFile: z.string().min(1).max(1000).optional(),
  /** Leave on: off accepts any certificate (only for a lab broker with a self-signed one). */
  rejectUnauthorized: z.boolean().default(true),
  /** 4 = MQTT 3.1.1 (every broker), 5 = MQTT 5.0. */
  protocolVersion: z.union([z.literal(4), z.literal(5)]).default(4),
});
export type MqttConfig = z.infer<typeof MqttConfig>;

/** host:port the console's HTTP notification endpoint listens on. */
const ListenAddress = z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:8089');

export const NotificationsConfig = z.object({
  /** create: the console makes (and renews, and deletes) its own subscriptions. listen: it only hears topics the deployment's subscriptions publish to. */
  mode: z.enum(['create', 'listen']).default('create'),
  /** Default: mqtt when an MQTT broker is configured, otherwise http. */
  transport: z.enum(['mqtt', 'http']).optional(),
  /** listen mode over MQTT: the topics to subscribe to. */
  topics: z.array(z.string().min(1).max(500)).max(50).optional(),
  /** Where the HTTP notification endpoint listens (default 127.0.0.1 on a free port). */
  httpListen: ListenAddress.default('127.0.0.1:0'),
  /** The URL the broker POSTs notifications to (default: the listen address, which only a broker on this machine reaches). */
  httpPublicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** How long each subscription lives; the console renews it at two thirds of that. */
  subscriptionTtlS: z.number().int().min(5).max(7 * 24 * 3600).default(3600),
});
export type NotificationsConfig = z.infer<typeof NotificationsConfig>;

/** A feed read by polling one URL (CAP index, GTFS-realtime, citizen reports). */
export const PolledFeedConfig = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    /** Seconds between polls; an unchanged feed costs a 304. */
    pollS: z.number().int().min(1).max(3600),
  })
  .strict();
export type PolledFeedConfig = z.infer<typeof PolledFeedConfig>;

/** The sources beside the NGSI-LD broker, each in its own open standard; each one is optional. */
export const OtherSourcesConfig = z
  .object({
    /** An Atom (or RSS) index of CAP 1.2 messages. */
    cap: PolledFeedConfig.optional(),
    /** GTFS-realtime VehiclePositions (protobuf). */
    gtfsRealtime: PolledFeedConfig.optional(),
    /** Citizen reports as a GeoJSON FeatureCollection. */
    citizenReports: PolledFeedConfig.optional(),
  })
  .strict();
export type OtherSourcesConfig = z.infer<typeof OtherSourcesConfig>;

/** The feeds an NGSI-LD broker serves (the others come from their own sources). */
export const NgsiFeedId = z.enum(['traffic', 'units', 'incidents']);

/** Where the console's data comes from. With none configured, `npm start` runs the built-in emulator. */
export const PlatformConfig = z
  .object({
    /** The broker's base URL; the NGSI-LD API is under /ngsi-ld/v1. */
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** NGSI-LD tenant (`NGSILD-Tenant` header), if the broker is multi-tenant. */
    tenant: z.string().min(1).max(100).nullable().default(null),
    /** Bearer token for the broker, if it needs one. */
    token: z.string().min(1).max(4000).nullable().default(null),
    feeds: z.array(NgsiFeedId).min(1).default(['traffic', 'units', 'incidents']),
    /** After this long without data on the traffic and units feeds, a connected stream counts as stalled. */
    silenceMs: z.number().int().min(1000).max(600_000).default(30_000),
    /** How the platform is named in the feed-health panel. */
    label: z.string().min(1).max(100).optional(),
    mqtt: MqttConfig.optional(),
    notifications: NotificationsConfig.default(NotificationsConfig.parse({})),
    sources: OtherSourcesConfig.default({}),
  })
  .superRefine((config, ctx) => {
    const n = config.notifications;
    if (n.transport === 'mqtt' && config.mqtt === undefined) ctx.addIssue({ code: 'custom', path: ['mqtt', 'url'], message: 'is required for notifications over MQTT' });
    if (n.mode === 'listen' && transportOf(config) === 'mqtt' && (n.topics ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['notifications', 'topics'], message: 'listen mode over MQTT needs at least one topic' });
    }
    if (config.mqtt?.url.startsWith('mqtt:') && config.mqtt.password !== undefined && !isLoopback(config.mqtt.url)) {
      ctx.addIssue({ code: 'custom', path: ['mqtt', 'url'], message: 'must be mqtts:// when a password is given (it would cross the network in clear)' });
    }
  });
export type PlatformConfig = z.infer<typeof PlatformConfig>;

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/** Notifications go over MQTT when a broker is configured, unless HTTP is asked for. */
export function transportOf(config: Pick<PlatformConfig, 'mqtt' | 'notifications'>): 'mqtt' | 'http' {
  return config.notifications.transport ?? (config.mqtt ? 'mqtt' : 'http');
}

/**
 * The MQTT client id: the configured one, or one derived from the workstation and the platform, so it is the
 * same after a restart (the broker then hands back the session) and differs between consoles and platforms.
 */
export function mqttClientId(config: Pick<PlatformConfig, 'baseUrl' | 'mqtt'>, workstation: string): string {
  if (config.mqtt?.clientId) return config.mqtt.clientId;
  const digest = createHash('sha256').update(`${workstation}\n${config.baseUrl}\n${config.mqtt?.url ?? ''}`).digest('hex');
  return `phuket-${digest.slice(0, 12)}`;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ');
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Environment overrides, applied over the file (or over nothing): only what is set counts. */
export function overrides(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const mqtt: Record<string, unknown> = {};
  if (env['PHUKET_MQTT_URL']) mqtt['url'] = env['PHUKET_MQTT_URL'];
  if (env['PHUKET_MQTT_USERNAME']) mqtt['username'] = env['PHUKET_MQTT_USERNAME'];
  if (env['PHUKET_MQTT_PASSWORD']) mqtt['password'] = env['PHUKET_MQTT_PASSWORD'];
  if (env['PHUKET_MQTT_CLIENT_ID']) mqtt['clientId'] = env['PHUKET_MQTT_CLIENT_ID'];
  if (env['PHUKET_MQTT_CA_FILE']) mqtt['caFile'] = env['PHUKET_MQTT_CA_FILE'];
  const notifications: Record<string, unknown> = {};
  if (env['PHUKET_NOTIFY_MODE']) notifications['mode'] = env['PHUKET_NOTIFY_MODE'];
  if (env['PHUKET_NOTIFY_TRANSPORT']) notifications['transport'] = env['PHUKET_NOTIFY_TRANSPORT'];
  if (env['PHUKET_NOTIFY_TOPICS']) notifications['topics'] = list(env['PHUKET_NOTIFY_TOPICS']);
  if (env['PHUKET_NOTIFY_HTTP_LISTEN']) notifications['httpListen'] = env['PHUKET_NOTIFY_HTTP_LISTEN'];
  if (env['PHUKET_NOTIFY_HTTP_PUBLIC_URL']) notifications['httpPublicUrl'] = env['PHUKET_NOTIFY_HTTP_PUBLIC_URL'];
  if (env['PHUKET_SUBSCRIPTION_TTL_S']) notifications['subscriptionTtlS'] = Number(env['PHUKET_SUBSCRIPTION_TTL_S']);
  const sources: Record<string, unknown> = {};
  for (const [key, name, pollS] of POLLED_ENV) {
    const url = env[`PHUKET_${name}_URL`];
    if (url) sources[key] = { url, pollS: env[`PHUKET_${name}_POLL_S`] ? Number(env[`PHUKET_${name}_POLL_S`]) : pollS };
  }
  return {
    ...(env['PHUKET_PLATFORM_URL'] ? { baseUrl: env['PHUKET_PLATFORM_URL'] } : {}),
    ...(env['PHUKET_PLATFORM_TENANT'] ? { tenant: env['PHUKET_PLATFORM_TENANT'] } : {}),
    ...(env['PHUKET_PLATFORM_TOKEN'] ? { token: env['PHUKET_PLATFORM_TOKEN'] } : {}),
    ...(env['PHUKET_PLATFORM_FEEDS'] ? { feeds: list(env['PHUKET_PLATFORM_FEEDS']) } : {}),
    ...(env['PHUKET_PLATFORM_SILENCE_MS'] ? { silenceMs: Number(env['PHUKET_PLATFORM_SILENCE_MS']) } : {}),
    ...(Object.keys(mqtt).length > 0 ? { mqtt } : {}),
    ...(Object.keys(notifications).length > 0 ? { notifications } : {}),
    ...(Object.keys(sources).length > 0 ? { sources } : {}),
  };
}

/** Each polled source's environment name and default poll interval (CAP warnings change slowly, buses every few seconds). */
export const POLLED_ENV = [
  ['cap', 'CAP', 60],
  ['gtfsRealtime', 'GTFSRT', 10],
  ['citizenReports', 'REPORTS', 30],
] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's object with the environment's members laid over it (mqtt and notifications member by member). */
function merge(file: Record<string, unknown>, env: Record<string, unknown>): Record<string, unknown> {
  const nested = (key: string): Record<string, unknown> => {
    const fromFile = file[key];
    const fromEnv = env[key];
    return { ...(isRecord(fromFile) ? fromFile : {}), ...(isRecord(fromEnv) ? fromEnv : {}) };
  };
  const merged: Record<string, unknown> = { ...file, ...env };
  for (const key of ['mqtt', 'notifications', 'sources']) if (key in file || key in env) merged[key] = nested(key);
  return merged;
}

/**
 * Reads the platform from a JSON file (`PHUKET_PLATFORM_CONFIG`) and/or the environment (`PHUKET_PLATFORM_URL`,
 * `_TENANT`, `_TOKEN`, `_FEEDS`, `_SILENCE_MS`; `PHUKET_MQTT_URL`, `_USERNAME`, `_PASSWORD`, `_CLIENT_ID`, `_CA_FILE`;
 * `PHUKET_NOTIFY_MODE`, `_TRANSPORT`, `_TOPICS`, `_HTTP_LISTEN`, `_HTTP_PUBLIC_URL`; `PHUKET_SUBSCRIPTION_TTL_S`;
 * `PHUKET_CAP_URL`, `PHUKET_GTFSRT_URL`, `PHUKET_REPORTS_URL` and their `_POLL_S`),
 * the environment winning. Returns null when no platform is configured; throws a ConfigError naming each bad field.
 */
export function platformFromEnvironment(env: NodeJS.ProcessEnv): PlatformConfig | null {
  let file: Record<string, unknown> = {};
  const path = env['PHUKET_PLATFORM_CONFIG'];
  if (path) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read platform config ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isRecord(raw)) throw new ConfigError(`platform config ${path} is not a JSON object`);
    file = raw;
  } else if (!env['PHUKET_PLATFORM_URL']) return null;
  const parsed = PlatformConfig.safeParse(merge(file, overrides(env)));
  if (!parsed.success) throw new ConfigError(`platform config is invalid: ${describe(parsed.error)}`);
  return parsed.data;
}
