import { describe, expect, it } from 'vitest';
import { mimeType, resolveStaticPath } from './static-files';

describe('resolveStaticPath', () => {
  const root = '/srv/console';
  it('maps paths below the root and / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/console/index.html');
    expect(resolveStaticPath(root, '/basemap/roads.geojson?x=1')).toBe('/srv/console/basemap/roads.geojson');
    expect(resolveStaticPath(root, '/glyphs/Noto%20Sans%20Regular/0-255.pbf')).toBe('/srv/console/glyphs/Noto Sans Regular/0-255.pbf');
  });
  it('never leaves the root', () => {
    expect(resolveStaticPath(root, '/../package.json')).toBe('/srv/console/package.json');
    expect(resolveStaticPath(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/console/etc/passwd');
    expect(resolveStaticPath(root, '/a/%00')).toBeNull();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
  });
  it('refuses paths that cannot name a shipped file before touching the disk', () => {
    expect(resolveStaticPath(root, `/${'a'.repeat(256)}`)).toBeNull();
    expect(resolveStaticPath(root, `/${'a/'.repeat(600)}`)).toBeNull();
    expect(resolveStaticPath(root, `/${'a'.repeat(255)}`)).toBe(`/srv/console/${'a'.repeat(255)}`);
  });
  it('names types, with a safe default', () => {
    expect(mimeType('x.geojson')).toBe('application/geo+json');
    expect(mimeType('x.exe')).toBe('application/octet-stream');
  });
});
