import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload, LiveChanges } from '../../../shared/contract';
import { unitFixture } from '../../../shared/domain/testing/fixtures';
import { createEventHub } from '../events';
import type { FeedItem } from '../feeds/ngsi/mapEntity';
import type { FeedSink, FeedSource } from '../feeds/source';
import { faultSummary } from '../processGuards';
import { createLiveHub } from './liveHub';
import type { LiveHub } from './liveHub';

/** A source the test drives by hand. */
function handSource(): FeedSource & { sink: () => FeedSink } {
  let sink: FeedSink | null = null;
  return {
    name: 'hand',
    feeds: ['traffic', 'units', 'incidents'],
    capabilities: { snapshot: true, live: true, actions: false },
    start: (target) => void (sink = target),
    stop: async () => undefined,
    sink: () => {
      if (!sink) throw new Error('not started');
      return sink;
    },
  };
}

const unit = (id: string, observedAt: number): FeedItem => ({ feed: 'units', item: unitFixture(id, [98.3, 7.9], { observedAt }) });

/** Resolves with the next event on a channel that satisfies `test`. */
function next<K extends EventName>(events: ReturnType<typeof createEventHub>, channel: K, test: (payload: EventPayload<K>) => boolean): Promise<EventPayload<K>> {
  return new Promise((resolve) => {
    const off = events.subscribe((ch, payload) => {
      const name: string = ch;
      if (name !== channel) return;
      const parsed = JSON.parse(JSON.stringify(payload));
      if (test(parsed)) {
        off();
        resolve(parsed);
      }
    });
  });
}

let hub: LiveHub | null = null;
afterEach(async () => {
  await hub?.stop();
  hub = null;
});

describe('live hub under a throwing subscriber', () => {
  it('keeps flushing to the other subscribers and keeps serving, counting the failures', async () => {
    const events = createEventHub();
    const source = handSource();
    hub = createLiveHub({ source, events, platform: 'test', flushMs: 10, healthMs: 10 });
    let throws = 0;
    events.subscribe(() => {
      throws += 1;
      throw new Error('a sink that always fails');
    });
    const received: LiveChanges[] = [];
    events.subscribe((channel, payload) => {
      if (channel === 'state:changes') received.push(JSON.parse(JSON.stringify(payload)));
    });
    const before = faultSummary().faults;
    hub.start();
    source.sink().link('open', 'live');
    source.sink().changes('units', [unit('u1', 1)], 1, null);
    await next(events, 'state:changes', (c) => c.units.some((u) => u.id === 'u1'));
    // A later flush still works: the timer survived the throws.
    source.sink().changes('units', [unit('u2', 2)], 2, null);
    await next(events, 'state:changes', (c) => c.units.some((u) => u.id === 'u2'));
    await next(events, 'feed:health-changed', (h) => h.feeds.some((f) => f.feed === 'units' && f.items === 2));
    expect(received.flatMap((c) => c.units.map((u) => u.id))).toEqual(['u1', 'u2']);
    expect(throws).toBeGreaterThan(2);
    expect(faultSummary().faults - before).toBe(throws);
    expect(hub.health().core?.faults).toBe(faultSummary().faults);
    expect(hub.snapshot().units.map((u) => u.id).sort()).toEqual(['u1', 'u2']);
  });

  it('survives a sink call that throws inside the hub (a failing cache writer) and still applies later items', () => {
    const events = createEventHub();
    const source = handSource();
    let fail = true;
    hub = createLiveHub({
      source,
      events,
      platform: 'test',
      onItems: () => {
        if (fail) throw new Error('disk on fire');
      },
    });
    hub.start();
    const before = faultSummary().faults;
    expect(() => source.sink().changes('units', [unit('u1', 1)], 1, null)).not.toThrow();
    expect(faultSummary().faults).toBe(before + 1);
    fail = false;
    source.sink().changes('units', [unit('u2', 1)], 1, null);
    expect(hub.snapshot().units.map((u) => u.id).sort()).toEqual(['u1', 'u2']);
  });

  it('counts clamped times as adjustments, not rejections', () => {
    const source = handSource();
    hub = createLiveHub({ source, events: createEventHub(), platform: 'test' });
    hub.start();
    source.sink().adjusted('incidents', 'i1: dateModified 9999-12-31T00:00:00.000Z is in the future; clamped to the receive time', 5);
    expect(hub.health().feeds.find((f) => f.feed === 'incidents')).toMatchObject({ adjusted: 1, rejected: 0, lastAdjustment: { at: 5 } });
  });

  it('forgets, on its retention timer, entities not heard of within the retention', async () => {
    let clock = 0;
    const events = createEventHub();
    const source = handSource();
    hub = createLiveHub({ source, events, platform: 'test', now: () => clock, retentionMs: 100, pruneMs: 10, flushMs: 5 });
    hub.start();
    source.sink().changes('units', [unit('old', 0)], 0, null);
    clock = 500;
    source.sink().changes('units', [unit('fresh', 500)], 500, null);
    await next(events, 'state:changes', (c) => c.removed.units.includes('old'));
    expect(hub.snapshot().units.map((u) => u.id)).toEqual(['fresh']);
  });
});
