import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { z } from 'zod';
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
    expect(await answer).toEqual({ t: 'res', id: 7, ok: true, payload: { name: 'test', version: '0.0.1', host: 'browser', startedAt: expect.any(Number), profileMode: 'configured', platformConfigured: false } });
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

  it('trades a one-time ticket for an HttpOnly session cookie that opens the WebSocket, once', async () => {
    const ticketUrl = host.ticketUrl();
    expect(ticketUrl).not.toContain(host.secret);
    const first = await fetch(ticketUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^phuket_console_\d+=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await fetch(ticketUrl, { redirect: 'manual' })).status).toBe(401);
    const session = cookie.split(';')[0] ?? '';
    const ws = new WebSocket(contractUrl(null), { origin: host.origin, headers: { cookie: session } });
    expect(await nextMessage(ws)).toMatchObject({ t: 'evt', ch: 'host:ready' });
    ws.close();
    const forged = new WebSocket(contractUrl(null), { origin: host.origin, headers: { cookie: session.replace(/=.*/, `=${'A'.repeat(43)}`) } });
    expect(await new Promise((resolve) => forged.once('unexpected-response', (_req, res) => resolve(res.statusCode)))).toBe(401);
  });

  it('mints a ticket over HTTP only for the launch secret', async () => {
    expect((await fetch(`${host.origin}/ticket`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${host.origin}/ticket`, { method: 'POST', headers: { authorization: `Bearer ${'x'.repeat(43)}` } })).status).toBe(401);
    const minted = await fetch(`${host.origin}/ticket`, { method: 'POST', headers: { authorization: `Bearer ${host.secret}` } });
    expect(minted.status).toBe(201);
    const { url } = z.object({ url: z.string() }).parse(await minted.json());
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${host.origin}/login?ticket=${'x'.repeat(43)}`, { redirect: 'manual' })).status).toBe(401);
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
