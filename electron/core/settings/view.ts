import type { SettingsView } from '../../../shared/contract/settings';
import { REDACTED } from '../log/redact';
import { isRecord } from './merge';
import type { EffectiveSettings } from './load';

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

/** The host records what it started with, so `settings:effective` can answer without a core option. */
export function setCurrentSettings(effective: EffectiveSettings): void {
  current = settingsView(effective);
}

export function currentSettingsView(): SettingsView {
  return current;
}
