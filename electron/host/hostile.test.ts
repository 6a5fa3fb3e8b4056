import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../shared/contract';
import { startConsoleCore } from '../core/consoleCore';
import { startBrowserHost } from './server';
import type { BrowserHost } from './server';
import { rawStatus, upgradeRequest } from './testClient';

const core = await startConsoleCore({
  name: 'test',
  version: '0.0.1',
  host: 'browser',
  platform: null,
  profile: { name: 'Test', role: 'operator', workstation: 'ws' },
  store: null,
  newId: () => crypto.randomUUID(),
});
let host: BrowserHost;
let port: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'host-hostile-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  mkdirSync(join(dir, 'assets'));
  host = await startBrowserHost({ rendererDir: dir, handlers: core.handlers, events: core.events });
  port = Number(new URL(host.origin).port);
});
afterAll(async () => {
  await host.close();
  await core.stop();
});

const get = (target: string, hostHeader = `127.0.0.1:${port}`): string => `GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`;
const status = async (request: string | Buffer): Promise<number> => Number((await rawStatus(port, request)).split(' ')[1]);

async function stillServing(): Promise<void> {
  expect((await fetch(`${host.origin}/`)).status).toBe(200);
}

describe('the browser host under hostile requests', () => {
  it.each([
    ['a path below a file', '/index.html/x', 404],
    ['a path below a file, deeper', '/index.html/x/y/z', 404],
    ['a directory', '/assets', 404],
    ['an over-long segment', `/${'a'.repeat(300)}`, 404],
    ['an over-long segment below a file', `/index.html/${'a'.repeat(5000)}`, 414],
    ['many segments', `/${'a/'.repeat(1500)}`, 404],
    ['an encoded NUL', '/index.html%00', 404],
    ['malformed percent-encoding', '/%E0%A4%A', 404],
    ['a lone percent', '/%', 404],
    ['an absolute-form target', 'http://evil.example/', 400],
    ['a scheme-relative target', '//evil.example/', 400],
    ['an asterisk target', '*', 400],
  ])('answers %s with a 4xx and keeps serving', async (_name, target, expected) => {
    expect(await status(get(target))).toBe(expected);
    await stillServing();
  });

  it.each([
    ['a raw NUL in the path', Buffer.from('GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'), 400],
    ['an absurdly long URL', get(`/${'a'.repeat(20_000)}`), 431],
    ['a header flood', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ['not HTTP at all', 'HELLO\r\n\r\n', 400],
    ['no Host header (HTTP/1.1)', 'GET / HTTP/1.1\r\n\r\n', 400],
  ])('refuses %s at the parser with a 4xx', async (_name, request, expected) => {
    expect(await status(request)).toBe(expected);
    await stillServing();
  });

  it.each([
    ['another name (DNS rebinding)', 'evil.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['junk', '\u00ff\u00fe'],
  ])('answers a request with Host from %s with 421', async (_name, template) => {
    const hostHeader = template.replace('PORT', String(port));
    expect(await status(Buffer.from(get('/', hostHeader), 'latin1'))).toBe(421);
    expect(await status(Buffer.from(upgradeRequest(`/contract?secret=${host.secret}`, { Host: hostHeader, Origin: host.origin }), 'latin1'))).toBe(421);
    await stillServing();
  });

  it.each([
    ['an invalid URL', '//[', 400],
    ['an absolute-form URL', 'http://[::1', 400],
    ['an over-long target', `/contract?secret=${'s'.repeat(5000)}`, 414],
    ['malformed percent-encoding in the secret', '/contract?secret=%E0%A4%A', 401],
    ['another path', '/elsewhere', 404],
  ])('refuses an upgrade to %s with a 4xx', async (_name, target, expected) => {
    expect(await status(upgradeRequest(target, { Host: `127.0.0.1:${port}`, Origin: host.origin }))).toBe(expected);
    await stillServing();
  });

  it('refuses a broken handshake that carries the secret with a 400', async () => {
    const broken = upgradeRequest(`/contract?secret=${host.secret}`, { Host: `127.0.0.1:${port}`, Origin: host.origin }).replace('Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 99');
    expect(await status(broken)).toBe(400);
    await stillServing();
  });

  it.each([
    ['an over-size frame', Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20), 1009],
    ['invalid UTF-8 in a text frame', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 1007],
  ])('closes a socket that sends %s, and only that socket', async (_name, payload, code) => {
    const url = `${host.origin.replace('http', 'ws')}/contract?secret=${host.secret}`;
    const bystander = new WebSocket(url, { origin: host.origin });
    const hostile = new WebSocket(url, { origin: host.origin });
    await Promise.all([bystander, hostile].map((ws) => new Promise((resolve) => ws.once('open', resolve))));
    const closed = new Promise<number>((resolve) => hostile.once('close', (c) => resolve(c)));
    hostile.on('error', () => undefined);
    hostile.send(payload, { binary: false });
    expect(await closed).toBe(code);
    const answer = new Promise<unknown>((resolve) => bystander.on('message', (data) => resolve(JSON.parse(data.toString()))));
    bystander.send(JSON.stringify({ t: 'req', id: 1, ch: 'app:info', payload: {} }));
    expect(await answer).toMatchObject({ t: 'res', id: 1, ok: true });
    bystander.close();
    await stillServing();
  });
});
