import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createCapSource } from './capSource';
import { recordingSink, until } from './capTestHttp';
import { atomIndex, capMessage } from './capTestKit';
import { parseCapMessage } from './mapCap';

/** Generous for a loaded 2-core machine; the measured times are printed for the record. */
const BOUND_MS = 2_000;
const CAP = 'urn:oasis:names:tc:emergency:cap:1.2';
const withHeadline = (headline: string, prolog = ''): string => capMessage({ identifier: 'h', infos: [{ language: 'en', headline }] }).replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0"?>${prolog}`);

const laughs = (): string => {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return withHeadline('&lol10;', `<!DOCTYPE alert [${dtd}]>`);
};

const HOSTILE: Record<string, () => string> = {
  'external entity (XXE, file:///etc/passwd)': () => withHeadline('&xxe;', '<!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
  'billion laughs': laughs,
  '50 KB entity x 20 000 references': () => withHeadline('&big;'.repeat(20_000), `<!DOCTYPE alert [<!ENTITY big "${'A'.repeat(50 * 1024)}">]>`),
  // Opening tags only, so the document stays under the size limit and it is the depth that is refused.
  'nesting 200 000 deep': () => `<alert xmlns="${CAP}">${'<a>'.repeat(200_000)}</alert>`,
  '2 M numeric character references (10 MB)': () => withHeadline('&#65;'.repeat(2_000_000)),
  '150 k numeric character references (750 KB, within size)': () => withHeadline('&#65;'.repeat(150_000)),
  'undeclared entity without a DOCTYPE': () => withHeadline('&xxe;'),
  '50 MB body': () => withHeadline('A'.repeat(50 * 1024 * 1024)),
};

const times: string[] = [];
afterAll(() => console.log(`CAP hostile inputs (parse or refusal time):\n${times.join('\n')}`));

describe('hostile CAP messages are refused or bounded, fast', () => {
  for (const [name, make] of Object.entries(HOSTILE)) {
    it(name, () => {
      const body = make();
      const started = performance.now();
      const result = parseCapMessage(body, 0);
      const ms = performance.now() - started;
      const outcome = result.ok ? `parsed, headline ${result.message.warning?.texts[0]?.headline?.length ?? 0} chars` : `refused: ${result.reason}`;
      times.push(`  ${name}: ${ms.toFixed(1)} ms, ${outcome}`);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(JSON.stringify(result)).not.toMatch(/root:|etc\/passwd|lollol/);
      if (/DOCTYPE|entity x|laughs/.test(name) && !/undeclared/.test(name)) expect(result.ok ? '' : result.reason).toMatch(/DOCTYPE/);
      if (/deep|2 M|50 MB/.test(name)) expect(result.ok).toBe(false);
      if (/deep/.test(name)) expect(result.ok ? '' : result.reason).toMatch(/nested deeper than 24/);
      // Within the size, references decode to what they say, clipped to the schema's headline: never a giant string.
      if (result.ok) expect(result.message.warning?.texts[0]?.headline?.length ?? 0).toBeLessThanOrEqual(400);
    });
  }
});

describe('a CAP source fed hostile messages', () => {
  it('refuses each with a reason (the 50 MB one while it streams), delivers the good one, and keeps polling', async () => {
    const bodies = new Map(Object.entries(HOSTILE).map(([name, make], i) => [`/m/${i}.xml`, { name, make }]));
    let written = 0;
    let indexPolls = 0;
    const server = createServer((req, res) => {
      if (req.url === '/index.atom') {
        indexPolls += 1;
        return void res.writeHead(200, { etag: '"x"' }).end(atomIndex([...bodies.keys(), '/m/good.xml'].map((href) => ({ href }))));
      }
      if (req.url === '/m/good.xml') return void res.writeHead(200).end(capMessage({ identifier: 'good' }));
      const hostile = bodies.get(req.url ?? '');
      if (hostile === undefined) return void res.writeHead(404).end();
      if (!hostile.name.startsWith('50 MB')) return void res.writeHead(200).end(hostile.make());
      // Streamed in chunks with no length, so only reading it tells the size; stops when the reader hangs up.
      res.writeHead(200, { 'content-type': 'application/cap+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const pump = (): void => {
        while (written < 50 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { sink, got } = recordingSink();
    const source = createCapSource({ indexUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.atom`, pollMs: 50 });
    const started = performance.now();
    source.start(sink);
    try {
      await until(() => got.snapshots.length > 0, 'the first listing', 30_000);
      const ms = performance.now() - started;
      times.push(`  end to end, index of ${bodies.size + 1} (7 hostile + 50 MB + good): ${ms.toFixed(0)} ms to the first listing; 50 MB body: ${(written / 1024 / 1024).toFixed(1)} MB sent before the refusal`);
      const polls = indexPolls;
      await until(() => indexPolls >= polls + 2, 'more polls after the hostile batch');
    } finally {
      await source.stop();
      server.close();
    }
    // The two bounded ones parse (same sender and identifier: counted once) beside the good one.
    expect(got.snapshots[0]?.map((w) => w.identifier).sort()).toEqual(['good', 'h']);
    // The 10 MB of references and the 50 MB body, both cut off by size while they stream.
    expect(got.rejected.filter((r) => /more than the \d+ bytes allowed|sent \d+ bytes, over the \d+ allowed/.test(r))).toHaveLength(2);
    expect(got.rejected.filter((r) => /DOCTYPE/.test(r))).toHaveLength(3);
    expect(got.rejected.some((r) => /nested deeper/.test(r))).toBe(true);
    expect(written).toBeLessThan(50 * 1024 * 1024);
    expect(JSON.stringify(got)).not.toMatch(/root:|etc\/passwd/);
  }, 60_000);
});
