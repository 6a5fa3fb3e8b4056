import type { SimReport } from './reportBook';

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A stand-in for the reporter's photo: a small SVG card naming the category and place, made here (no fetch). */
export function photoSvg(report: SimReport): string {
  let hash = 0;
  for (const ch of report.category) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200">',
    `<rect width="320" height="200" fill="hsl(${hue},45%,35%)"/>`,
    `<circle cx="260" cy="60" r="36" fill="hsl(${(hue + 40) % 360},60%,60%)" opacity="0.6"/>`,
    '<rect x="0" y="140" width="320" height="60" fill="rgba(0,0,0,0.55)"/>',
    `<text x="12" y="165" font-family="sans-serif" font-size="18" fill="#fff">${escapeXml(report.category.slice(0, 40))}</text>`,
    `<text x="12" y="188" font-family="sans-serif" font-size="12" fill="#ddd">${escapeXml(report.id)}</text>`,
    '</svg>',
  ].join('');
}
