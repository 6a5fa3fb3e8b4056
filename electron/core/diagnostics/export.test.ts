import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportDiagnostics } from './export';

/** The zip's entries, read from its central directory (no unzip tool needed). */
function entries(zip: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(at + 10);
  at = zip.readUInt32LE(at + 16);
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString();
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString();
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('export diagnostics', () => {
  it('zips the logs, the redacted config, the About data and the database health into the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diag-'));
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'console.log'), '{"msg":"connected to http://h/?token=LEAK-1"}\n');
    writeFileSync(join(logs, '20261201-0000-01-console.log'), '{"msg":"older"}\n');
    writeFileSync(join(logs, 'unrelated.txt'), 'x');
    const path = await exportDiagnostics({
      dataDir: dir,
      logDir: logs,
      settings: { entries: [{ path: 'platform.token', value: '[redacted]' }] },
      health: { fault: null, unavailable: null },
      about: { version: '0.1.0' },
      now: new Date('2026-12-05T10:00:00Z'),
    });
    expect(path).toBe(join(dir, 'diagnostics-2026-12-05T10-00-00-000Z.zip'));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const zip = entries(readFileSync(path));
    expect(Object.keys(zip).sort()).toEqual(['about.json', 'config-in-effect.json', 'database-health.json', 'logs/20261201-0000-01-console.log', 'logs/console.log']);
    expect(zip['logs/console.log']).toContain('token=[redacted]');
    expect(JSON.stringify(zip)).not.toContain('LEAK');
    expect(JSON.parse(zip['database-health.json'] ?? '')).toEqual({ fault: null, unavailable: null });
  });
});
