import type { SettingSource } from './schema';

/** One layer of configuration: a file's object or the environment's, and where it came from. */
export interface Layer {
  readonly source: SettingSource;
  /** The file it was read from; null for the environment and the defaults. */
  readonly file: string | null;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface Origin {
  readonly source: SettingSource;
  readonly file: string | null;
}

export interface Merged {
  readonly values: Record<string, unknown>;
  /** Dotted path of each leaf (arrays are leaves) → the layer that set it. */
  readonly origins: Readonly<Record<string, Origin>>;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function lay(into: Record<string, unknown>, values: Readonly<Record<string, unknown>>, origin: Origin, prefix: string, origins: Record<string, Origin>): void {
  for (const [key, value] of Object.entries(values)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value === undefined) continue;
    if (isRecord(value)) {
      const existing = into[key];
      const target = isRecord(existing) ? existing : {};
      // A later layer that replaces a leaf with an object takes over the whole branch.
      if (!isRecord(existing)) for (const known of Object.keys(origins)) if (known === path) delete origins[known];
      into[key] = target;
      lay(target, value, origin, path, origins);
    } else {
      for (const known of Object.keys(origins)) if (known.startsWith(`${path}.`)) delete origins[known];
      into[key] = value;
      origins[path] = origin;
    }
  }
}

/** Lays each layer over the ones before it, object by object; a later layer wins each leaf it sets. */
export function mergeLayers(layers: readonly Layer[]): Merged {
  const values: Record<string, unknown> = {};
  const origins: Record<string, Origin> = {};
  for (const layer of layers) lay(values, structuredClone(layer.values), { source: layer.source, file: layer.file }, '', origins);
  return { values, origins };
}

/** The origin of a path, or of the nearest layer that set something under or above it (for a missing field). */
export function originOf(origins: Readonly<Record<string, Origin>>, path: string): Origin | null {
  if (origins[path]) return origins[path];
  const below = Object.entries(origins).find(([known]) => known.startsWith(`${path}.`));
  if (below) return below[1];
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n -= 1) {
    const parent = parts.slice(0, n).join('.');
    const under = Object.entries(origins).find(([known]) => known === parent || known.startsWith(`${parent}.`));
    if (under) return under[1];
  }
  return null;
}
