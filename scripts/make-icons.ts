/**
 * `npm run make-icons`: every icon the packages need, from one source, assets/build/icon.svg.
 *   assets/build/icons/<n>x<n>.png  Linux (AppImage, deb: /usr/share/icons/hicolor), 16 to 1024
 *   assets/build/icon.png           1024, electron-builder's fallback and the About box
 *   assets/build/icon.ico           Windows (NSIS, MSI, the exe), 16 to 256
 * The outputs are committed, so a package build needs neither resvg nor png-to-ico.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'assets', 'build');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
// Windows reads up to 256 from an .ico; the small ones are drawn at their size, not scaled down by the shell.
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

function render(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
mkdirSync(join(dir, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) writeFileSync(join(dir, 'icons', `${size}x${size}.png`), render(svg, size));
writeFileSync(join(dir, 'icon.png'), render(svg, 1024));
writeFileSync(join(dir, 'icon.ico'), await pngToIco(ICO_SIZES.map((size) => render(svg, size))));
console.log(`icons written to ${dir}: ${LINUX_SIZES.length} PNGs, icon.png, icon.ico (${ICO_SIZES.join(', ')})`);
