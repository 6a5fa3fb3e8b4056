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
    [['--mqtt', 'http://127.0.0.1:1883'], /--mqtt needs a broker URL/],
    [['--mqtt', 'mqtt://127.0.0.1:1883', '--no-mqtt'], /exclude each other/],
    [['--load-rate', '-5'], /--load-rate needs a number from 0 to 50000/],
    [['--load-units', '9000'], /--load-units needs a number from 1 to 5000/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('CLI MQTT flags', () => {
  it('--mqtt names an external broker; --no-mqtt starts none', () => {
    expect(parseCliArgs(['--mqtt', 'mqtt://127.0.0.1:1883/'])).toEqual({ ok: true, options: { mqttUrl: 'mqtt://127.0.0.1:1883' } });
    expect(parseCliArgs(['--no-mqtt', '--seed', '2'])).toEqual({ ok: true, options: { embeddedBroker: false, seed: 2 } });
  });
});

describe('CLI load flags', () => {
  it('--load-rate starts synthetic load over 2 000 units unless --load-units says otherwise', () => {
    expect(parseCliArgs(['--load-rate', '1000'])).toEqual({ ok: true, options: { load: { units: 2_000, perSecond: 1_000 } } });
    expect(parseCliArgs(['--load-units', '300', '--load-rate', '50'])).toEqual({ ok: true, options: { load: { units: 300, perSecond: 50 } } });
    expect(parseCliArgs(['--load-units', '300'])).toEqual({ ok: true, options: {} });
  });
});

describe('CLI process', () => {
  it('prints its base URL as the first stdout line, serves, and exits 0 on SIGTERM', async () => {
    // node --import tsx, not the tsx binary: tsx's signal relay SIGKILLs a child whose event loop is busy for 60 ms
    // (a loaded machine), which would test tsx rather than the emulator's own SIGTERM handling.
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli.ts'), '--port', '0', '--seed', '3', '--speed', '60', '--tick-ms', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
      });
    });
    const url = await firstLine;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = await (await fetch(`${url}/emulator/status`)).json();
    expect(status).toMatchObject({ seed: 3, speed: 60, units: 51, subscriptions: 0, mqttUrl: expect.stringMatching(/^mqtt:\/\/127\.0\.0\.1:\d+$/) });
    // The embedded broker is up and said so on stderr (stdout stays the base URL alone).
    await waitForStderr(() => stderr, /MQTT broker for subscriptions at mqtt:\/\/127\.0\.0\.1:\d+/);
    expect(stdout.trim()).toBe(url);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  }, 20_000);
});

async function waitForStderr(read: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`stderr never matched ${pattern}: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
