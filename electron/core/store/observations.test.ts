import { afterEach, describe, expect, it } from 'vitest';
import { perFeed } from '../../../shared/domain';
import { observationRecord } from '../live/observationRecord';
import { fakeIncident, fakeSegment, fakeUnit, observe } from './testing/fakeItems';
import { storeTestKit } from './testing/tempDir';

const { keeper, dir } = storeTestKit(afterEach);

describe('observations', () => {
  it('logs every observation and keeps the latest per entity, validated back into feed items', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([observe(fakeSegment(1, 1000), 5000), observe(fakeUnit(1, 1000), 5001), observe(fakeIncident(1, 1000), 5002)]);
    await store.appendObservations([observe(fakeUnit(1, 2000), 6000)]);

    expect(await store.countObservations()).toBe(4);
    const latest = await store.loadLatest();
    expect(latest.items).toHaveLength(3);
    expect(latest.items).toContainEqual({ feed: 'units', item: fakeUnit(1, 2000) });
    expect(latest.items).toContainEqual({ feed: 'traffic', item: fakeSegment(1, 1000) });
    expect(latest.items).toContainEqual({ feed: 'incidents', item: fakeIncident(1, 1000) });
    expect(latest.newestReceivedAt).toEqual({ ...perFeed(() => null), traffic: 5000, units: 6000, incidents: 5002 });
  });

  it('never lets an older observation overwrite a newer one in latest, within a batch or across batches', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([observe(fakeUnit(7, 3000), 100), observe(fakeUnit(7, 1000), 101)]);
    await store.appendObservations([observe(fakeUnit(7, 2000), 102)]);
    const latest = await store.loadLatest();
    expect(latest.items).toEqual([{ feed: 'units', item: fakeUnit(7, 3000) }]);
    expect(latest.newestReceivedAt.units).toBe(100);
    expect(await store.countObservations()).toBe(3);
  });

  it('reports an empty cache with null ages', async () => {
    const store = await keeper.open(dir());
    expect(await store.loadLatest()).toEqual({ items: [], newestReceivedAt: perFeed(() => null) });
  });

  it('keeps the cache across restarts', async () => {
    const folder = dir();
    const first = await keeper.open(folder);
    await first.appendObservations([observe(fakeIncident(2, 10), 20)]);
    await first.close();
    const second = await keeper.open(folder);
    expect((await second.loadLatest()).items).toEqual([{ feed: 'incidents', item: fakeIncident(2, 10) }]);
  });

  it('prunes observations received before the cut-off, and from latest the entities not heard of since', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([1000, 2000, 3000, 4000].map((receivedAt, n) => observe(fakeSegment(n, receivedAt), receivedAt)));
    expect(await store.prune(3000)).toBe(2);
    expect(await store.countObservations()).toBe(2);
    expect((await store.loadLatest()).items).toEqual([3000, 4000].map((at, n) => ({ feed: 'traffic', item: fakeSegment(n + 2, at) })));
    expect(await store.prune(3000)).toBe(0);
  });

  it('prunes from latest incidents closed before the cut-off, even ones still being sent', async () => {
    const store = await keeper.open(dir());
    const closed = { ...fakeIncident(1, 1000), status: 'closed' as const };
    await store.appendObservations([observe(closed, 9000), observe(fakeIncident(2, 1000), 9000)]);
    await store.prune(5000);
    expect((await store.loadLatest()).items).toEqual([{ feed: 'incidents', item: fakeIncident(2, 1000) }]);
  });

  it('lets a newer observation replace a latest row pinned by a far-future time', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([observe(fakeUnit(3, Date.parse('9999-12-31T00:00:00Z')), 1000)]);
    await store.appendObservations([observe(fakeUnit(3, 2000), 2000)]);
    expect((await store.loadLatest()).items).toEqual([{ feed: 'units', item: fakeUnit(3, 2000) }]);
  });

  it('refuses a batch with a record that misnames its item as a whole, writing none of it', async () => {
    const store = await keeper.open(dir());
    const broken = { ...observe(fakeUnit(1), 10), entityId: 'someone-else' };
    await expect(store.appendObservations([observe(fakeUnit(2), 10), broken])).rejects.toThrow(/malformed request/);
    expect(await store.countObservations()).toBe(0);
  });

  it('never reads back an item the domain refuses, whatever was written', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([observe(fakeUnit(2), 10), observe({ ...fakeUnit(1), speedKmh: -5 }, 10)]);
    expect((await store.loadLatest()).items).toEqual([{ feed: 'units', item: fakeUnit(2) }]);
  });

  it('stores records that bring their item already serialized, next to ones that bring the item, and reads both back as items', async () => {
    const store = await keeper.open(dir());
    await store.appendObservations([observationRecord({ feed: 'traffic', item: fakeSegment(1, 1000) }, 5000), observe(fakeUnit(1, 1000), 5001)]);
    await store.appendObservations([observationRecord({ feed: 'units', item: fakeUnit(1, 2000) }, 6000)]);
    expect(await store.countObservations()).toBe(3);
    const latest = await store.loadLatest();
    expect(latest.items).toHaveLength(2);
    expect(latest.items).toContainEqual({ feed: 'traffic', item: fakeSegment(1, 1000) });
    expect(latest.items).toContainEqual({ feed: 'units', item: fakeUnit(1, 2000) });
  });

  it('refuses a batch with a malformed serialized record as a whole, writing none of it', async () => {
    const store = await keeper.open(dir());
    const good = observationRecord({ feed: 'units', item: fakeUnit(2) }, 10);
    await expect(store.appendObservations([good, { ...good, entityId: '' }])).rejects.toThrow(/malformed request/);
    await expect(store.appendObservations([good, { ...good, payload: '' }])).rejects.toThrow(/malformed request/);
    expect(await store.countObservations()).toBe(0);
  });

  it('never reads back a serialized item that is not JSON or that the domain refuses, and loses nothing else', async () => {
    const store = await keeper.open(dir());
    const good = observationRecord({ feed: 'units', item: fakeUnit(2) }, 10);
    const refused = observationRecord({ feed: 'units', item: { ...fakeUnit(3), speedKmh: -5 } }, 10);
    await store.appendObservations([good, refused, { ...observationRecord({ feed: 'units', item: fakeUnit(4) }, 10), payload: '{"id": "u4", tru' }]);
    expect(await store.countObservations()).toBe(3);
    expect((await store.loadLatest()).items).toEqual([{ feed: 'units', item: fakeUnit(2) }]);
  });

  it('writes large batches in one transaction at a useful rate', async () => {
    const store = await keeper.open(dir());
    const batches = 10;
    const size = 5000;
    const started = performance.now();
    for (let b = 0; b < batches; b += 1) {
      await store.appendObservations(Array.from({ length: size }, (_, n) => observe(fakeUnit(n, b * 10), b * 10)));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`observations: ${batches * size} in batches of ${size}: ${Math.round((batches * size) / seconds)}/s`);
    expect(await store.countObservations()).toBe(batches * size);
    expect((await store.loadLatest()).items).toHaveLength(size);
  });
});
