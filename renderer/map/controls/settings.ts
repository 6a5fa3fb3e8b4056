import { z } from 'zod';

/** What the operator can switch on and off on the basemap itself (the live layers have their own switches). */
export const BASEMAP_TOGGLES = ['boundaries', 'landmarks', 'waterways', 'police', 'fire_station', 'hospital'] as const;
export type BasemapToggle = (typeof BASEMAP_TOGGLES)[number];
export type BasemapToggles = Record<BasemapToggle, boolean>;

export const ALL_ON: BasemapToggles = { boundaries: true, landmarks: true, waterways: true, police: true, fire_station: true, hospital: true };

export const STORAGE_KEY = 'phuket-console.basemap';

/** Saved settings are versioned JSON; a newer or damaged entry falls back to everything on. */
const on = z.boolean().catch(true).default(true);
const SavedV1 = z.object({
  v: z.literal(1),
  layers: z.object({ boundaries: on, landmarks: on, waterways: on, police: on, fire_station: on, hospital: on }),
});

export function parseSaved(text: string | null): BasemapToggles {
  if (!text) return ALL_ON;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return ALL_ON;
  }
  const saved = SavedV1.safeParse(json);
  return saved.success ? saved.data.layers : ALL_ON;
}

export function serialise(layers: BasemapToggles): string {
  return JSON.stringify({ v: 1, layers });
}

/** Storage may be unavailable (a locked-down profile): the switches still work for this session. */
export function loadToggles(storage: Pick<Storage, 'getItem'> | null): BasemapToggles {
  try {
    return parseSaved(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return ALL_ON;
  }
}

export function saveToggles(storage: Pick<Storage, 'setItem'> | null, layers: BasemapToggles): void {
  try {
    storage?.setItem(STORAGE_KEY, serialise(layers));
  } catch {
    // As above: not remembered, still applied.
  }
}
