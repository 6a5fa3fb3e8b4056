import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonOf } from '../../../shared/contract/reasons';
import { SettingsUpdate } from '../../../shared/contract/settings';
import type { OperatorProfile } from '../../../shared/domain';
import type { AuditEntryInput } from '../store/api';
import { loadSettings } from './load';
import { RequestRefused } from '../refused';
import { updateUserSettings } from './update';
import { currentSettingsView, setCurrentSettings } from './view';

const supervisor: OperatorProfile = { name: 'Anong S.', role: 'supervisor', workstation: 'CC-DESK-01' };
const operator: OperatorProfile = { name: 'Somchai P.', role: 'operator', workstation: 'CC-DESK-04' };

let dir: string;
let machine: string;
let user: string;

/** Loads the layers as a host does, from real files, and records how, so an update can read them again. */
function start(files: { machine?: unknown; user?: unknown }, env: NodeJS.ProcessEnv = {}) {
  if (files.machine !== undefined) writeFileSync(machine, JSON.stringify(files.machine));
  if (files.user !== undefined) mkdirSync(join(dir, 'user'));
  if (files.user !== undefined) writeFileSync(user, JSON.stringify(files.user));
  const options = { env: { PHUKET_CONFIG_MACHINE: machine, PHUKET_CONFIG_USER: user, ...env }, platform: 'linux' as const, home: dir };
  setCurrentSettings(loadSettings(options), options);
}

const entry = (path: string) => currentSettingsView().entries.find((e) => e.path === path);

async function refusal(run: () => Promise<unknown>): Promise<RequestRefused> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RequestRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-update-'));
  machine = join(dir, 'machine.json');
  user = join(dir, 'user', 'config.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings:update', () => {
  it('writes the user file, and the view read again shows the new value from it while precedence still holds', async () => {
    start({ machine: { workstation: 'CC-DESK-04', updates: { enabled: false } } }, { PHUKET_OPERATOR_NAME: 'Anong S.', PHUKET_OPERATOR_ROLE: 'supervisor' });
    expect(entry('logLevel')).toMatchObject({ value: '"info"', source: 'default', deployed: false });

    const result = await updateUserSettings({ logLevel: 'debug' }, { profile: supervisor });

    expect(JSON.parse(readFileSync(user, 'utf8'))).toEqual({ logLevel: 'debug' });
    expect(readdirSync(join(dir, 'user'))).toEqual(['config.json']);
    expect(result.changed).toEqual(['logLevel']);
    expect(result.restartRequired).toBe(true);
    expect(result.view.entries.find((e) => e.path === 'logLevel')).toMatchObject({ value: '"debug"', source: 'user', file: user, deployed: false });
    // The layers above and below keep their places: the machine file's and the environment's values are as they were.
    expect(entry('workstation')).toMatchObject({ value: '"CC-DESK-04"', source: 'machine', deployed: true });
    expect(entry('operator.role')).toMatchObject({ value: '"supervisor"', source: 'environment', deployed: true });
    expect(entry('logLevel')).toMatchObject({ source: 'user' });

    // Removing the user's value lets the layer below show through again.
    await updateUserSettings({ logLevel: null }, { profile: supervisor });
    expect(entry('logLevel')).toMatchObject({ value: '"info"', source: 'default' });
    expect(JSON.parse(readFileSync(user, 'utf8'))).toEqual({});
  });

  it('keeps what else the user file holds, and the environment still wins over it', async () => {
    start({ user: { logLevel: 'warn', operator: { name: 'Anong S.', role: 'supervisor' } } }, { PHUKET_WORKSTATION: 'ENV-DESK' });
    await updateUserSettings({ logLevel: 'error' }, { profile: supervisor });
    expect(JSON.parse(readFileSync(user, 'utf8'))).toEqual({ logLevel: 'error', operator: { name: 'Anong S.', role: 'supervisor' } });
    expect(entry('operator.name')).toMatchObject({ source: 'user' });
    expect(entry('workstation')).toMatchObject({ value: '"ENV-DESK"', source: 'environment', deployed: true });
  });

  it('refuses a value IT deployed in the machine-wide file or the environment, and leaves the files alone', async () => {
    start({ machine: { workstation: 'CC-DESK-04' } }, { PHUKET_LOG_LEVEL: 'warn' });
    const byMachine = await refusal(() => updateUserSettings({ workstation: 'MY-DESK' }, { profile: supervisor }));
    expect(byMachine.message).toMatch(/workstation is set by IT in .*machine\.json/);
    expect(reasonOf(byMachine)).toEqual({ code: 'setting-deployed', params: { setting: 'workstation', source: machine } });
    const byEnvironment = await refusal(() => updateUserSettings({ logLevel: 'debug' }, { profile: supervisor }));
    expect(reasonOf(byEnvironment)?.code).toBe('setting-deployed');
    expect(() => readFileSync(user)).toThrow(/ENOENT/);
    expect(entry('workstation')).toMatchObject({ source: 'machine' });
  });

  it('accepts only the user-level keys: the platform, the operator and updates cannot be sent', () => {
    expect(SettingsUpdate.safeParse({ logLevel: 'debug', workstation: 'DESK-9' }).success).toBe(true);
    expect(SettingsUpdate.safeParse({ platform: { baseUrl: 'https://evil.example' } }).success).toBe(false);
    expect(SettingsUpdate.safeParse({ operator: { name: 'x', role: 'supervisor' } }).success).toBe(false);
    expect(SettingsUpdate.safeParse({ updates: { enabled: true } }).success).toBe(false);
    expect(SettingsUpdate.safeParse({ logLevel: 'verbose' }).success).toBe(false);
    expect(SettingsUpdate.safeParse({}).success).toBe(false);
  });

  it('refuses an operator (and a viewer) with the role as the reason, writing nothing', async () => {
    start({});
    for (const profile of [operator, { ...operator, role: 'viewer' as const }]) {
      const refused = await refusal(() => updateUserSettings({ logLevel: 'debug' }, { profile }));
      expect(refused.message).toMatch(/only a supervisor may change settings/);
      expect(reasonOf(refused)).toEqual({ code: 'role-not-allowed', params: { role: profile.role, action: 'settings-update' } });
    }
    expect(() => readFileSync(user)).toThrow(/ENOENT/);
  });

  it('audits the change, with who and the values before and after, when the host has an audit chain', async () => {
    start({});
    const audited: AuditEntryInput[] = [];
    await updateUserSettings({ workstation: 'CC-DESK-09' }, { profile: supervisor, now: () => 1_700_000_000_000, audit: async (e) => void audited.push(e) });
    expect(audited).toEqual([
      { at: 1_700_000_000_000, actor: supervisor, actionId: expect.stringMatching(/^[0-9a-f-]{36}$/), event: 'settings:update', before: { workstation: null }, after: { workstation: 'CC-DESK-09' } },
    ]);
    expect(entry('workstation')).toMatchObject({ value: '"CC-DESK-09"', source: 'user' });
  });

  it('leaves a user file it cannot read as JSON untouched', async () => {
    start({});
    mkdirSync(join(dir, 'user'));
    writeFileSync(user, '{ not json');
    await expect(updateUserSettings({ logLevel: 'debug' }, { profile: supervisor })).rejects.toThrow();
    expect(readFileSync(user, 'utf8')).toBe('{ not json');
  });
});
