import type { Display, WindowProfile } from '../../../shared/domain/profile';

/** The screen the browser host assumes when nothing says otherwise (Node cannot ask the OS for its displays). */
export const ASSUMED_SCREEN = { width: 1920, height: 1080 } as const;

/**
 * The displays the browser host plans its --app windows for: the faked list when there is one, else the displays a
 * profile's windows were saved on (their bounds), else `count` side-by-side tiles of one assumed screen, so
 * `--windows 3` on a single monitor shows three windows next to each other.
 */
export function browserDisplays(count: number, profile: WindowProfile | null, fake: Display[] | null): Display[] {
  if (fake) return fake;
  const saved = profile?.windows.flatMap((w) => (w.bounds ? [{ id: w.displayId, bounds: w.bounds }] : [])) ?? [];
  if (saved.length > 0) return saved.map((d, i) => ({ ...d, primary: i === 0 }));
  const n = Math.max(1, Math.min(16, Math.floor(count)));
  const width = Math.floor(ASSUMED_SCREEN.width / n);
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, bounds: { x: i * width, y: 0, width, height: ASSUMED_SCREEN.height }, primary: i === 0 }));
}
