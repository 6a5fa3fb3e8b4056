import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { createFileLogger, logLevelFromEnvironment } from './fileLogger';

function capture() {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line) };
}

const fresh = () => mkdtempSync(join(tmpdir(), 'console-log-'));

describe('the rotating file logger', () => {
  it('never writes a token, a secret, an authorization header, a password or a cookie', async () => {
    const dir = fresh();
    const mirror = capture();
    const logger = createFileLogger({ dir, level: 'info', mirror });
    logger.info('broker connected', { token: 'tok-LEAK-1', broker: { baseUrl: 'https://broker.example', headers: { Authorization: 'Bearer LEAK-2', cookie: 'sid=LEAK-3' } } });
    logger.warn('login failed for http://127.0.0.1:5000/#secret=LEAK-4', { password: 'LEAK-5', client: { secret: 'LEAK-6' }, note: 'sent Bearer LEAK-7' });
    logger.error('stream refused', { 'set-cookie': 'LEAK-8', url: 'wss://b/?token=LEAK-9&type=Vehicle' });
    await logger.close();

    const text = readFileSync(logger.path, 'utf8');
    const all = text + mirror.lines.join('');
    expect(all).not.toMatch(/LEAK/);
    const lines = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['info', 'broker connected'],
      ['warn', 'login failed for http://127.0.0.1:5000/#secret=[redacted]'],
      ['error', 'stream refused'],
    ]);
    expect(lines[0]).toMatchObject({ token: '[redacted]', broker: { baseUrl: 'https://broker.example', headers: { Authorization: '[redacted]', cookie: '[redacted]' } } });
    expect(lines[2]).toMatchObject({ 'set-cookie': '[redacted]', url: 'wss://b/?token=[redacted]&type=Vehicle' });
    // Warnings and errors are mirrored as readable lines; information stays in the file.
    expect(mirror.lines).toHaveLength(2);
    expect(mirror.lines[0]).toMatch(/^warn: login failed for .*"password":"\[redacted\]"/);
    expect(mirror.lines[1]).toMatch(/^error: stream refused /);
  });

  it('writes only what the level lets through', async () => {
    const logger = createFileLogger({ dir: fresh(), level: 'warn', mirror: capture() });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    await logger.close();
    expect(readFileSync(logger.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l).msg)).toEqual(['w']);
  });

  it('rotates at the size limit and keeps only so many files', async () => {
    const dir = fresh();
    const logger = createFileLogger({ dir, level: 'info', size: '2K', maxFiles: 3, mirror: capture() });
    const padding = 'x'.repeat(200);
    for (let i = 0; i < 200; i += 1) logger.info(`line ${i}`, { padding });
    await logger.close();
    const rotated = readdirSync(dir).filter((f) => f !== 'console.log' && f.endsWith('console.log'));
    expect(rotated.length).toBeGreaterThan(0);
    expect(rotated.length).toBeLessThanOrEqual(3);
    for (const name of [...rotated, 'console.log']) {
      const size = readFileSync(join(dir, name)).length;
      // A rotated file holds whole lines and stops at the first write past the limit.
      expect(size).toBeLessThan(2048 + 400);
      for (const line of readFileSync(join(dir, name), 'utf8').trim().split('\n').filter(Boolean)) expect(JSON.parse(line)).toMatchObject({ padding });
    }
    // The newest lines are kept, the oldest were dropped with their files. The last write may itself
    // have rotated the file, so the newest line is in console.log or in the newest rotated file.
    const kept = [...rotated, 'console.log'].map((name) => readFileSync(join(dir, name), 'utf8')).join('');
    expect(kept).toContain('"line 199"');
    expect(kept).not.toContain('"line 0"');
  });

  it('reads PHUKET_LOG_LEVEL, default info, and names it when it is wrong', () => {
    expect(logLevelFromEnvironment({})).toBe('info');
    expect(logLevelFromEnvironment({ PHUKET_LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(() => logLevelFromEnvironment({ PHUKET_LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => logLevelFromEnvironment({ PHUKET_LOG_LEVEL: 'verbose' })).toThrow(/^PHUKET_LOG_LEVEL: must be one of debug, info, warn, error/);
  });
});
