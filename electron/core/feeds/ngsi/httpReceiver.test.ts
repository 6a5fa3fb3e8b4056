import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver } from './httpReceiver';
import type { HttpReceiver } from './httpReceiver';
import type { Notification } from './notification';

let receiver: HttpReceiver | null = null;
afterEach(async () => receiver?.close());

async function start(maxBytes = 10_000) {
  const got: Notification[] = [];
  const refused: string[] = [];
  receiver = await startHttpReceiver({ listen: '127.0.0.1:0', path: '/ngsi-ld/notify', maxBytes, onNotification: (n) => got.push(n), onRefused: (r) => refused.push(r) });
  return { url: receiver.url, got, refused };
}

const post = (url: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }, method = 'POST') => fetch(url, { method, headers, body });

describe('the HTTP notification endpoint', () => {
  it('listens on loopback by default and takes a Notification, bare or enveloped, with 204', async () => {
    const { url, got } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const notification = { type: 'Notification', notifiedAt: '2026-12-05T10:00:00Z', data: [{ id: 'a', type: 'Alert' }] };
    expect((await post(`${url}/ngsi-ld/notify`, JSON.stringify(notification))).status).toBe(204);
    expect((await post(`${url}/ngsi-ld/notify`, JSON.stringify({ metadata: {}, body: notification }), { 'Content-Type': 'application/ld+json' })).status).toBe(204);
    expect(got).toHaveLength(2);
  });

  it.each([
    ['garbage', 'not json', 400],
    ['a non-Notification', JSON.stringify({ type: 'Entity', data: [] }), 400],
    ['too much', JSON.stringify({ type: 'Notification', data: ['x'.repeat(20_000)] }), 413],
  ])('answers %s with a 4xx and a reason, and counts it', async (_what, body, status) => {
    const { url, got, refused } = await start();
    const response = await post(`${url}/ngsi-ld/notify`, body);
    expect(response.status).toBe(status);
    expect(got).toEqual([]);
    expect(refused).toHaveLength(1);
  });

  it('refuses other paths, methods and media types', async () => {
    const { url, refused } = await start();
    expect((await post(`${url}/elsewhere`, '{}')).status).toBe(404);
    expect((await fetch(`${url}/ngsi-ld/notify`)).status).toBe(405);
    expect((await post(`${url}/ngsi-ld/notify`, '<x/>', { 'Content-Type': 'text/xml' })).status).toBe(415);
    expect(refused).toHaveLength(1);
  });

  it('survives a body that never ends and a client that hangs up mid-body', async () => {
    const { url, got } = await start(1_000_000);
    const target = new URL(`${url}/ngsi-ld/notify`);
    await new Promise<void>((resolve) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"type":"Notifi', () => {
        req.destroy();
        resolve();
      });
    });
    const ok = await post(`${url}/ngsi-ld/notify`, JSON.stringify({ type: 'Notification', data: [] }));
    expect(ok.status).toBe(204);
    expect(got).toHaveLength(1);
  });
});
