import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { badConfigPage } from './badConfigPage';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The first line the process prints, or its stderr if it exits first. */
function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveLine, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing a line: ${stderr}`)));
  });
}

describe('a bad config in the browser host', () => {
  it('serves a page naming each bad field and the file it came from, and keeps serving it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-config-'));
    const machine = join(dir, 'machine.json');
    const user = join(dir, 'user.json');
    writeFileSync(machine, JSON.stringify({ platform: { baseUrl: 'not a url' }, logLevel: 'chatty' }));
    writeFileSync(user, JSON.stringify({ operator: { name: 'Nok', role: 'admin' } }));
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PHUKET_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--headless'], {
      cwd: ROOT,
      env: { ...env, PHUKET_CONFIG_MACHINE: machine, PHUKET_CONFIG_USER: user, PHUKET_CONSOLE_DATA: join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await firstLine(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      const html = await response.text();
      const bad: [string, string][] = [
        ['platform.baseUrl', machine],
        ['logLevel', machine],
        ['operator.role', user],
      ];
      for (const [field, file] of bad) expect(html).toMatch(new RegExp(`<code>${field.replace('.', '\\.')}</code></td><td>[^<]+</td><td><code>${file}</code>`));
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('escapes what it shows', () => {
    expect(badConfigPage([{ field: '<x>', message: '"a" & b', source: 'user', file: '/tmp/<evil>.json' }])).not.toMatch(/<x>|<evil>/);
  });
});
