import type { EventHub } from '../events';
import { defaultProfile } from '../../../shared/domain/profile';
import { createProfileFile } from './profileFile';
import { createWindowSession } from './windowSession';
import type { WindowSession } from './windowSession';

/** The window session with this workstation's saved profile, or the defaults (kept in memory) without a data folder. */
export async function startWindowSession(options: { events: EventHub; dataDir: string | null; workstation: string; newId: () => string }): Promise<WindowSession> {
  const file = options.dataDir === null ? null : createProfileFile(options.dataDir, options.workstation);
  const initial = file ? await file.load() : defaultProfile();
  return createWindowSession({ events: options.events, file, initial, newId: options.newId });
}
