import { createGtfsRtPublisher } from '../transit/gtfsRtPublisher';
import type { FeedPublisher, FeedPublisherContext } from './publisher';

/** Every non-NGSI feed the emulator publishes. */
export function createFeedPublishers(context: FeedPublisherContext): FeedPublisher[] {
  return [createGtfsRtPublisher(context)];
}
