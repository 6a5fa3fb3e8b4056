import type { PlatformConfig } from '../config';
import { createGtfsRtSource } from './gtfsrt/gtfsRtSource';
import { ngsiSourceFromConfig } from './ngsi/fromConfig';
import type { FeedSource } from './source';

/**
 * Every source a configured platform names: the NGSI-LD broker, and beside it each polled feed in its own
 * standard (GTFS-realtime buses, CAP warnings, citizen reports). Each keeps its own link in feed health.
 */
export function sourcesFromConfig(config: PlatformConfig, workstation: string): FeedSource[] {
  const { gtfsRealtime } = config.sources;
  return [ngsiSourceFromConfig(config, workstation), ...(gtfsRealtime ? [createGtfsRtSource({ name: 'Smart Bus (GTFS-realtime)', url: gtfsRealtime.url, pollMs: gtfsRealtime.pollS * 1000 })] : [])];
}
