import { createCapPublisher } from '../cap/capPublisher';
import { createReportsPublisher } from '../reports/publisher';
import { createGtfsRtPublisher } from '../transit/gtfsRtPublisher';
import type { FeedPublisher, FeedPublisherContext } from './publisher';

/** Every non-NGSI feed the emulator publishes. */
export function createFeedPublishers(context: FeedPublisherContext): FeedPublisher[] {
  return [createCapPublisher(context), createGtfsRtPublisher(context), createReportsPublisher(context)];
}
