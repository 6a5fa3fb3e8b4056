import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../shared/domain';
import type { FeedSink } from '../source';
import { createGtfsRtSource } from './gtfsRtSource';
import { encodeFeed, sampleEntities } from './testFeeds';

const headerS = Math.floor(Date.parse('2026-03-08T14:28:44+07:00') / 1000);

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe('GTFS-realtime source', () => {
  it('refuses garbage and an older header with a reason, keeps polling, and applies the good bodies as snapshots', async () => {
    const bodies = [
      new TextEncoder().encode('502 Bad Gateway'),
      encodeFeed(sampleEntities(), headerS),
      encodeFeed(sampleEntities().slice(0, 3), headerS - 60),
      encodeFeed(sampleEntities().slice(0, 5), headerS + 10),
    ];
    let polls = 0;
    const fetchImpl: typeof fetch = () => {
      const body = bodies[Math.min(polls++, bodies.length - 1)] ?? new Uint8Array(0);
      return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-protobuf' } }));
    };
    const snapshots: FeedItem[][] = [];
    const rejected: string[] = [];
    const sink: FeedSink = {
      snapshot: (_f, items) => snapshots.push(items),
      changes: () => undefined,
      rejected: (_f, reason) => rejected.push(reason),
      adjusted: () => undefined,
      link: () => undefined,
      removed: () => undefined,
      links: () => undefined,
    };
    const source = createGtfsRtSource({ url: 'http://pksb.test/gtfs-rt/vehicle-positions.pb', pollMs: 5, fetchImpl, now: () => (headerS + 20) * 1000 });
    source.start(sink);
    await until(() => snapshots.length >= 2, 'two snapshots');
    await source.stop();
    expect(source.feeds).toEqual(['buses']);
    expect(snapshots.map((s) => s.length)).toEqual([25, 5]);
    expect(rejected[0]).toMatch(/GTFS-realtime buses: body refused: .*not a GTFS-realtime FeedMessage/);
    expect(rejected[1]).toMatch(/stale feed: header .* older than the last applied/);
  });
});
