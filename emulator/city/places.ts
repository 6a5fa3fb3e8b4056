import type { LonLat } from './geo';

/** Hand-placed Phuket geography the basemap does not carry. Coordinates are approximate, [lon, lat]. */
export interface Place {
  readonly name: string;
  readonly at: LonLat;
}

export const DISTRICTS: readonly Place[] = [
  { name: 'Patong', at: [98.3, 7.896] },
  { name: 'Karon', at: [98.299, 7.846] },
  { name: 'Kata', at: [98.303, 7.82] },
  { name: 'Rawai', at: [98.325, 7.78] },
  { name: 'Nai Harn', at: [98.306, 7.776] },
  { name: 'Chalong', at: [98.34, 7.84] },
  { name: 'Phuket Town', at: [98.388, 7.885] },
  { name: 'Kathu', at: [98.333, 7.912] },
  { name: 'Kamala', at: [98.285, 7.95] },
  { name: 'Cherng Talay', at: [98.3, 7.99] },
  { name: 'Thalang', at: [98.34, 8.03] },
  { name: 'Mai Khao', at: [98.305, 8.11] },
  { name: 'Ko Kaeo', at: [98.38, 7.94] },
];

/** West-coast swimming beaches, on the sand; drownings happen here by day. */
export const BEACHES: readonly Place[] = [
  { name: 'Patong Beach', at: [98.2938, 7.896] },
  { name: 'Karon Beach', at: [98.2935, 7.846] },
  { name: 'Kata Beach', at: [98.2975, 7.82] },
  { name: 'Kamala Beach', at: [98.2795, 7.952] },
  { name: 'Surin Beach', at: [98.2765, 7.975] },
  { name: 'Nai Harn Beach', at: [98.3035, 7.777] },
];

export const NIGHTLIFE: readonly Place[] = [
  { name: 'Bangla Road, Patong', at: [98.2975, 7.8935] },
  { name: 'Soi Ta-iad, Chalong', at: [98.338, 7.835] },
  { name: 'Phuket Old Town', at: [98.388, 7.884] },
];

/** Low-lying areas that flood in monsoon downpours. */
export const FLOOD_PRONE: readonly Place[] = [
  { name: 'Phuket Town', at: [98.39, 7.88] },
  { name: 'Kathu', at: [98.33, 7.91] },
  { name: 'Chalong', at: [98.34, 7.84] },
  { name: 'Patong', at: [98.302, 7.9] },
];

export const PIERS: readonly Place[] = [
  { name: 'Chalong Pier', at: [98.3467, 7.8208] },
  { name: 'Rassada Pier', at: [98.4038, 7.8565] },
  { name: 'Patong Beach Rescue Post', at: [98.2938, 7.896] },
  { name: 'Bang Rong Pier', at: [98.4136, 8.046] },
];

export const PATONG: LonLat = [98.296, 7.896];
export const AIRPORT: LonLat = [98.31, 8.11];
export const HILLS: readonly LonLat[] = [
  [98.31, 7.9], // Patong hill
  [98.3, 7.81], // Kata hill
];

export function nearestPlace(p: LonLat, places: readonly Place[], distance: (a: LonLat, b: LonLat) => number): Place {
  let best = places[0];
  if (best === undefined) throw new Error('no places');
  for (const place of places) if (distance(p, place.at) < distance(p, best.at)) best = place;
  return best;
}
