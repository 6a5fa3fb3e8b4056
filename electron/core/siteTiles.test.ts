import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { createBasemap } from './basemap';
import { openSiteTiles } from './siteTiles';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'tiles');

describe('a site’s own tiles, read from local disk', () => {
  it('opens the PMTiles fixture and serves byte ranges a PMTiles reader decodes to Phuket’s land and roads', async () => {
    const reader = await openSiteTiles(join(FIXTURES, 'phuket.pmtiles'), 'overlay');
    expect(reader.info).toMatchObject({ ok: true, archive: 'pmtiles', mode: 'overlay', tileType: 'vector', minzoom: 9, maxzoom: 11, layers: ['land', 'roads'] });
    const archive = new PMTiles({
      getKey: () => 'fixture',
      getBytes: async (offset, length) => {
        const { data } = await reader.read({ kind: 'range', offset, length });
        return { data: new Uint8Array(Buffer.from(data ?? '', 'base64')).buffer };
      },
    });
    // Phuket Town at zoom 11.
    const tile = await archive.getZxy(11, 1583, 978);
    if (!tile) throw new Error('no tile over Phuket Town');
    // A Mapbox Vector Tile: a protobuf whose first field is a layer (tag 3, length-delimited), named land or roads.
    const bytes = Buffer.from(tile.data);
    expect(bytes[0]).toBe(0x1a);
    expect(bytes.includes('roads')).toBe(true);
    expect(bytes.length).toBeGreaterThan(1000);
    await reader.close();
    // The MBTiles fixture holds the very same tile (gzipped, TMS rows): both archives are read to the same bytes.
    const mb = await openSiteTiles(join(FIXTURES, 'phuket.mbtiles'), 'basemap');
    expect(Buffer.from((await mb.read({ kind: 'tile', z: 11, x: 1583, y: 978 })).data ?? '', 'base64').equals(bytes)).toBe(true);
    await mb.close();
  });

  it('opens the MBTiles fixture and serves un-gzipped XYZ tiles', async () => {
    const reader = await openSiteTiles(join(FIXTURES, 'phuket.mbtiles'), 'basemap');
    expect(reader.info).toMatchObject({ ok: true, archive: 'mbtiles', tileType: 'vector', layers: ['land', 'roads'] });
    const { data } = await reader.read({ kind: 'tile', z: 11, x: 1583, y: 978 });
    expect(Buffer.from(data ?? '', 'base64')[0]).toBe(0x1a);
    await expect(reader.read({ kind: 'range', offset: 0, length: 10 })).rejects.toThrow(/read by tile/);
    expect(await reader.read({ kind: 'tile', z: 11, x: 0, y: 0 })).toEqual({ data: null });
    await reader.close();
  });

  it('keeps the shipped basemap and says why when the file is missing, unreadable or the mode is wrong', async () => {
    const missing = await createBasemap({ PHUKET_BASEMAP_TILES: '/nowhere/site.pmtiles' }).manifest();
    expect(missing.siteTiles).toMatchObject({ ok: false, file: '/nowhere/site.pmtiles', error: expect.stringContaining('ENOENT') });
    expect(missing.sources.map((s) => s.kind)).toContain('roads');
    const junk = join(mkdtempSync(join(tmpdir(), 'tiles-')), 'junk.pmtiles');
    writeFileSync(junk, 'not tiles at all, just text');
    expect((await createBasemap({ PHUKET_BASEMAP_TILES: junk }).manifest()).siteTiles).toMatchObject({ ok: false, error: 'not a PMTiles v3 or MBTiles file' });
    const badMode = await createBasemap({ PHUKET_BASEMAP_TILES: join(FIXTURES, 'phuket.pmtiles'), PHUKET_BASEMAP_TILES_MODE: 'under' }).manifest();
    expect(badMode.siteTiles).toMatchObject({ ok: false, error: expect.stringContaining('basemap or overlay') });
    expect((await createBasemap({}).manifest()).siteTiles).toBeUndefined();
  });
});
