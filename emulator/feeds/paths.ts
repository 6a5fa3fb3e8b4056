/** Where the emulator serves its non-NGSI feeds, for `npm start` and the tests to point the console at. */
export const FEED_PATHS = {
  cap: '/cap/index.atom',
  gtfsRealtime: '/gtfs-rt/vehicle-positions.pb',
  citizenReports: '/reports/v1/reports.geojson',
} as const;

/** The emulator's polled feeds, as the console's `platform.sources` config, polled more often than a site would for a demo. */
export function emulatorSources(baseUrl: string): Record<keyof typeof FEED_PATHS, { url: string; pollS: number }> {
  return {
    cap: { url: `${baseUrl}${FEED_PATHS.cap}`, pollS: 15 },
    gtfsRealtime: { url: `${baseUrl}${FEED_PATHS.gtfsRealtime}`, pollS: 5 },
    citizenReports: { url: `${baseUrl}${FEED_PATHS.citizenReports}`, pollS: 10 },
  };
}
