import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import { CitizenReport, itemsOf } from '../../shared/domain';
import type { FeedItem } from '../../shared/domain';
import type { FeedSink, LinkState } from '../../electron/core/feeds/source';
import { decodeReports } from '../../electron/core/feeds/reports/decodeReports';
import { linkReport } from '../../electron/core/feeds/reports/reportLink';
import { createReportsSource } from '../../electron/core/feeds/reports/reportsSource';

let emu: Emulator;
let feedUrl: string;
beforeAll(async () => {
  emu = await startEmulator({ seed: 21, startTime: '2026-11-26T08:00:00Z', autoTick: false, embeddedBroker: false });
  feedUrl = `${emu.url}/reports/v1/reports.geojson`;
});
afterAll(() => emu.close());

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function emulatorReports(): Promise<CitizenReport[]> {
  const body = new Uint8Array(await (await fetch(feedUrl)).arrayBuffer());
  const decoded = decodeReports(body, { receivedAt: Date.now(), baseUrl: feedUrl });
  expect(decoded.rejected).toEqual([]);
  return itemsOf('reports', decoded.items);
}

describe('citizen reports: the console against the emulator', () => {
  it('decodes everything the emulator publishes, with photos on the emulator and free-text categories kept', async () => {
    const body = await (await fetch(feedUrl)).text();
    const listed = JSON.parse(body).features.length;
    const reports = await emulatorReports();
    expect(reports).toHaveLength(listed);
    for (const r of reports) {
      expect(CitizenReport.safeParse(r).success).toBe(true);
      expect(r.photoUrl?.startsWith(`${emu.url}/reports/v1/photos/`)).toBe(true);
    }
    expect(new Set(reports.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    expect(reports.some((r) => r.category === 'other' && r.categoryText !== null)).toBe(true);
    const photo = await fetch(reports[0]?.photoUrl ?? '');
    expect(photo.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('polls with the ETag: one snapshot while nothing changes, another when the clock moves reports on', async () => {
    const snapshots: FeedItem[][] = [];
    const links: LinkState[] = [];
    let polls = 0;
    const counting: typeof fetch = (input, init) => {
      polls++;
      return fetch(input, init);
    };
    const sink: FeedSink = {
      snapshot: (_f, items) => snapshots.push(items),
      changes: () => undefined,
      rejected: (_f, reason) => {
        throw new Error(`unexpected rejection: ${reason}`);
      },
      adjusted: () => undefined,
      link: (state) => links.push(state),
      removed: () => undefined,
      links: () => undefined,
    };
    const source = createReportsSource({ url: feedUrl, pollMs: 20, fetchImpl: counting });
    expect(source.feeds).toEqual(['reports']);
    source.start(sink);
    try {
      await until(() => polls >= 4, 'four polls');
      expect(snapshots).toHaveLength(1);
      expect(links).toContain('open');
      for (let i = 0; i < 30; i++) emu.step(60);
      await until(() => snapshots.length >= 2, 'a second snapshot');
    } finally {
      await source.stop();
    }
    const before = new Map(itemsOf('reports', snapshots[0] ?? []).map((r) => [r.id, r]));
    const moved = itemsOf('reports', snapshots[1] ?? []).filter((r) => before.has(r.id) && before.get(r.id)?.status !== r.status);
    expect(moved.length).toBeGreaterThan(0);
    for (const r of moved) expect(r.observedAt).toBeGreaterThan(before.get(r.id)?.observedAt ?? Infinity);
  });

  it('links a report: applied, applied again (idempotent), conflict for another incident, not found, refused, unreachable', async () => {
    const report = (await emulatorReports()).find((r) => r.incidentId === null);
    if (report === undefined) throw new Error('no unlinked report');
    const link = (incidentId: string, reportId = report.id) => linkReport({ reportsUrl: feedUrl, reportId, incidentId });
    expect(await link('urn:ngsi-ld:Alert:A')).toMatchObject({ outcome: 'applied' });
    expect(await linkReport({ baseUrl: emu.url, reportId: report.id, incidentId: 'urn:ngsi-ld:Alert:A' })).toMatchObject({ outcome: 'applied' });
    const conflict = await link('urn:ngsi-ld:Alert:B');
    expect(conflict.outcome).toBe('conflict');
    expect(conflict.detail).toContain('urn:ngsi-ld:Alert:A');
    expect((await link('urn:ngsi-ld:Alert:A', 'PKT-none')).outcome).toBe('not-found');
    expect((await link('')).outcome).toBe('refused');
    expect((await emulatorReports()).find((r) => r.id === report.id)?.incidentId).toBe('urn:ngsi-ld:Alert:A');
  });

  it('says unreachable (worth retrying) for a dead host, a timeout and a 503, and never throws', async () => {
    const dead = await linkReport({ baseUrl: 'http://127.0.0.1:1', reportId: 'r', incidentId: 'i' });
    expect(dead.outcome).toBe('unreachable');
    const hanging: typeof fetch = (_input, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    expect(await linkReport({ baseUrl: emu.url, reportId: 'r', incidentId: 'i', fetchImpl: hanging, timeoutMs: 50 })).toEqual({ outcome: 'unreachable', detail: expect.stringContaining('did not answer in time') });
    const busy: typeof fetch = () => Promise.resolve(new Response('x'.repeat(1_000_000), { status: 503 }));
    const answer = await linkReport({ baseUrl: emu.url, reportId: 'r', incidentId: 'i', fetchImpl: busy });
    expect(answer.outcome).toBe('unreachable');
    expect(answer.detail.length).toBeLessThan(300);
    expect((await linkReport({ baseUrl: 'not a url', reportId: 'r', incidentId: 'i' })).outcome).toBe('refused');
  });
});
