import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { CitySnapshot } from '../city/city';
import { Incident, Unit } from '../city/model';
import { ActionEntry } from '../http/actionLog';

export const SavedState = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  city: z.object({
    nowMs: z.number(),
    rngState: z.number().int().nonnegative(),
    nextIncidentN: z.number().int().positive(),
    incidents: z.array(Incident),
    units: z.array(Unit),
  }),
  actions: z.array(ActionEntry),
});
export type SavedState = z.infer<typeof SavedState>;

export function toSaved(city: CitySnapshot, actions: readonly ActionEntry[], now = new Date()): SavedState {
  return { version: 1, savedAt: now.toISOString(), city: { ...city, incidents: [...city.incidents], units: [...city.units] }, actions: [...actions] };
}

/** Write-then-rename, so a crash mid-write leaves the previous file intact. */
export function saveState(path: string, state: SavedState): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}

/**
 * The saved state, or null when there is none. A file that is not valid JSON or fails the schema is moved
 * aside (never deleted, never fatal) so the emulator starts fresh and the evidence survives.
 */
export function loadState(path: string, warn: (message: string) => void): SavedState | null {
  if (!existsSync(path)) return null;
  let problem: string;
  try {
    const parsed = SavedState.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.data;
    problem = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  const aside = `${path}.corrupt-${Date.now()}`;
  renameSync(path, aside);
  warn(`emulator: state file ${path} is unreadable (${problem}); moved it to ${aside} and starting fresh`);
  return null;
}
