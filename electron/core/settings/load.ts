import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { z } from 'zod';
import { ConfigError, overrides as platformOverrides } from '../config';
import type { PlatformConfig } from '../config';
import { isRecord, mergeLayers, originOf } from './merge';
import type { Layer, Origin } from './merge';
import { settingsPaths } from './paths';
import { ConsoleSettings } from './schema';
import type { SettingSource } from './schema';

/** One bad value: the field, what is wrong, and the file (or the environment) it came from. */
export interface SettingProblem {
  readonly field: string;
  readonly message: string;
  readonly source: SettingSource | null;
  readonly file: string | null;
}

export class SettingsError extends ConfigError {
  override name = 'SettingsError';
  constructor(readonly problems: readonly SettingProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}${p.file ? ` (in ${p.file})` : p.source === 'environment' ? ' (from the environment)' : ''}`).join('; '));
  }
}

export interface FileStatus {
  readonly source: SettingSource;
  readonly path: string;
  readonly read: boolean;
}

export interface EffectiveSettings {
  readonly settings: ConsoleSettings;
  /** The platform, or null when none is configured (`npm start` then runs the built-in emulator). */
  readonly platform: PlatformConfig | null;
  /** Dotted path of every value set by a file or the environment → where from; anything else is a default. */
  readonly origins: Readonly<Record<string, Origin>>;
  readonly files: readonly FileStatus[];
}

export interface LoadOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
  /** Returns null when the file does not exist; throws when it cannot be read. */
  readonly readFile?: (path: string) => string | null;
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** The environment as a layer: the PHUKET_* variables that set what the files set. */
export function environmentLayer(env: NodeJS.ProcessEnv): Layer {
  const operator: Record<string, unknown> = {};
  if (env['PHUKET_OPERATOR_NAME']?.trim()) operator['name'] = env['PHUKET_OPERATOR_NAME'].trim();
  if (env['PHUKET_OPERATOR_ROLE']?.trim()) operator['role'] = env['PHUKET_OPERATOR_ROLE'].trim();
  const platform = platformOverrides(env);
  const values: Record<string, unknown> = {
    ...(Object.keys(platform).length > 0 ? { platform } : {}),
    ...(Object.keys(operator).length > 0 ? { operator } : {}),
    ...(env['PHUKET_WORKSTATION']?.trim() ? { workstation: env['PHUKET_WORKSTATION'].trim() } : {}),
    ...(env['PHUKET_LOG_LEVEL']?.trim() ? { logLevel: env['PHUKET_LOG_LEVEL'].trim().toLowerCase() } : {}),
  };
  return { source: 'environment', file: null, values };
}

/** Each issue as field and message; an unknown key is named as its own field, so its file can be found. */
function issuesOf(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'is not a known setting' }));
    return [{ field: at.join('.') || '(config)', message: issue.message }];
  });
}

function problemsOf(error: z.ZodError, origins: Readonly<Record<string, Origin>>): SettingProblem[] {
  return issuesOf(error).map(({ field, message }) => {
    const origin = originOf(origins, field);
    return { field, message, source: origin?.source ?? null, file: origin?.file ?? null };
  });
}

/**
 * The effective config: defaults, then the machine-wide file, the user's file, the PHUKET_PLATFORM_CONFIG
 * file (its platform) and the environment, each later one winning the values it sets. Throws a
 * SettingsError naming every bad field and the file it came from.
 */
export function loadSettings(options: LoadOptions): EffectiveSettings {
  const read = options.readFile ?? readIfPresent;
  const paths = settingsPaths(options.platform ?? process.platform, options.env, options.home ?? homedir());
  const wanted: { source: SettingSource; path: string; wrap: (raw: Record<string, unknown>) => Record<string, unknown> }[] = [
    { source: 'machine', path: paths.machine, wrap: (raw) => raw },
    { source: 'user', path: paths.user, wrap: (raw) => raw },
  ];
  const platformFile = options.env['PHUKET_PLATFORM_CONFIG']?.trim();
  if (platformFile) wanted.push({ source: 'platform-file', path: platformFile, wrap: (raw) => ({ platform: raw }) });

  const layers: Layer[] = [];
  const files: FileStatus[] = [];
  const unreadable: SettingProblem[] = [];
  for (const { source, path, wrap } of wanted) {
    let text: string | null;
    try {
      text = read(path);
    } catch (error) {
      unreadable.push({ field: '(file)', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}`, source, file: path });
      continue;
    }
    // The platform file was asked for by name, so its absence is an error; the other two are optional.
    if (text === null && source === 'platform-file') unreadable.push({ field: '(file)', message: 'does not exist', source, file: path });
    files.push({ source, path, read: text !== null });
    if (text === null) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      unreadable.push({ field: '(file)', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, source, file: path });
      continue;
    }
    if (!isRecord(raw)) unreadable.push({ field: '(file)', message: 'must hold a JSON object', source, file: path });
    else layers.push({ source, file: path, values: wrap(raw) });
  }
  if (unreadable.length > 0) throw new SettingsError(unreadable);
  layers.push(environmentLayer(options.env));

  const merged = mergeLayers(layers);
  const origins: Record<string, Origin> = { ...merged.origins };
  // Without a URL from anywhere, only the environment's MQTT or notification details: no platform is configured.
  const platform = merged.values['platform'];
  if (isRecord(platform) && !('baseUrl' in platform) && Object.keys(origins).every((path) => !path.startsWith('platform.') || origins[path]?.source === 'environment')) {
    delete merged.values['platform'];
    for (const path of Object.keys(origins)) if (path.startsWith('platform.')) delete origins[path];
  }
  const parsed = ConsoleSettings.safeParse(merged.values);
  if (!parsed.success) throw new SettingsError(problemsOf(parsed.error, origins));
  return { settings: parsed.data, platform: parsed.data.platform ?? null, origins, files };
}

/** Checks one file on its own, as `npm run config:check FILE` does: the same schema, the file named in each problem. */
export function checkSettingsFile(path: string, text: string): SettingProblem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return [{ field: '(file)', message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, source: null, file: path }];
  }
  if (!isRecord(raw)) return [{ field: '(file)', message: 'must hold a JSON object', source: null, file: path }];
  const parsed = ConsoleSettings.safeParse(raw);
  return parsed.success ? [] : issuesOf(parsed.error).map(({ field, message }) => ({ field, message, source: null, file: path }));
}
