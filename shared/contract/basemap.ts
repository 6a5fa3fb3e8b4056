import { z } from 'zod';

/** A path below the renderer's own origin: no scheme, no host, no climbing out. */
const AssetPath = z
  .string()
  .max(200)
  .regex(/^[\w\-./ {}]+$/, 'must be a plain relative asset path')
  .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'must stay below the asset root');

export const BasemapLayerKind = z.enum(['land', 'boundaries', 'water', 'roads', 'poi']);
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
});
export type BasemapManifest = z.infer<typeof BasemapManifest>;
