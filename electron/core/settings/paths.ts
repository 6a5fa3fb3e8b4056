import { join, win32 } from 'node:path';

/** Where IT deploys the machine-wide file and where a user's own overrides live. */
export interface SettingsPaths {
  readonly machine: string;
  readonly user: string;
}

/**
 * Linux: /etc/phuket-console/config.json and $XDG_CONFIG_HOME (or ~/.config)/phuket-console/config.json.
 * Windows: %ProgramData%\PhuketConsole\config.json and %APPDATA%\PhuketConsole\config.json.
 * PHUKET_CONFIG_MACHINE and PHUKET_CONFIG_USER point elsewhere (a test, a second console on one machine).
 */
export function settingsPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): SettingsPaths {
  const fromEnv = (name: string) => env[name]?.trim() || null;
  if (platform === 'win32') {
    const programData = fromEnv('ProgramData') ?? fromEnv('PROGRAMDATA') ?? 'C:\\ProgramData';
    const appData = fromEnv('APPDATA') ?? win32.join(home, 'AppData', 'Roaming');
    return {
      machine: fromEnv('PHUKET_CONFIG_MACHINE') ?? win32.join(programData, 'PhuketConsole', 'config.json'),
      user: fromEnv('PHUKET_CONFIG_USER') ?? win32.join(appData, 'PhuketConsole', 'config.json'),
    };
  }
  const machineDir = platform === 'darwin' ? '/Library/Application Support/PhuketConsole' : '/etc/phuket-console';
  const userDir = platform === 'darwin' ? join(home, 'Library', 'Application Support', 'PhuketConsole') : join(fromEnv('XDG_CONFIG_HOME') ?? join(home, '.config'), 'phuket-console');
  return {
    machine: fromEnv('PHUKET_CONFIG_MACHINE') ?? join(machineDir, 'config.json'),
    user: fromEnv('PHUKET_CONFIG_USER') ?? join(userDir, 'config.json'),
  };
}
