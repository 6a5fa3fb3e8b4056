import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, mqttClientId, PlatformConfig, platformFromEnvironment, transportOf } from './config';

describe('platform configuration', () => {
  it('is absent when nothing is set: the emulator is used', () => {
    expect(platformFromEnvironment({})).toBeNull();
  });

  it('reads the environment', () => {
    expect(platformFromEnvironment({ PHUKET_PLATFORM_URL: 'https://broker.phuket.example', PHUKET_PLATFORM_TENANT: 'pkt', PHUKET_PLATFORM_FEEDS: 'units, incidents' })).toEqual({
      baseUrl: 'https://broker.phuket.example',
      tenant: 'pkt',
      token: null,
      feeds: ['units', 'incidents'],
      silenceMs: 30_000,
      notifications: { mode: 'create', httpListen: '127.0.0.1:0', subscriptionTtlS: 3600 },
      sources: {},
    });
  });

  it('reads the polled sources from the environment, with their default poll, and refuses a bad one by name', () => {
    const env = { PHUKET_PLATFORM_URL: 'https://broker.phuket.example', PHUKET_CAP_URL: 'https://warn.tmd.example/cap/index.atom', PHUKET_GTFSRT_URL: 'https://bus.example/vp.pb', PHUKET_GTFSRT_POLL_S: '3' };
    expect(platformFromEnvironment(env)?.sources).toEqual({ cap: { url: 'https://warn.tmd.example/cap/index.atom', pollS: 60 }, gtfsRealtime: { url: 'https://bus.example/vp.pb', pollS: 3 } });
    expect(() => platformFromEnvironment({ ...env, PHUKET_REPORTS_URL: 'file:///etc/passwd' })).toThrow(/sources\.citizenReports\.url/);
    expect(() => platformFromEnvironment({ ...env, PHUKET_PLATFORM_FEEDS: 'warnings' })).toThrow(/feeds\.0/);
  });

  it('reads a file, and says what is wrong with a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ baseUrl: 'http://10.0.0.5:1026', token: 't0k3n' }));
    expect(platformFromEnvironment({ PHUKET_PLATFORM_CONFIG: join(dir, 'good.json') })).toMatchObject({ baseUrl: 'http://10.0.0.5:1026', token: 't0k3n', feeds: ['traffic', 'units', 'incidents'] });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ baseUrl: 'ftp://x', feeds: ['weather'] }));
    expect(() => platformFromEnvironment({ PHUKET_PLATFORM_CONFIG: join(dir, 'bad.json') })).toThrow(ConfigError);
    expect(() => platformFromEnvironment({ PHUKET_PLATFORM_CONFIG: join(dir, 'bad.json') })).toThrow(/baseUrl.*feeds\.0/);
    expect(() => platformFromEnvironment({ PHUKET_PLATFORM_CONFIG: join(dir, 'missing.json') })).toThrow(/cannot read platform config/);
  });

  it('reads the MQTT broker and the notification settings, the environment over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify({ baseUrl: 'https://cdp.phuket.example', mqtt: { url: 'mqtts://mqtt.phuket.example:8883', username: 'console' }, notifications: { subscriptionTtlS: 600 } }));
    const config = platformFromEnvironment({ PHUKET_PLATFORM_CONFIG: file, PHUKET_MQTT_PASSWORD: 's3cret', PHUKET_NOTIFY_MODE: 'listen', PHUKET_NOTIFY_TOPICS: 'cdp/alerts, cdp/vehicles' });
    expect(config).toMatchObject({
      mqtt: { url: 'mqtts://mqtt.phuket.example:8883', username: 'console', password: 's3cret', rejectUnauthorized: true, protocolVersion: 4 },
      notifications: { mode: 'listen', topics: ['cdp/alerts', 'cdp/vehicles'], subscriptionTtlS: 600 },
    });
    if (!config) throw new Error('no config');
    expect(transportOf(config)).toBe('mqtt');
    expect(mqttClientId(config, 'ws-7')).toBe(mqttClientId(config, 'ws-7'));
    expect(mqttClientId(config, 'ws-7')).not.toBe(mqttClientId(config, 'ws-8'));
    expect(transportOf(PlatformConfig.parse({ baseUrl: 'http://127.0.0.1:1026' }))).toBe('http');
  });

  it('names each bad field', () => {
    const bad = (env: Record<string, string>) => () => platformFromEnvironment({ PHUKET_PLATFORM_URL: 'https://cdp.example', ...env });
    expect(bad({ PHUKET_MQTT_URL: 'ws://x' })).toThrow(/mqtt\.url/);
    expect(bad({ PHUKET_NOTIFY_TRANSPORT: 'mqtt' })).toThrow(/mqtt\.url: is required/);
    expect(bad({ PHUKET_MQTT_URL: 'mqtt://broker.example', PHUKET_NOTIFY_MODE: 'listen' })).toThrow(/notifications\.topics/);
    expect(bad({ PHUKET_MQTT_URL: 'mqtt://broker.example', PHUKET_MQTT_USERNAME: 'u', PHUKET_MQTT_PASSWORD: 'p' })).toThrow(/must be mqtts/);
    expect(bad({ PHUKET_NOTIFY_MODE: 'shout', PHUKET_SUBSCRIPTION_TTL_S: '1' })).toThrow(/notifications\.mode.*notifications\.subscriptionTtlS/);
    expect(bad({ PHUKET_NOTIFY_HTTP_LISTEN: 'everywhere' })).toThrow(/notifications\.httpListen/);
  });
});
