import { z } from 'zod';

/** A name in both languages (the source may have only one: then both are the same). */
export const BilingualName = z.object({ en: z.string().min(1).max(200), th: z.string().min(1).max(200) });
export type BilingualName = z.infer<typeof BilingualName>;

/** Where a call-taker can say an incident is: a subdistrict, a bus stop (beaches, hotels, landmarks), a POI or a road. */
export const Place = z.object({
  id: z.string().min(1).max(80),
  kind: z.enum(['subdistrict', 'stop', 'poi', 'road']),
  name: BilingualName,
  lon: z.number().finite(),
  lat: z.number().finite(),
  /** The amphoe (district) and tambon (subdistrict) it lies in, or the nearest for a point just offshore. */
  district: BilingualName,
  subdistrict: BilingualName,
});
export type Place = z.infer<typeof Place>;

/** assets/places/places.json, derived by scripts/derive-places.ts. */
export const PlacesFile = z.object({ version: z.literal(1), places: z.array(Place).max(5000) });
export type PlacesFile = z.infer<typeof PlacesFile>;
