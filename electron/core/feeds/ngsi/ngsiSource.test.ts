import { afterEach, describe, expect, it } from 'vitest';
import type { FeedId } from '../../../../shared/domain';
import type { FeedSink, LinkState, SourceLink } from '../source';
import { PHUKET } from './common';
import type { FeedItem } from './mapEntity';
import { createNgsiSource } from './ngsiSource';
import { startTestBroker, until } from './testBroker';
import type { TestBroker } from './testBroker';

function recordingSink() {
  const rejected: string[] = [];
  const links: LinkState[] = [];
  const snapshots: { feed: FeedId; ids: string[] }[] = [];
  const changes: FeedItem[] = [];
  const removed: string[] = [];
  let sourceLinks: readonly SourceLink[] = [];
  const sink: FeedSink = {
    snapshot: (feed, items) => snapshots.push({ feed, ids: items.map((i) => i.item.id) }),
    changes: (_feed, items) => changes.push(...items),
    rejected: (_feed, reason) => rejected.push(reason),
    adjusted: () => undefined,
    link: (state) => links.push(state),
    removed: (_feed, ids) => removed.push(...ids),
    links: (next) => (sourceLinks = next),
  };
  return { sink, rejected, links, snapshots, changes, removed, sourceLinks: () => sourceLinks };
}

const alert = (id: string, status = 'new') => ({
  id,
  type: 'Alert',
  category: { type: 'Property', value: 'traffic' },
  subCategory: { type: 'Property', value: 'trafficJam' },
  severity: { type: 'Property', value: 'medium' },
  status: { type: 'Property', value: status },
  location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [98.39, 7.88] } },
  dateIssued: { type: 'Property', value: '2026-12-05T09:00:00Z' },
});

let broker: TestBroker;
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
  await broker?.close();
});

async function started() {
  broker = await startTestBroker();
  broker.entities.set('Alert', [alert('urn:ngsi-ld:Alert:1')]);
  const source = createNgsiSource({
    broker: { baseUrl: broker.url, tenant: null, token: null },
    feeds: ['incidents'],
    area: PHUKET,
    mode: 'create',
    transport: { kind: 'http', listen: '127.0.0.1:0', publicUrl: null },
    clientId: 'ws1',
    subscriptionTtlMs: 60_000,
    probeMs: 50,
  });
  const rec = recordingSink();
  source.start(rec.sink);
  stop = () => source.stop();
  return { source, ...rec };
}

const endpointOf = (broker: TestBroker, type: string): string => {
  const sub = broker.subscriptions.get(`urn:ngsi-ld:Subscription:phuket-console:ws1:${type}`);
  const notification = sub?.['notification'];
  if (typeof notification !== 'object' || notification === null || !('endpoint' in notification)) throw new Error(`no ${type} subscription`);
  const endpoint = notification.endpoint;
  if (typeof endpoint !== 'object' || endpoint === null || !('uri' in endpoint) || typeof endpoint.uri !== 'string') throw new Error('no endpoint');
  return endpoint.uri;
};

const notify = (uri: string, data: unknown[]) =>
  fetch(uri, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'Notification', notifiedAt: new Date().toISOString(), data }) });

describe('the NGSI-LD source', () => {
  it('hears first, subscribes per entity type, lists with sysAttrs, goes live; applies changes and deletions; deletes its subscriptions on stop', async () => {
    const { links, snapshots, changes, removed, sourceLinks, source } = await started();
    await until(() => links.at(-1) === 'open', 'the link to open');
    expect([...broker.subscriptions.keys()].sort()).toEqual(['urn:ngsi-ld:Subscription:phuket-console:ws1:Alert', 'urn:ngsi-ld:Subscription:phuket-console:ws1:RoadAccident']);
    const firstPost = broker.seen.findIndex((r) => r.method === 'POST');
    const firstList = broker.seen.findIndex((r) => r.path === '/ngsi-ld/v1/entities');
    expect(firstPost).toBeLessThan(firstList);
    expect(broker.seen[firstList]?.search.get('options')).toBe('sysAttrs');
    expect(snapshots.at(-1)).toEqual({ feed: 'incidents', ids: ['urn:ngsi-ld:Alert:1'] });
    expect(sourceLinks().map((l) => [l.id, l.state])).toEqual([
      ['broker', 'open'],
      ['http', 'open'],
    ]);
    expect(source.entityTypes).toEqual({ incidents: ['Alert', 'RoadAccident'] });

    const uri = endpointOf(broker, 'Alert');
    expect(uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ngsi-ld\/notify$/);
    expect((await notify(uri, [alert('urn:ngsi-ld:Alert:2')])).status).toBe(204);
    await until(() => changes.some((c) => c.item.id === 'urn:ngsi-ld:Alert:2'), 'the change');
    expect((await notify(uri, [{ id: 'urn:ngsi-ld:Alert:1', type: 'Alert', deletedAt: new Date().toISOString() }])).status).toBe(204);
    await until(() => removed.includes('urn:ngsi-ld:Alert:1'), 'the deletion');

    await stop?.();
    stop = null;
    expect(broker.subscriptions.size).toBe(0);
    expect(broker.seen.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });

  it('buffers what arrives during a listing and applies it after, so the listing cannot hide it', async () => {
    broker = await startTestBroker();
    broker.holdListings(true);
    const { changes, snapshots, rejected, links } = await (async () => {
      broker.entities.set('Alert', [alert('urn:ngsi-ld:Alert:1')]);
      const source = createNgsiSource({
        broker: { baseUrl: broker.url, tenant: null, token: null },
        feeds: ['incidents'],
        area: PHUKET,
        mode: 'create',
        transport: { kind: 'http', listen: '127.0.0.1:0', publicUrl: null },
        clientId: 'ws1',
        subscriptionTtlMs: 60_000,
        probeMs: 50,
      });
      const rec = recordingSink();
      source.start(rec.sink);
      stop = () => source.stop();
      return rec;
    })();
    await until(() => broker.seen.some((r) => r.path === '/ngsi-ld/v1/entities'), 'the listing to start');
    const uri = endpointOf(broker, 'Alert');
    await notify(uri, [alert('urn:ngsi-ld:Alert:3')]);
    await notify(uri, [{ id: '', type: 'Alert' }]);
    expect(changes).toEqual([]);
    broker.holdListings(false);
    await until(() => changes.some((c) => c.item.id === 'urn:ngsi-ld:Alert:3'), 'the buffered change');
    expect(snapshots.length).toBeGreaterThan(0);
    expect(rejected).toContain('entity id is empty');
    await until(() => links.at(-1) === 'open', 'the link to open');
  });

  it('says the broker is down when it refuses, recreates lost subscriptions and lists again when it returns', async () => {
    const { links, sourceLinks, snapshots } = await started();
    await until(() => links.at(-1) === 'open', 'the link to open');
    const listings = () => broker.seen.filter((r) => r.path === '/ngsi-ld/v1/entities').length;
    const before = listings();
    broker.failNext('GET', '/ngsi-ld/v1/subscriptions', 503, 'maintenance');
    await until(() => links.at(-1) === 'closed', 'the link to close');
    expect(sourceLinks().find((l) => l.id === 'broker')).toMatchObject({ state: 'closed', detail: expect.stringMatching(/503/) });
    broker.subscriptions.clear();
    await until(() => links.at(-1) === 'open' && broker.subscriptions.size === 2, 'the link to reopen with subscriptions made again');
    expect(listings()).toBeGreaterThan(before);
    expect(snapshots.length).toBeGreaterThan(1);
  });
});
