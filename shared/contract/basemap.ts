import { z } from 'zod';

/** A path below the renderer's own origin: no scheme, no host, no climbing out. */
const AssetPath = z
  .string()
  .max(200)
  .regex(/^[\w\-./ {}]+$/, 'must be a plain relative asset path')
  .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'must stay below the asset root');

export const BasemapLayerKind = z.enum(['land', 'land-context', 'boundaries', 'boundary-labels', 'water', 'roads', 'poi', 'landmarks', 'airport']);
export type BasemapLayerKind = z.infer<typeof BasemapLayerKind>;

/** One offline GeoJSON source of the basemap. */
export const BasemapSource = z.object({
  kind: BasemapLayerKind,
  path: AssetPath,
});
export type BasemapSource = z.infer<typeof BasemapSource>;

/** A [west, south, east, north] box in degrees. */
export const Bounds = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .refine(([w, s, e, n]) => w < e && s < n, 'west must be less than east and south less than north');
export type Bounds = z.infer<typeof Bounds>;

/** How a site's own tiles are used: instead of the shipped land, water and roads, or drawn over them. */
export const SiteTilesMode = z.enum(['basemap', 'overlay']);
export type SiteTilesMode = z.infer<typeof SiteTilesMode>;

/** A site's own PMTiles or MBTiles file, read by the host from local disk (PHUKET_BASEMAP_TILES). */
export const SiteTiles = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    archive: z.enum(['pmtiles', 'mbtiles']),
    mode: SiteTilesMode,
    /** vector: Mapbox Vector Tiles; the raster formats are drawn as images. */
    tileType: z.enum(['vector', 'png', 'jpg', 'webp']),
    minzoom: z.number().int().min(0).max(30),
    maxzoom: z.number().int().min(0).max(30),
    bounds: Bounds.optional(),
    /** Vector layer names in the tiles (each drawn with a neutral style). */
    layers: z.array(z.string().min(1).max(100)).max(100),
    name: z.string().max(200),
    attribution: z.string().max(300).optional(),
  }),
  z.object({ ok: z.literal(false), file: z.string().max(1000), error: z.string().max(500) }),
]);
export type SiteTiles = z.infer<typeof SiteTiles>;

/** Bytes of the site's tiles: a byte range of a PMTiles archive, or one z/x/y tile of an MBTiles file (XYZ numbering). */
export const SiteTilesRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), offset: z.number().int().min(0), length: z.number().int().min(1).max(2 * 1024 * 1024) }),
  z.object({ kind: z.literal('tile'), z: z.number().int().min(0).max(30), x: z.number().int().min(0), y: z.number().int().min(0) }),
]);
export type SiteTilesRequest = z.infer<typeof SiteTilesRequest>;

/** Base64 bytes (the contract is JSON); null when the tile does not exist. */
export const SiteTilesBytes = z.object({ data: z.string().max(3 * 1024 * 1024).nullable() });
export type SiteTilesBytes = z.infer<typeof SiteTilesBytes>;

/** Everything the renderer needs to draw the offline basemap; all paths are relative to the renderer's origin. */
export const BasemapManifest = z.object({
  sources: z.array(BasemapSource).min(1).max(20),
  /** Glyph PBF template with `{fontstack}` and `{range}` placeholders. */
  glyphs: AssetPath.refine((p) => p.includes('{fontstack}') && p.includes('{range}'), 'needs {fontstack} and {range}'),
  /** A font covering Thai, used for map labels (maplibre font-faces) and panels (CSS). */
  thaiFont: AssetPath,
  /** Area the console opens on and may not pan far out of. */
  home: Bounds,
  maxBounds: Bounds,
  attribution: z.array(z.string().min(1).max(200)).min(1).max(10),
  /** The box the detailed land covers; coarse context land is hidden inside it. */
  detail: Bounds.optional(),
  /** A site's own tiles, when configured: what they are, or why they are not shown. */
  siteTiles: SiteTiles.optional(),
});
export type BasemapManifest = z.infer<typeof BasemapManifest>;
