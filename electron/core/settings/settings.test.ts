import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { environmentWithSettings } from './environment';
import { checkSettingsFile, loadSettings, SettingsError } from './load';
import { mergeLayers } from './merge';
import { settingsPaths } from './paths';
import { settingsView } from './view';

const MACHINE = '/etc/phuket-console/config.json';
const USER = '/home/op/.config/phuket-console/config.json';

/** loadSettings over an in-memory file system. */
function load(files: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  return loadSettings({
    env,
    platform: 'linux',
    home: '/home/op',
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) return null;
      return typeof content === 'string' ? content : JSON.stringify(content);
    },
  });
}

function problems(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

const deployed = {
  platform: { baseUrl: 'https://cdp.phuket.example', tenant: 'phuket', token: 'machine-token', mqtt: { url: 'mqtts://mqtt.phuket.example:8883' } },
  workstation: 'CC-DESK-04',
  operator: { name: 'Somchai P.', role: 'operator' },
  logLevel: 'warn',
  updates: { enabled: true, url: 'https://updates.phuket.example/console/' },
};

describe('the console config files', () => {
  it('reads a good machine-wide file, fills in the defaults and says where each value came from', () => {
    const effective = load({ [MACHINE]: deployed });
    expect(effective.platform).toMatchObject({ baseUrl: 'https://cdp.phuket.example', tenant: 'phuket', feeds: ['traffic', 'units', 'incidents'] });
    expect(effective.platform?.mqtt).toMatchObject({ url: 'mqtts://mqtt.phuket.example:8883', protocolVersion: 4 });
    expect(effective.settings).toMatchObject({ workstation: 'CC-DESK-04', operator: { role: 'operator' }, logLevel: 'warn', updates: { enabled: true, checkEveryHours: 6 } });
    expect(effective.origins['platform.baseUrl']).toEqual({ source: 'machine', file: MACHINE });
    expect(effective.files).toEqual([
      { source: 'machine', path: MACHINE, read: true },
      { source: 'user', path: USER, read: false },
    ]);
  });

  it('with no file and no environment, configures no platform, the default log level and no updates', () => {
    const effective = load({});
    expect(effective.platform).toBeNull();
    expect(effective.settings).toEqual({ logLevel: 'info', updates: { enabled: false, checkEveryHours: 6 } });
  });

  it('layers machine < user < platform file < environment, value by value', () => {
    const effective = load(
      {
        [MACHINE]: deployed,
        [USER]: { logLevel: 'debug', platform: { tenant: 'phuket-training' } },
        '/srv/platform.json': { baseUrl: 'https://staging.phuket.example', label: 'Staging' },
      },
      { PHUKET_PLATFORM_CONFIG: '/srv/platform.json', PHUKET_PLATFORM_TOKEN: 'env-token', PHUKET_WORKSTATION: 'CC-DESK-09' },
    );
    expect(effective.settings.logLevel).toBe('debug');
    expect(effective.platform).toMatchObject({ baseUrl: 'https://staging.phuket.example', tenant: 'phuket-training', token: 'env-token', label: 'Staging' });
    // A member of a nested object from a lower layer survives a higher layer that sets a sibling.
    expect(effective.platform?.mqtt?.url).toBe('mqtts://mqtt.phuket.example:8883');
    expect(effective.settings.workstation).toBe('CC-DESK-09');
    expect(effective.origins).toMatchObject({
      'platform.baseUrl': { source: 'platform-file', file: '/srv/platform.json' },
      'platform.tenant': { source: 'user', file: USER },
      'platform.token': { source: 'environment', file: null },
      'platform.mqtt.url': { source: 'machine', file: MACHINE },
      logLevel: { source: 'user', file: USER },
      workstation: { source: 'environment', file: null },
    });
  });

  it('names each bad field and the file it came from, all at once', () => {
    const found = problems(() =>
      load({
        [MACHINE]: { platform: { baseUrl: 'ftp://cdp.phuket.example', mqtt: { url: 'http://broker' } }, logLevel: 'verbose' },
        [USER]: { operator: { name: 'Nok', role: 'admin' }, updates: { enabled: true } },
      }),
    );
    const byField = Object.fromEntries(found.map((p) => [p.field, p.file]));
    expect(byField).toEqual({
      'platform.baseUrl': MACHINE,
      'platform.mqtt.url': MACHINE,
      logLevel: MACHINE,
      'operator.role': USER,
      'updates.url': USER,
    });
  });

  it('refuses an unknown key (a typo must not be silently ignored), JSON that does not parse and a non-object', () => {
    expect(problems(() => load({ [USER]: { logLevl: 'debug' } }))).toEqual([{ field: 'logLevl', message: 'is not a known setting', source: 'user', file: USER }]);
    expect(problems(() => load({ [MACHINE]: '{ "platform": ' }))).toEqual([expect.objectContaining({ field: '(file)', file: MACHINE, message: expect.stringMatching(/not valid JSON/) })]);
    expect(problems(() => load({ [USER]: '[1, 2]' }))).toEqual([expect.objectContaining({ file: USER, message: 'must hold a JSON object' })]);
    expect(problems(() => load({}, { PHUKET_PLATFORM_CONFIG: '/nowhere.json' }))).toEqual([expect.objectContaining({ file: '/nowhere.json', message: 'does not exist' })]);
  });

  it('blames the environment for a bad environment value, and is a ConfigError the start-failure dialog names', () => {
    let thrown: unknown = null;
    try {
      load({ [MACHINE]: deployed }, { PHUKET_OPERATOR_ROLE: 'root' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown instanceof SettingsError ? thrown.problems : []).toEqual([{ field: 'operator.role', message: expect.any(String), source: 'environment', file: null }]);
    expect(String(thrown)).toMatch(/operator\.role: .* \(from the environment\)/);
  });

  it('hands the file values to the profile and log readers as the variables they read', () => {
    const env = environmentWithSettings(load({ [MACHINE]: deployed }), { PATH: '/usr/bin' });
    expect(env).toMatchObject({ PATH: '/usr/bin', PHUKET_OPERATOR_NAME: 'Somchai P.', PHUKET_OPERATOR_ROLE: 'operator', PHUKET_WORKSTATION: 'CC-DESK-04', PHUKET_LOG_LEVEL: 'warn' });
  });

  it('shows the config in effect with its origins and never a secret', () => {
    const view = settingsView(load({ [MACHINE]: deployed }, { PHUKET_LOG_LEVEL: 'error' }));
    const entry = (path: string) => view.entries.find((e) => e.path === path);
    expect(entry('platform.token')).toMatchObject({ value: '[redacted]', source: 'machine', deployed: true });
    expect(JSON.stringify(view)).not.toContain('machine-token');
    expect(entry('logLevel')).toMatchObject({ value: '"error"', source: 'environment', deployed: true });
    expect(entry('platform.silenceMs')).toMatchObject({ value: '30000', source: 'default', deployed: false });
  });

  it('checks a single file on its own for `npm run config:check`', () => {
    expect(checkSettingsFile('/tmp/good.json', JSON.stringify(deployed))).toEqual([]);
    expect(checkSettingsFile('/tmp/bad.json', JSON.stringify({ platform: { baseUrl: 'nope' } }))).toEqual([expect.objectContaining({ field: 'platform.baseUrl', file: '/tmp/bad.json' })]);
  });
});

describe('the pure merge', () => {
  it('lets a later layer replace a whole array and keeps the origins of the leaves it did not touch', () => {
    const merged = mergeLayers([
      { source: 'machine', file: 'm', values: { a: { feeds: ['traffic', 'units'], x: 1 } } },
      { source: 'user', file: 'u', values: { a: { feeds: ['incidents'] } } },
    ]);
    expect(merged.values).toEqual({ a: { feeds: ['incidents'], x: 1 } });
    expect(merged.origins).toEqual({ 'a.feeds': { source: 'user', file: 'u' }, 'a.x': { source: 'machine', file: 'm' } });
  });

  it('does not change the layers it is given', () => {
    const machine = { a: { b: 1 } };
    mergeLayers([
      { source: 'machine', file: 'm', values: machine },
      { source: 'user', file: 'u', values: { a: { b: 2 } } },
    ]);
    expect(machine).toEqual({ a: { b: 1 } });
  });
});

describe('where the files are', () => {
  it('follows each platform', () => {
    expect(settingsPaths('linux', {}, '/home/op')).toEqual({ machine: MACHINE, user: USER });
    expect(settingsPaths('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/op').user).toBe('/cfg/phuket-console/config.json');
    expect(settingsPaths('win32', { ProgramData: 'D:\\PD', APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op')).toEqual({
      machine: 'D:\\PD\\PhuketConsole\\config.json',
      user: 'C:\\Users\\op\\AppData\\Roaming\\PhuketConsole\\config.json',
    });
    expect(settingsPaths('linux', { PHUKET_CONFIG_MACHINE: '/x/m.json', PHUKET_CONFIG_USER: '/x/u.json' }, '/h')).toEqual({ machine: '/x/m.json', user: '/x/u.json' });
  });
});
