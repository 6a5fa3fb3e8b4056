import { PNG } from 'pngjs';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export type Rgb = readonly [number, number, number];

export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function pixelAt(png: PNG, x: number, y: number): Rgb {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

export function near(a: Rgb, b: Rgb, tolerance: number): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}

/** How many pixels inside `box` are within `tolerance` of `colour` on every channel. */
export function countNear(png: PNG, box: Box, colour: Rgb, tolerance: number): number {
  let count = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(png.height, box.y + box.height); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(png.width, box.x + box.width); x++) {
      if (near(pixelAt(png, x, y), colour, tolerance)) count++;
    }
  }
  return count;
}

/** Share of pixels in a small square around (x, y) that match `colour`: robust to a stray line crossing the sample point. */
export function shareNear(png: PNG, x: number, y: number, colour: Rgb, tolerance: number, radius = 4): number {
  const side = radius * 2 + 1;
  return countNear(png, { x: x - radius, y: y - radius, width: side, height: side }, colour, tolerance) / (side * side);
}

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/**
 * Where (lon, lat) lands on screen when a Web Mercator map fits `bounds` exactly into `box`
 * (maplibre's `bounds` option with no padding), so tests can look at known places.
 */
export function projectFitted(bounds: readonly [number, number, number, number], box: Box, lon: number, lat: number): { x: number; y: number } {
  const [w, s, e, n] = bounds;
  const x0 = mercX(w);
  const x1 = mercX(e);
  const y0 = mercY(n);
  const y1 = mercY(s);
  const scale = Math.min(box.width / (x1 - x0), box.height / (y1 - y0));
  return {
    x: box.x + box.width / 2 + (mercX(lon) - (x0 + x1) / 2) * scale,
    y: box.y + box.height / 2 + (mercY(lat) - (y0 + y1) / 2) * scale,
  };
}
