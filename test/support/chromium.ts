import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM_HELP, findChromium } from '../../scripts/find-chromium';

/** Debian's Chromium, headless, with the flags that keep it off the network it does not have. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_HELP);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}
