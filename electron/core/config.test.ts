import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, platformFromEnvironment } from './config';

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
    });
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
});
