import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAllEntities } from './http';

type Handler = (offset: number, res: ServerResponse) => void;

/** A tiny broker on 127.0.0.1 whose listing behaviour each test sets. */
let handler: Handler = (_o, res) => res.end('[]');
let requests = 0;
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    const offset = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset') ?? '0');
    res.on('error', () => undefined);
    handler(offset, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const config = () => ({ baseUrl, tenant: null, token: null });
const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `urn:ngsi-ld:Alert:${from + i}`, type: 'Alert' }));
const json = (res: ServerResponse, body: unknown, count?: number) => {
  res.writeHead(200, { 'Content-Type': 'application/json', ...(count === undefined ? {} : { 'NGSILD-Results-Count': String(count) }) });
  res.end(JSON.stringify(body));
};

describe('listing a broker that misbehaves', () => {
  it('lists page by page to the end when the broker behaves', async () => {
    handler = (offset, res) => json(res, page(offset, Math.max(0, Math.min(1000, 2500 - offset))), 2500);
    requests = 0;
    const listing = await fetchAllEntities(config(), 'Alert', 50_000);
    expect(listing.entities).toHaveLength(2500);
    expect(listing.stoppedShort).toBeNull();
    expect(requests).toBe(3);
  });

  it('stops, saying why, when the broker ignores offset and sends the same page again', async () => {
    handler = (_offset, res) => json(res, page(0, 1000), 1_000_000);
    requests = 0;
    const listing = await fetchAllEntities(config(), 'Alert', 50_000);
    expect(listing.entities).toHaveLength(1000);
    expect(listing.stoppedShort).toMatch(/ignores offset/);
    expect(requests).toBe(2);
  });

  it('stops at its cap (pages × page size) however many the broker says it has', async () => {
    handler = (offset, res) => json(res, page(offset, 1000), 1_000_000);
    requests = 0;
    const listing = await fetchAllEntities(config(), 'Alert', 5_000);
    expect(listing.entities).toHaveLength(5000);
    expect(listing.stoppedShort).toMatch(/limit of 5000/);
    expect(requests).toBe(5);
  });

  it.each([
    ['a count that is not a number', 'lots', /not a count/],
    ['a count lower than what it lists', '3', /listed more than the 3 it counted/],
    ['a count higher than what it lists', '900', /ended at 10 of the 900/],
  ])('stops, saying why, on %s', async (_name, count, reason) => {
    handler = (_offset, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'NGSILD-Results-Count': count });
      res.end(JSON.stringify(page(0, 10)));
    };
    expect((await fetchAllEntities(config(), 'Alert', 50_000)).stoppedShort).toMatch(reason);
  });

  it('refuses a body over the cap, declared or streamed without end, and invalid JSON', async () => {
    handler = (_offset, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(40 * 1024 * 1024) });
      res.write('[');
    };
    await expect(fetchAllEntities(config(), 'Alert', 50_000)).rejects.toThrow(/over the 33554432-byte limit/);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    handler = (_offset, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('[');
      // An endless body: written as fast as the client drains it, until the client hangs up.
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    };
    await expect(fetchAllEntities(config(), 'Alert', 50_000)).rejects.toThrow(/over the 33554432-byte limit/);
    handler = (_offset, res) => res.end('[{"id": "a", ');
    await expect(fetchAllEntities(config(), 'Alert', 50_000)).rejects.toThrow(/not JSON/);
  });
});
