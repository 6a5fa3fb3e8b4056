import { z } from 'zod';
import { Display } from '../../../shared/domain/profile';

/** What Electron's screen module gives us; a narrow view so the reader can be tested without Electron. */
export interface ScreenLike {
  getAllDisplays(): readonly { id: number; bounds: Display['bounds']; workArea: Display['bounds'] }[];
  getPrimaryDisplay(): { id: number };
}

export const FAKE_DISPLAYS_ENV = 'PHUKET_FAKE_DISPLAYS';

/**
 * The displays to plan for: PHUKET_FAKE_DISPLAYS when set (a JSON array of {id, bounds, workArea?, primary?},
 * for tests and for trying a wall layout on one screen), otherwise the OS's. A bad fake list is an error, not ignored:
 * a test that meant to fake two displays must not silently run on one.
 */
export function readDisplays(screen: ScreenLike, env: NodeJS.ProcessEnv): Display[] {
  const fake = fakeDisplays(env);
  if (fake) return fake;
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, workArea: d.workArea, primary: d.id === primary }));
}

/** The PHUKET_FAKE_DISPLAYS list, or null when it is not set. */
export function fakeDisplays(env: NodeJS.ProcessEnv): Display[] | null {
  const fake = env[FAKE_DISPLAYS_ENV];
  if (fake === undefined || fake.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(fake);
  } catch (error) {
    throw new Error(`${FAKE_DISPLAYS_ENV} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = z.array(Display).min(1).max(16).safeParse(json);
  if (!parsed.success) throw new Error(`${FAKE_DISPLAYS_ENV} is not a list of displays: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
