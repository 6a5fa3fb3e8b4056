import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium the console opens and tests drive: $CHROMIUM_PATH, else the distribution's. Never a downloaded build. */
export function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_HELP =
  'No Chromium found. On Debian or Ubuntu: `sudo apt-get install -y chromium fonts-noto-core fonts-thai-tlwg`, or set CHROMIUM_PATH to a Chromium or Chrome binary. (Do not run `npx playwright install`: the console uses the system browser.)';
