import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Warning } from '../../../../shared/domain';
import { ActiveSet } from './activeSet';
import { createCapSource } from './capSource';
import { capMessage, SENDER } from './capTestKit';
import { publisher, recordingSink, until } from './capTestHttp';
import { parseCapMessage } from './mapCap';
import type { CapMessage } from './mapCap';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

const ids = (warnings: Warning[] | undefined): string[] => (warnings ?? []).map((w) => w.identifier).sort();

describe('CAP source', () => {
  it('polls the index with its ETag, fetches each message once, and applies Update and Cancel', async () => {
    const pub = await publisher();
    closers.push(pub.close);
    pub.index.set('rain.xml', capMessage({ identifier: 'rain' }));
    pub.index.set('wave.xml', capMessage({ identifier: 'wave' }));
    const { sink, got } = recordingSink();
    const source = createCapSource({ indexUrl: `${pub.base}/cap/index.atom`, pollMs: 20 });
    source.start(sink);
    await until(() => pub.conditional >= 2, 'two 304s');
    expect(ids(got.snapshots[0])).toEqual(['rain', 'wave']);
    expect(got.snapshots).toHaveLength(1);

    pub.index.set('rain-2.xml', capMessage({ identifier: 'rain-2', msgType: 'Update', references: `${SENDER},rain,2026-07-01T10:00:00+07:00` }));
    pub.index.set('wave-c.xml', capMessage({ identifier: 'wave-c', msgType: 'Cancel', references: `${SENDER},wave,2026-07-01T10:00:00+07:00` }));
    pub.etag.value = '"2"';
    await until(() => got.snapshots.length >= 2, 'the second listing');
    await source.stop();
    expect(ids(got.snapshots[1])).toEqual(['rain-2']);
    for (const name of ['rain', 'wave', 'rain-2', 'wave-c']) expect(pub.served.filter((p) => p === `/cap/${name}.xml`)).toHaveLength(1);
  });

  it('fetches the index whole again when a warning expires, so it leaves the map without any change upstream', async () => {
    const pub = await publisher();
    closers.push(pub.close);
    let clock = Date.parse('2026-07-01T04:00:00Z');
    pub.index.set('soon.xml', capMessage({ identifier: 'soon', infos: [{ language: 'en', expires: '2026-07-01T11:30:00+07:00' }] }));
    pub.index.set('later.xml', capMessage({ identifier: 'later', infos: [{ language: 'en', expires: '2026-07-01T18:00:00+07:00' }] }));
    const { sink, got } = recordingSink();
    const source = createCapSource({ indexUrl: `${pub.base}/cap/index.atom`, pollMs: 20, now: () => clock });
    source.start(sink);
    await until(() => pub.conditional >= 1, 'a 304');
    clock = Date.parse('2026-07-01T04:31:00Z');
    await until(() => got.snapshots.length >= 2, 'the listing after expiry');
    await source.stop();
    expect(ids(got.snapshots[0])).toEqual(['later', 'soon']);
    expect(ids(got.snapshots[1])).toEqual(['later']);
  });

  it('retries a message the server failed to give, without waiting for the index to change', async () => {
    const pub = await publisher();
    closers.push(pub.close);
    pub.index.set('ok.xml', capMessage({ identifier: 'ok' }));
    // A 404 would be the entry's answer; a 503 is "try again", here from another allowed origin.
    const late = capMessage({ identifier: 'late' });
    let answered = 0;
    const server = createServer((req, res) => (req.url === '/late.xml' && answered++ > 0 ? res.writeHead(200).end(late) : res.writeHead(503).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => server.close());
    const other = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pub.index.set(`${other}/late.xml`, '');
    const { sink, got } = recordingSink();
    const source = createCapSource({ indexUrl: `${pub.base}/cap/index.atom`, pollMs: 20, allowedOrigins: [other] });
    source.start(sink);
    await until(() => got.snapshots.some((s) => ids(s).includes('late')), 'the retried message');
    await source.stop();
    expect(ids(got.snapshots[0])).toEqual(['ok']);
    expect(got.rejected[0]).toMatch(/late\.xml: .*503/);
  });
});

describe('the active set', () => {
  const message = (identifier: string, extra: Parameters<typeof capMessage>[0] extends infer T ? Partial<T> : never = {}): CapMessage => {
    const r = parseCapMessage(capMessage({ identifier, ...extra }), 1);
    if (!r.ok) throw new Error(r.reason);
    return r.message;
  };
  const keys = (set: ActiveSet, list: CapMessage[], now = 0): string[] => set.resolve(list, now).warnings.map((w) => w.identifier);

  it('is the same whatever order the messages come in, and counts a duplicate once', () => {
    const a = message('a');
    const update = message('b', { msgType: 'Update', references: `${SENDER},a,2026-07-01T10:00:00+07:00` });
    const other = message('c');
    expect(keys(new ActiveSet(), [a, update, other, other])).toEqual(['b', 'c']);
    expect(keys(new ActiveSet(), [other, update, a])).toEqual(['c', 'b']);
  });

  it('remembers what was cancelled, so the original listed again without its Cancel stays gone', () => {
    const set = new ActiveSet();
    const a = message('a');
    expect(keys(set, [a, message('x', { msgType: 'Cancel', references: `${SENDER},a,2026-07-01T10:00:00+07:00` })])).toEqual([]);
    expect(keys(set, [a])).toEqual([]);
  });

  it('drops what expired and says when the next one will', () => {
    const soon = message('soon', { infos: [{ expires: '2026-07-01T11:00:00+07:00' }] });
    const never = message('never');
    const set = new ActiveSet();
    expect(set.resolve([soon, never], 0).nextExpiry).toBe(Date.parse('2026-07-01T04:00:00Z'));
    expect(keys(set, [soon, never], Date.parse('2026-07-01T04:00:00Z'))).toEqual(['never']);
  });
});
