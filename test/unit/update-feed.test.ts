import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUpdateFeed, matchesFeedFile, parseUpdateFeed } from '../../electron/core/updateFeed';

// A stand-in installer and the latest-linux.yml electron-builder would write for it.
const installer = Buffer.from('Phuket Command Console 0.2.0 AppImage bytes');
const sha512 = createHash('sha512').update(installer).digest('base64');
const good = `version: 0.2.0
files:
  - url: Phuket-Command-Console-0.2.0.AppImage
    sha512: ${sha512}
    size: ${installer.length}
    blockMapSize: 1234
path: Phuket-Command-Console-0.2.0.AppImage
sha512: ${sha512}
releaseDate: '2026-12-01T08:30:00.000Z'
`;

const feeds: Record<string, string> = {
  '/good/latest-linux.yml': good,
  '/good/Phuket-Command-Console-0.2.0.AppImage': installer.toString('latin1'),
  '/other-host/latest-linux.yml': good.replace('  - url: Phuket-Command-Console-0.2.0.AppImage', '  - url: https://evil.example/console.AppImage'),
  '/tampered-hash/latest-linux.yml': good.replace(`    sha512: ${sha512}`, `    sha512: ${sha512.slice(0, 40)}`),
  '/mismatch/latest-linux.yml': good.replace('path: Phuket-Command-Console-0.2.0.AppImage', 'path: other.AppImage'),
  '/not-yaml/latest-linux.yml': 'version: [1, 2\n',
};

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = feeds[req.url ?? ''];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'Content-Type': 'text/yaml' }).end(Buffer.from(body, 'latin1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the on-premises update feed', () => {
  it('fetches and accepts a good latest-linux.yml, and the installer it names matches its size and SHA-512', async () => {
    const result = await fetchUpdateFeed(`${base}/good/`, 'linux');
    expect(result).toMatchObject({ ok: true, feed: { version: '0.2.0', releaseDate: '2026-12-01T08:30:00.000Z', files: [{ url: 'Phuket-Command-Console-0.2.0.AppImage', size: installer.length }] } });
    if (!result.ok) return;
    const file = result.feed.files[0];
    if (!file) throw new Error('no file');
    const bytes = Buffer.from(await (await fetch(`${base}/good/${file.url}`)).arrayBuffer());
    expect(matchesFeedFile(bytes, file)).toBe(true);
    // One changed byte and the installer is refused.
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(matchesFeedFile(bytes, file)).toBe(false);
  });

  it('refuses a feed that points at another server, a cut checksum, a path that is not among its files, and non-YAML', async () => {
    expect(await fetchUpdateFeed(`${base}/other-host`, 'linux')).toMatchObject({ ok: false, reason: expect.stringMatching(/files\.0\.url: must be a file name/) });
    expect(await fetchUpdateFeed(`${base}/tampered-hash`, 'linux')).toMatchObject({ ok: false, reason: expect.stringMatching(/files\.0\.sha512/) });
    expect(await fetchUpdateFeed(`${base}/mismatch`, 'linux')).toMatchObject({ ok: false, reason: expect.stringMatching(/not in files/) });
    expect(await fetchUpdateFeed(`${base}/not-yaml`, 'linux')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not YAML/) });
  });

  it('says why when the server has no feed or is not there, without throwing', async () => {
    expect(await fetchUpdateFeed(`${base}/missing/`, 'linux')).toMatchObject({ ok: false, reason: expect.stringMatching(/HTTP 404/) });
    expect(await fetchUpdateFeed(`${base}/good/`, 'win32')).toMatchObject({ ok: false, reason: expect.stringMatching(/latest\.yml: HTTP 404/) });
    expect(await fetchUpdateFeed('http://127.0.0.1:1/', 'linux', { timeoutMs: 2000 })).toMatchObject({ ok: false });
  });

  it('validates versions, dates and sizes, and refuses YAML aliases', () => {
    expect(parseUpdateFeed(good.replace('version: 0.2.0', 'version: latest'))).toMatchObject({ ok: false, reason: expect.stringMatching(/version/) });
    expect(parseUpdateFeed(good.replace("releaseDate: '2026-12-01T08:30:00.000Z'", 'releaseDate: yesterday'))).toMatchObject({ ok: false, reason: expect.stringMatching(/releaseDate/) });
    expect(parseUpdateFeed(good.replace(`size: ${installer.length}`, 'size: -1'))).toMatchObject({ ok: false, reason: expect.stringMatching(/size/) });
    expect(parseUpdateFeed(`a: &x [1]\nb: *x\n${good}`)).toMatchObject({ ok: false });
    expect(parseUpdateFeed(good)).toMatchObject({ ok: true });
  });
});
