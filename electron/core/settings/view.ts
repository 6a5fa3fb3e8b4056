import type { SettingsView } from '../../../shared/contract/settings';
import { REDACTED } from '../log/redact';
import { isRecord } from './merge';
import type { EffectiveSettings, LoadOptions } from './load';

const SECRET = /token|password|secret/i;

function leaves(value: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (isRecord(value)) for (const [key, inner] of Object.entries(value)) leaves(inner, path === '' ? key : `${path}.${key}`, out);
  else out.push([path, value]);
  return out;
}

/**
 * The config in effect, value by value, with where each came from; secrets are shown as set, never their value.
 * Values from the machine-wide file or the environment are IT's: shown, never edited from the console.
 */
export function settingsView(effective: EffectiveSettings): SettingsView {
  const entries = leaves(effective.settings, '', []).map(([path, value]) => {
    const origin = effective.origins[path] ?? { source: 'default' as const, file: null };
    const shown = SECRET.test(path.split('.').pop() ?? '') && value !== null ? REDACTED : JSON.stringify(value ?? null);
    return { path, value: shown, source: origin.source, file: origin.file, deployed: origin.source === 'machine' || origin.source === 'environment' || origin.source === 'platform-file' };
  });
  return { entries, files: effective.files.map((f) => ({ ...f })) };
}

let current: SettingsView = { entries: [], files: [] };
let loaded: { readonly effective: EffectiveSettings; readonly options: LoadOptions } | null = null;

/**
 * The host records what it started with, so `settings:effective` can answer without a core option. With the
 * options it loaded them with (the environment as it was before the host wrote the files' values into it),
 * `settings:update` can read the layers again after writing the user file.
 */
export function setCurrentSettings(effective: EffectiveSettings, options?: LoadOptions): void {
  current = settingsView(effective);
  loaded = options ? { effective, options } : null;
}

/** What the host loaded and how, or null when it recorded only the result. */
export function currentLoadedSettings(): { readonly effective: EffectiveSettings; readonly options: LoadOptions } | null {
  return loaded;
}

export function currentSettingsView(): SettingsView {
  return current;
}
