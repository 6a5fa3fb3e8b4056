/** The dark control-room basemap palette. Kept muted so live layers (traffic, units, incidents) stand out over it. */
export const basemapPalette = {
  sea: '#0a1824',
  land: '#1c2530',
  coast: '#34465a',
  district: '#5b6b80',
  districtLabel: '#9aa9bd',
  water: '#2b77a8',
  primary: '#e2a336',
  secondary: '#8d99aa',
  casing: '#0b1118',
  roadLabel: '#d5dce5',
  poiLabel: '#e8edf3',
  halo: '#0b1118',
} as const;
