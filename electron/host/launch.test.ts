import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformConfig } from '../core/config';
import { dispatch } from '../core/dispatch';
import { launchBrowserHost } from './launch';
import type { LaunchedHost } from './launch';

const root = resolve(import.meta.dirname, '../..');
// Nothing listens on port 9: the platform stays down, which these checks do not need.
const platform = PlatformConfig.parse({ baseUrl: 'http://127.0.0.1:9', token: 'tok-NEVER-LOGGED' });
const caller = { host: 'browser', windowId: 't' } as const;
const saved = { name: process.env['PHUKET_OPERATOR_NAME'], role: process.env['PHUKET_OPERATOR_ROLE'] };
let launched: LaunchedHost | null = null;

beforeEach(() => {
  delete process.env['PHUKET_OPERATOR_NAME'];
  delete process.env['PHUKET_OPERATOR_ROLE'];
});
afterEach(async () => {
  await launched?.close();
  launched = null;
  for (const [key, value] of [['PHUKET_OPERATOR_NAME', saved.name], ['PHUKET_OPERATOR_ROLE', saved.role]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function answer(channel: 'app:info' | 'operator:profile' | 'incident:act', payload: unknown) {
  if (!launched) throw new Error('not launched');
  return dispatch(launched.core.handlers, channel, payload, caller);
}

describe('the browser host with no operator profile', () => {
  it('is a read-only viewer on a configured platform: it says so, and the core refuses every action', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'launch-viewer-'));
    launched = await launchBrowserHost({ root, platform, dataDir, port: 0 });
    expect(await answer('app:info', {})).toMatchObject({ ok: true, payload: { profileMode: 'viewer', platformConfigured: true } });
    expect(await answer('operator:profile', {})).toMatchObject({ ok: true, payload: { role: 'viewer' } });
    for (const request of [
      { kind: 'acknowledge', incidentId: 'urn:ngsi-ld:Alert:phuket:1' },
      { kind: 'note', incidentId: 'urn:ngsi-ld:Alert:phuket:1', text: 'hello' },
      { kind: 'status', incidentId: 'urn:ngsi-ld:Alert:phuket:1', status: 'resolved' },
      { kind: 'dispatch', incidentId: 'urn:ngsi-ld:Alert:phuket:1', unitIds: ['urn:ngsi-ld:Vehicle:phuket:1'] },
    ]) {
      expect(await answer('incident:act', request)).toMatchObject({ ok: false, error: expect.stringMatching(/viewer.* may not/) });
    }
    // The log is in the data folder, says why the console is read-only, and never holds the broker token.
    const logPath = launched.logPath;
    expect(logPath).toBe(join(dataDir, 'logs', 'console.log'));
    await launched.close();
    launched = null;
    const text = readFileSync(join(dataDir, 'logs', 'console.log'), 'utf8');
    expect(text).toContain('no operator profile configured: read-only viewer');
    expect(text).toContain('"profileMode":"viewer"');
    expect(text).not.toContain('tok-NEVER-LOGGED');
  });

  it('is the demo supervisor only on the emulator it started itself', async () => {
    launched = await launchBrowserHost({ root, platform, builtInEmulator: true, dataDir: mkdtempSync(join(tmpdir(), 'launch-demo-')), port: 0 });
    expect(await answer('app:info', {})).toMatchObject({ ok: true, payload: { profileMode: 'demo' } });
    expect(await answer('operator:profile', {})).toMatchObject({ ok: true, payload: { name: 'Demo Supervisor', role: 'supervisor' } });
  });

  it('takes a configured profile as configured', async () => {
    process.env['PHUKET_OPERATOR_NAME'] = 'Somchai';
    process.env['PHUKET_OPERATOR_ROLE'] = 'operator';
    launched = await launchBrowserHost({ root, platform, dataDir: mkdtempSync(join(tmpdir(), 'launch-configured-')), port: 0 });
    expect(await answer('app:info', {})).toMatchObject({ ok: true, payload: { profileMode: 'configured' } });
    expect(await answer('operator:profile', {})).toMatchObject({ ok: true, payload: { name: 'Somchai', role: 'operator' } });
  });
});
