import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('CLI arguments', () => {
  it('parses every flag', () => {
    const parsed = parseCliArgs(['--port', '4321', '--seed', '7', '--speed', '30', '--start', '2025-03-04T01:00:00Z', '--tick-ms', '250', '--state', '/tmp/s.json', '--fault', 'stall', '--fault', 'malformed']);
    expect(parsed).toEqual({
      ok: true,
      options: { port: 4321, seed: 7, speed: 30, startTime: '2025-03-04T01:00:00Z', tickMs: 250, statePath: '/tmp/s.json', faults: { stall: true, malformed: true } },
    });
  });

  it.each([
    [['--speed', '61'], /--speed needs a number from 1 to 60/],
    [['--port'], /--port needs a number/],
    [['--fault', 'fire'], /--fault needs one of/],
    [['--start', 'yesterday'], /--start needs an ISO/],
    [['--verbose'], /unknown argument --verbose/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('CLI process', () => {
  it('prints its base URL as the first stdout line, serves, and exits 0 on SIGTERM', async () => {
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(import.meta.dirname, 'cli.ts'), '--port', '0', '--seed', '3', '--speed', '60', '--tick-ms', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      });
    });
    const url = await firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await (await fetch(`${url}/emulator/status`)).json();
    expect(status).toMatchObject({ seed: 3, speed: 60, units: 51 });
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 20_000);
});
