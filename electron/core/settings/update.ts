import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { coded } from '../../../shared/contract/reasons';
import { USER_SETTING_KEYS } from '../../../shared/contract/settings';
import type { SettingsLogLevel, SettingsUpdate, SettingsUpdated, UserSettingKey } from '../../../shared/contract/settings';
import type { OperatorProfile } from '../../../shared/domain';
import type { LogLevel } from '../log/fileLogger';
import { log } from '../log/logger';
import { RequestRefused } from '../refused';
import type { AuditEntryInput } from '../store/api';
import { uuidv7 } from '../store/uuidv7';
import { checkSettingsFile, loadSettings, SettingsError } from './load';
import { isRecord } from './merge';
import { settingsPaths } from './paths';
import { currentLoadedSettings, currentSettingsView, setCurrentSettings } from './view';

// The contract's log levels are the logger's, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const LEVELS_MATCH: Same<LogLevel, (typeof SettingsLogLevel.options)[number]> = true;
void LEVELS_MATCH;


export interface SettingsUpdateContext {
  /** Who asks: only a supervisor may change this console's settings. */
  readonly profile: OperatorProfile;
  /** Records the change in the audit chain when the host has one; otherwise it is logged only. */
  readonly audit?: ((entry: AuditEntryInput) => Promise<void>) | undefined;
  readonly now?: () => number;
}

/** Writes beside the target, flushes, then renames over it: the file is whole or as it was. */
export function writeFileAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function readUserFile(path: string): { text: string | null; values: Record<string, unknown> } {
  let text: string | null;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { text: null, values: {} };
    throw error;
  }
  const raw: unknown = JSON.parse(text);
  if (!isRecord(raw)) throw new RequestRefused(`${path} must hold a JSON object`, coded('setting-invalid', { setting: path, problem: 'must hold a JSON object' }));
  return { text, values: raw };
}

/**
 * Changes the user-level file's local values (log level, workstation name) for a supervisor, then reads every
 * layer again so the settings view shows what is now in effect. A value IT deployed (the machine-wide file, the
 * environment) stays as it is: the request is refused and names where it is set. The change applies at the next start.
 */
export async function updateUserSettings(update: SettingsUpdate, context: SettingsUpdateContext): Promise<SettingsUpdated> {
  const { profile } = context;
  if (profile.role !== 'supervisor') {
    throw new RequestRefused(`only a supervisor may change settings; this console's operator is a ${profile.role}`, coded('role-not-allowed', { role: profile.role, action: 'settings-update' }));
  }
  const loaded = currentLoadedSettings();
  if (!loaded) throw new Error('this host did not record how it loaded its settings, so they cannot be changed here');
  const { effective, options } = loaded;

  const keys = USER_SETTING_KEYS.filter((key): key is UserSettingKey => update[key] !== undefined);
  for (const key of keys) {
    const origin = effective.origins[key];
    if (origin && (origin.source === 'machine' || origin.source === 'environment' || origin.source === 'platform-file')) {
      const where = origin.file ?? 'the environment';
      throw new RequestRefused(`${key} is set by IT in ${where} and can only be changed there`, coded('setting-deployed', { setting: key, source: where }));
    }
  }

  const path = effective.files.find((file) => file.source === 'user')?.path ?? settingsPaths(options.platform ?? process.platform, options.env, options.home ?? process.env['HOME'] ?? '').user;
  const before = readUserFile(path);
  const values: Record<string, unknown> = { ...before.values };
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of keys) {
    was[key] = effective.settings[key] ?? null;
    const value = update[key];
    if (value === null) delete values[key];
    else values[key] = value;
    now[key] = value;
  }
  const text = `${JSON.stringify(values, null, 2)}\n`;
  const problems = checkSettingsFile(path, text);
  if (problems.length > 0) {
    const first = problems[0];
    throw new RequestRefused(problems.map((p) => `${p.field}: ${p.message}`).join('; '), coded('setting-invalid', { setting: first?.field ?? '(config)', problem: first?.message ?? 'is not valid' }));
  }

  writeFileAtomically(path, text);
  try {
    setCurrentSettings(loadSettings(options), options);
  } catch (error) {
    // The layers together refuse it (a value another file needs): the user file goes back to what it was.
    if (before.text === null) rmSync(path, { force: true });
    else writeFileAtomically(path, before.text);
    if (error instanceof SettingsError) throw new RequestRefused(error.message, coded('setting-invalid', { setting: error.problems[0]?.field ?? '(config)', problem: error.problems[0]?.message ?? 'is not valid' }));
    throw error;
  }

  log().info('settings changed', { by: profile.name, role: profile.role, workstation: profile.workstation, file: path, before: was, after: now });
  if (context.audit) {
    const at = (context.now ?? Date.now)();
    await context.audit({ at, actor: profile, actionId: uuidv7(at), event: 'settings:update', before: was, after: now });
  }
  return { view: currentSettingsView(), changed: keys, restartRequired: true };
}
