import { coded } from '../../../shared/contract';
import type { FeedSource } from './source';

/** Stands in when no platform is configured, so the console still starts and says exactly why it has no data. */
export function createUnconfiguredSource(): FeedSource {
  return {
    name: 'none',
    feeds: ['traffic', 'units', 'incidents'],
    capabilities: { snapshot: false, live: false, actions: false },
    start(sink) {
      sink.link('closed', 'no platform configured: set PHUKET_PLATFORM_URL or PHUKET_PLATFORM_CONFIG', coded('no-platform'));
    },
    stop: async () => undefined,
  };
}
