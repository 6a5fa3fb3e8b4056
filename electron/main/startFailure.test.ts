import { beforeEach, describe, expect, it, vi } from 'vitest';
import { platformFromEnvironment } from '../core/config';

// Electron cannot run here: the dialog and the exit are recorded instead.
const shown: { title: string; text: string }[] = [];
const exits: number[] = [];
vi.mock('electron', () => ({
  dialog: { showErrorBox: (title: string, text: string) => shown.push({ title, text }) },
  app: { exit: (code: number) => exits.push(code) },
}));
const { refuseToStart } = await import('./startFailure');

function badConfigError(): unknown {
  try {
    platformFromEnvironment({ PHUKET_PLATFORM_URL: 'ftp://broker.example', PHUKET_PLATFORM_FEEDS: 'weather' });
  } catch (error) {
    return error;
  }
  throw new Error('the config should have been refused');
}

describe('a console that cannot start', () => {
  beforeEach(() => {
    shown.length = 0;
    exits.length = 0;
  });

  it('names the bad setting in a dialog, points at the log, flushes it and quits with a failure code', async () => {
    let closed = false;
    await refuseToStart(badConfigError(), { path: '/var/log/console/console.log', close: async () => void (closed = true) });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Phuket Command Console cannot start');
    expect(shown[0]?.text).toMatch(/^A setting is wrong: platform config is invalid: baseUrl: .*feeds\.0/);
    expect(shown[0]?.text).toContain('The log is at /var/log/console/console.log.');
    expect(closed).toBe(true);
    expect(exits).toEqual([1]);
  });

  it('says what failed when it is not a setting, even with no log file', async () => {
    await refuseToStart(new Error('EACCES: permission denied, mkdir /data'), null);
    expect(shown[0]?.text).toBe('The console failed to start: Error: EACCES: permission denied, mkdir /data');
    expect(exits).toEqual([1]);
  });
});
