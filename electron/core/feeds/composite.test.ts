import { afterEach, describe, expect, it } from 'vitest';
import { FeedHealthReport } from '../../../shared/contract';
import type { FeedId } from '../../../shared/domain';
import { incidentFixture, unitFixture } from '../../../shared/domain/testing/fixtures';
import { createEventHub } from '../events';
import { createLiveHub } from '../live/liveHub';
import type { LiveHub } from '../live/liveHub';
import { createCompositeSource } from './composite';
import type { FeedSink, FeedSource, SourceLink } from './source';

/** A source the test drives by hand. */
function handSource(name: string, feeds: FeedId[]): FeedSource & { sink: () => FeedSink; stopped: boolean } {
  let sink: FeedSink | null = null;
  return {
    name,
    feeds,
    capabilities: { snapshot: true, live: true, actions: false },
    stopped: false,
    start: (target) => void (sink = target),
    async stop() {
      this.stopped = true;
    },
    sink: () => {
      if (!sink) throw new Error('not started');
      return sink;
    },
  };
}

const brokerLink = (state: SourceLink['state'], detail: string): SourceLink => ({ id: 'broker', target: 'host', state, detail, since: 1 });

let hub: LiveHub | null = null;
afterEach(async () => {
  await hub?.stop();
  hub = null;
});

describe('composite source', () => {
  it('runs two sources at once: one down, one up — health shows both by name, and the one that is up keeps flowing', async () => {
    const city = handSource('city.example', ['incidents']);
    const fleet = handSource('fleet.example', ['units']);
    const composite = createCompositeSource([city, fleet]);
    expect(composite.feeds).toEqual(['incidents', 'units']);
    const events = createEventHub();
    hub = createLiveHub({ source: composite, events, platform: 'two', flushMs: 5, healthMs: 5 });
    const t = Date.now();
    hub.start();

    fleet.sink().links([brokerLink('open', 'fleet answers')]);
    fleet.sink().link('open', 'live');
    city.sink().links([brokerLink('closed', 'connection refused')]);
    city.sink().link('closed', 'connection refused');
    fleet.sink().snapshot('units', [{ feed: 'units', item: unitFixture('u-1', [98.3, 7.9]) }], t);
    fleet.sink().changes('units', [{ feed: 'units', item: unitFixture('u-2', [98.31, 7.91]) }], t + 1, t);

    const health = FeedHealthReport.parse(JSON.parse(JSON.stringify(hub.health())));
    expect(health.links).toEqual([
      expect.objectContaining({ id: 'broker', source: 'city.example', state: 'closed', detail: 'connection refused' }),
      expect.objectContaining({ id: 'broker', source: 'fleet.example', state: 'open' }),
    ]);
    // The whole is down, and says which source.
    expect(health.link.state).toBe('down');
    expect(health.feeds.find((f) => f.feed === 'incidents')?.detail).toBe('city.example: connection refused');
    // Whatever the other source's state, the units keep flowing into the live state.
    expect(hub.snapshot().units.map((u) => u.id).sort()).toEqual(['u-1', 'u-2']);

    // Both up: the whole is up.
    city.sink().links([brokerLink('open', 'city answers')]);
    city.sink().link('open', 'live');
    city.sink().snapshot('incidents', [{ feed: 'incidents', item: incidentFixture({ id: 'urn:ngsi-ld:Alert:1' }) }], t + 2);
    expect(hub.health().link.state).toBe('up');
    expect(hub.snapshot().incidents.map((i) => i.id)).toEqual(['urn:ngsi-ld:Alert:1']);

    await hub.stop();
    hub = null;
    expect([city.stopped, fleet.stopped]).toEqual([true, true]);
  });

  it('never lets one source\'s listing wipe what another source gave the same feed', () => {
    const a = handSource('a', ['units']);
    const b = handSource('b', ['units']);
    const calls: string[] = [];
    const sink: FeedSink = {
      snapshot: (feed) => calls.push(`snapshot ${feed}`),
      changes: (feed) => calls.push(`changes ${feed}`),
      rejected: () => undefined,
      adjusted: () => undefined,
      removed: () => undefined,
      link: () => undefined,
      links: () => undefined,
    };
    createCompositeSource([a, b]).start(sink);
    a.sink().snapshot('units', [], 1);
    expect(calls).toEqual(['changes units']);
  });

  it('with one source, is that source: same name, same details, links named after it', () => {
    const only = handSource('broker.example', ['traffic', 'units', 'incidents']);
    const seen: { state: string; detail: string }[] = [];
    let links: readonly SourceLink[] = [];
    const sink: FeedSink = {
      snapshot: () => undefined,
      changes: () => undefined,
      rejected: () => undefined,
      adjusted: () => undefined,
      removed: () => undefined,
      link: (state, detail) => seen.push({ state, detail }),
      links: (next) => void (links = next),
    };
    const composite = createCompositeSource([only]);
    expect(composite.name).toBe('broker.example');
    composite.start(sink);
    only.sink().link('closed', 'refused');
    only.sink().link('closed', 'refused');
    only.sink().links([brokerLink('closed', 'refused')]);
    expect(seen).toEqual([{ state: 'closed', detail: 'refused' }]);
    expect(links[0]?.source).toBe('broker.example');
  });
});
