import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startConsoleCore } from '../core/consoleCore';
import { startBrowserHost } from './server';
import type { BrowserHost } from './server';

let host: BrowserHost;
const core = await startConsoleCore({
  name: 'test',
  version: '0.0.1',
  host: 'browser',
  platform: null,
  profile: { name: 'Test', role: 'operator', workstation: 'ws' },
  store: null,
  newId: () => crypto.randomUUID(),
});
const events = core.events;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-test-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startBrowserHost({
    rendererDir: dir,
    handlers: core.handlers,
    events,
  });
});
afterAll(async () => {
  await host.close();
  await core.stop();
});

/** Resolves with the HTTP status the server refused the upgrade with, or 101 when it accepted. */
function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });
}

function contractUrl(secret: string | null): string {
  const base = `${host.origin.replace('http', 'ws')}/contract`;
  return secret === null ? base : `${base}?secret=${encodeURIComponent(secret)}`;
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser host', () => {
  it('listens on loopback only', () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    expect(host.url).toContain(`#secret=${host.secret}`);
  });

  it('refuses a WebSocket without the secret, with a wrong one, and from another origin', async () => {
    expect(await upgradeStatus(contractUrl(null), host.origin)).toBe(401);
    expect(await upgradeStatus(contractUrl('x'.repeat(43)), host.origin)).toBe(401);
    expect(await upgradeStatus(contractUrl(host.secret), 'http://evil.example')).toBe(403);
    expect(await upgradeStatus(contractUrl(host.secret), undefined)).toBe(403);
    expect(host.connections()).toBe(0);
  });

  it('serves the contract to a connection with the secret and its own origin', async () => {
    const ws = new WebSocket(contractUrl(host.secret), { origin: host.origin });
    const ready = nextMessage(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    expect(await ready).toMatchObject({ t: 'evt', ch: 'host:ready', payload: { host: 'browser' } });
    const answer = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 7, ch: 'app:info', payload: {} }));
    expect(await answer).toEqual({ t: 'res', id: 7, ok: true, payload: { name: 'test', version: '0.0.1', host: 'browser', startedAt: expect.any(Number) } });
    const refused = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 8, ch: 'app:info', payload: { admin: true } }));
    expect(await refused).toMatchObject({ t: 'res', id: 8, ok: false, error: expect.stringMatching(/^app:info input: /) });
    const pushed = nextMessage(ws);
    events.emit('host:ready', { host: 'browser', at: 42 });
    expect(await pushed).toEqual({ t: 'evt', ch: 'host:ready', payload: { host: 'browser', at: 42 } });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"t":"req","id":"not a number"}');
    expect(await closed).toBe(1008);
  });

  it('serves static files with the security headers and refuses to climb out', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${host.origin}/..%2f..%2fetc/passwd`)).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
