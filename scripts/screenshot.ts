/** Opens the running console in headless Chromium and saves a screenshot: `tsx scripts/screenshot.ts URL out.png`. */
import { launchChromium } from '../test/support/chromium';

const [url, out = 'screenshot.png', width = '1600', height = '1000'] = process.argv.slice(2);
if (!url) throw new Error('usage: tsx scripts/screenshot.ts URL [out.png] [width] [height]');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => console.error(`[page ${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
await page.goto(url);
try {
  await page.waitForSelector('html[data-map-ready="true"]', { state: 'attached', timeout: 60_000 });
} finally {
  await page.screenshot({ path: out });
}
await browser.close();
console.log(out);
