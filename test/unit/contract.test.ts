import { describe, expect, it } from 'vitest';
import { buildBridge, channelNames, contract, ContractError, emptySnapshot, parseEvent, parseInput, parseOutput } from '../../shared/contract';
import type { Handlers, Transport } from '../../shared/contract';
import { currentAbout } from '../../electron/core/about';
import { dispatch } from '../../electron/core/dispatch';
import { createEventHub } from '../../electron/core/events';
import { sessionHandlers } from '../../electron/core/session/sessionHandlers';
import { createWindowSession } from '../../electron/core/session/windowSession';
import { defaultProfile } from '../../shared/domain/profile';

const quiet: Omit<Handlers, 'app:info' | 'map:basemap'> = {
  'state:snapshot': () => emptySnapshot(),
  'feed:health': () => ({ at: 1, link: { state: 'down', since: 1 }, platform: 'test', feeds: [] }),
  'operator:profile': () => ({ name: 'Test', role: 'operator', workstation: 'ws' }),
  'incident:act': () => ({ actionId: 'a', state: 'queued' }),
  'outbox:list': () => ({ entries: [] }),
  'dispatch:recommend': ({ incidentId }) => ({ incidentId, candidates: [], computedMs: 0 }),
  'incident:timeline': ({ incidentId }) => ({ incidentId, events: [] }),
  'escalation:policy': () => ({ critical: 60_000, high: 180_000, medium: 600_000, low: null, informational: null }),
  'store:status': () => ({ fault: null, recovered: [], cachedAt: null, unavailable: null }),
  'map:tiles': () => ({ data: null }),
  'app:about': () => currentAbout({ name: 'phuket-command-console', version: '1.2.3', host: 'browser' }),
  'settings:effective': () => ({ entries: [], files: [] }),
  'audit:export': () => ({ fileName: 'audit.jsonl', text: '{"checkpoint":null}\n', records: 0, total: 0, omitted: 0, firstSeq: null, lastSeq: null, checkpoint: null }),
  'settings:update': () => ({ view: { entries: [], files: [] }, changed: [], restartRequired: true }),
  ...sessionHandlers(createWindowSession({ events: createEventHub(), file: null, initial: defaultProfile(), newId: () => 'b1' }), { snapshot: () => emptySnapshot(), timeline: () => [] }),
};

const validInfo = { name: 'phuket-command-console', version: '1.2.3', host: 'browser', startedAt: 1_700_000_000_000, profileMode: 'viewer', platformConfigured: true };

function loopback(handlers: Handlers): Transport {
  return {
    async invoke(channel, payload) {
      // Through JSON, as on the wire, so nothing survives that a real host could not send.
      const result = await dispatch(handlers, channel, JSON.parse(JSON.stringify(payload)), { host: 'browser', windowId: 't' });
      if (!result.ok) throw new Error(result.error);
      return JSON.parse(JSON.stringify(result.payload));
    },
    listen: () => () => undefined,
  };
}

describe('contract', () => {
  it('passes a valid payload through unchanged', () => {
    expect(parseOutput('app:info', validInfo)).toEqual(validInfo);
    expect(parseInput('app:info', {})).toEqual({});
    expect(parseEvent('host:ready', { host: 'electron', at: 5 })).toEqual({ host: 'electron', at: 5 });
  });

  it('rejects an invalid payload with an error naming the channel and each problem', () => {
    const bad = { ...validInfo, version: 'latest', host: 'telnet' };
    expect(() => parseOutput('app:info', bad)).toThrow(ContractError);
    try {
      parseOutput('app:info', bad);
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      const message = String(error instanceof Error ? error.message : error);
      expect(message).toMatch(/^app:info output: /);
      expect(message).toContain('version: must be a semantic version');
      expect(message).toMatch(/host: /);
    }
    expect(() => parseInput('app:info', { sneaky: true })).toThrow(/app:info input: .*sneaky/);
  });

  it('round-trips every request through a bridge, the dispatcher and the handlers', async () => {
    const handlers: Handlers = {
      ...quiet,
      'app:info': () => ({ name: 'x', version: '0.1.0', host: 'electron', startedAt: 1, profileMode: 'demo', platformConfigured: true }),
      'map:basemap': () => ({
        sources: [{ kind: 'roads', path: 'basemap/roads.geojson' }],
        glyphs: 'glyphs/{fontstack}/{range}.pbf',
        thaiFont: 'fonts/t.ttf',
        home: [98, 7, 99, 8],
        maxBounds: [97, 6, 100, 9],
        attribution: ['© OpenStreetMap contributors'],
      }),
    };
    const bridge = buildBridge(loopback(handlers));
    await expect(bridge['app:info']({})).resolves.toEqual({ name: 'x', version: '0.1.0', host: 'electron', startedAt: 1, profileMode: 'demo', platformConfigured: true });
    await expect(bridge['map:basemap']({})).resolves.toMatchObject({ home: [98, 7, 99, 8] });
  });

  it('refuses a handler answer that breaks the contract, and an unknown channel', async () => {
    const handlers: Handlers = {
      ...quiet,
      'app:info': () => ({ name: 'x', version: '0.1.0', host: 'electron', startedAt: -1, profileMode: 'demo', platformConfigured: true }),
      'map:basemap': () => {
        throw new Error('unreachable');
      },
    };
    const bridge = buildBridge(loopback(handlers));
    await expect(bridge['app:info']({})).rejects.toThrow(/app:info output: startedAt/);
    const unknown = await dispatch(handlers, 'fs:read', {}, { host: 'browser', windowId: 't' });
    expect(unknown).toEqual({ ok: false, error: 'fs:read channel: unknown request channel' });
    const basemap = await dispatch(handlers, 'map:basemap', { path: '../../etc/passwd' }, { host: 'browser', windowId: 't' });
    expect(basemap.ok).toBe(false);
  });

  it('refuses basemap paths that leave the asset root', () => {
    const manifest = parseOutput('map:basemap', {
      sources: [{ kind: 'land', path: 'basemap/land.geojson' }],
      glyphs: 'glyphs/{fontstack}/{range}.pbf',
      thaiFont: 'fonts/t.ttf',
      home: [98, 7, 99, 8],
      maxBounds: [97, 6, 100, 9],
      attribution: ['a'],
    });
    expect(() => parseOutput('map:basemap', { ...manifest, thaiFont: '../secret.ttf' })).toThrow(/thaiFont/);
    expect(() => parseOutput('map:basemap', { ...manifest, thaiFont: 'https://evil.example/x.ttf' })).toThrow(/thaiFont/);
  });

  it('gives the bridge exactly one function per channel', () => {
    const bridge = buildBridge({ invoke: async () => null, listen: () => () => undefined });
    expect(Object.keys(bridge).sort()).toEqual([...channelNames].sort());
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(contract.requests), ...Object.keys(contract.events)].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
