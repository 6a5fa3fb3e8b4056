import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ProfileError, defaultProfile, migrateProfile } from '../../../shared/domain/profile';
import type { WindowProfile } from '../../../shared/domain/profile';
import { log } from '../log/logger';

/** The file's own envelope; each workstation's profile inside it is versioned and migrated on its own. */
const FileV1 = z.object({ version: z.literal(1), workstations: z.record(z.string().max(100), z.unknown()) });

export const PROFILE_FILE = 'window-profiles.json';

export interface ProfileFile {
  load(): Promise<WindowProfile>;
  /** Writes are queued: the last one wins and none is torn (a temporary file renamed over the old one). */
  save(profile: WindowProfile): Promise<void>;
}

/**
 * Window profiles, per workstation, in the data folder as JSON written atomically. (Kept out of SQLite while the
 * store's schema is being changed by another piece of work; the envelope is versioned so it can move there.)
 */
export function createProfileFile(dir: string, workstation: string): ProfileFile {
  const path = join(dir, PROFILE_FILE);
  let chain: Promise<void> = Promise.resolve();

  async function readAll(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
      throw error;
    }
    const parsed = FileV1.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ProfileError(`${PROFILE_FILE} is not a profile file this console knows`);
    return parsed.data.workstations;
  }

  async function write(profile: WindowProfile): Promise<void> {
    let all: Record<string, unknown> = {};
    try {
      all = await readAll();
    } catch (error) {
      log().warn('window profiles: unreadable file replaced', { error: error instanceof Error ? error.message : String(error) });
    }
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify({ version: 1, workstations: { ...all, [workstation]: profile } }, null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path).catch(async (error: unknown) => {
      await rm(temp, { force: true });
      throw error;
    });
  }

  return {
    async load() {
      try {
        const saved = (await readAll())[workstation];
        return saved === undefined ? defaultProfile() : migrateProfile(saved);
      } catch (error) {
        // A damaged or newer profile must not stop the console: the defaults open, and the file is left as it is until a save.
        log().warn('window profile not used; defaults instead', { error: error instanceof Error ? error.message : String(error) });
        return defaultProfile();
      }
    },
    save(profile) {
      const next = chain.then(() => write(profile));
      chain = next.catch((error: unknown) => log().error('window profile could not be saved', { error: error instanceof Error ? error.message : String(error) }));
      return next;
    },
  };
}
