import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformConfig } from '../../electron/core/config';
import { startConsoleCore } from '../../electron/core/consoleCore';
import type { ConsoleCore } from '../../electron/core/consoleCore';
import { createStore } from '../../electron/core/store/store';
import { uuidv7 } from '../../electron/core/store/uuidv7';
import { startEmulator } from '../../emulator/emulator';
import type { Emulator } from '../../emulator/emulator';
import { until } from './harness';

export interface CoreRig {
  readonly emulator: Emulator;
  readonly core: ConsoleCore;
  close(): Promise<void>;
}

/** A headless console core (with its own store) following a fresh emulator, once the link is up and incidents are in. */
export async function startCoreRig(seed: number, what: string): Promise<CoreRig> {
  const emulator = await startEmulator({ seed, speed: 1 });
  const core = await startConsoleCore({
    name: `bench-${what}`,
    version: '0.0.0',
    host: 'browser',
    platform: PlatformConfig.parse({ baseUrl: emulator.url }),
    profile: { name: 'Bench', role: 'supervisor', workstation: 'bench' },
    store: () => createStore({ dir: mkdtempSync(join(tmpdir(), `bench-${what}-`)) }),
    newId: () => uuidv7(),
  }).catch(async (error: unknown) => {
    await emulator.close();
    throw error;
  });
  const close = async () => {
    await core.stop();
    await emulator.close();
  };
  try {
    await until(() => core.live.snapshot().incidents.length > 0 && core.live.health().link.state === 'up', 60_000, 'the core to be live');
  } catch (error) {
    await close();
    throw error;
  }
  return { emulator, core, close };
}
