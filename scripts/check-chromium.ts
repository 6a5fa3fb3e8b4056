/** Fails early, with the exact fix, when the browser tests have no Chromium to drive. */
import { CHROMIUM_HELP, findChromium } from './find-chromium';

const path = findChromium();
if (!path) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
