import { Incident, RoadSegmentState, Unit } from '../../../../shared/domain';
import { FeedId } from '../../../../shared/domain';
import type { FeedItem } from '../../../../shared/domain';
import type { z } from 'zod';
import type { Mapped } from '../result';
import { describeError } from '../../processGuards';
import { refuse } from '../result';
import type { MapOptions } from './common';
import { describeIssues, MAX_FUTURE_MS, parseTime } from './common';
import type { FlatEntity } from './flatten';
import { flattenEntity } from './flatten';
import { mapAlert } from './mapAlert';
import { mapRoadAccident } from './mapRoadAccident';
import { mapTraffic } from './mapTraffic';
import { mapVehicle } from './mapVehicle';
import { LON_LAT, positionListSchema, positionSchema } from './positions';

/**
 * A validated item of one feed (shared/domain/feeds/registry). `modifiedAt` is the broker's own last-modification time (NGSI-LD system
 * attribute, sent with sysAttrs) when it gave one: the truest order between a listing and a notification.
 */
export type { FeedItem } from '../../../../shared/domain';

/** The entity types each feed follows: incidents come as Smart Data Model Alerts and RoadAccidents. */
export const ENTITY_TYPES_OF_FEED: Partial<Record<FeedId, readonly string[]>> = { traffic: ['TrafficFlowObserved'], units: ['Vehicle'], incidents: ['Alert', 'RoadAccident'] };

const FEED_OF_TYPE = new Map<string, FeedId>(Object.entries(ENTITY_TYPES_OF_FEED).flatMap(([feed, types]) => (types ?? []).map((type): [string, FeedId] => [type, FeedId.parse(feed)])));

/** Which feed an entity type belongs to, if any. */
export const feedOfType = (type: unknown): FeedId | undefined => (typeof type === 'string' ? FEED_OF_TYPE.get(type) : undefined);

/**
 * The domain schemas as the boundary checks a mapper's output: the same rules, but positions checked in one
 * loop instead of a zod tuple each (see positions.ts; a test holds the two to the same verdicts). Built once.
 */
const TRAFFIC = RoadSegmentState.extend({ path: positionListSchema(LON_LAT, 2, 2000) });
const UNIT = Unit.extend({ position: positionSchema(LON_LAT) });
const INCIDENT = Incident.extend({ position: positionSchema(LON_LAT) });

/**
 * The mapper's output is parsed against the domain schema before it is tagged: whatever a mapper gets
 * wrong (a prototype member taken for an enum value, say) is refused here, never carried into the state.
 */
function checked<T, F extends FeedItem['feed']>(feed: F, entity: FlatEntity, schema: z.ZodType<T>, mapped: Mapped<T>, receivedAt: number): Mapped<{ feed: F; item: T; modifiedAt?: number }> {
  if (!mapped.ok) return mapped;
  const parsed = schema.safeParse(mapped.value);
  if (!parsed.success) return refuse(`${describeIssues(entity.id, parsed.error)} (after mapping)`);
  const modifiedAt = parseTime(entity.attrs['modifiedAt']);
  // A broker time from the future would freeze the entity under latest-wins: it is simply not used.
  const value = modifiedAt !== null && modifiedAt <= receivedAt + MAX_FUTURE_MS ? { feed, item: parsed.data, modifiedAt } : { feed, item: parsed.data };
  return mapped.adjusted === undefined ? { ok: true, value } : { ok: true, value, adjusted: mapped.adjusted };
}

/** Any NGSI entity → the domain item of its feed, or a reason. Never throws, whatever the input. */
export function mapEntity(raw: unknown, options: MapOptions): Mapped<FeedItem> {
  try {
    const flat = flattenEntity(raw);
    if (!flat.ok) return flat;
    const entity = flat.value;
    switch (entity.type) {
      case 'TrafficFlowObserved':
        return checked('traffic', entity, TRAFFIC, mapTraffic(entity, options), options.receivedAt);
      case 'Vehicle':
        return checked('units', entity, UNIT, mapVehicle(entity, options), options.receivedAt);
      case 'Alert':
        return checked('incidents', entity, INCIDENT, mapAlert(entity, options), options.receivedAt);
      case 'RoadAccident':
        return checked('incidents', entity, INCIDENT, mapRoadAccident(entity, options), options.receivedAt);
      default:
        return refuse(`${entity.id}: entity type ${entity.type} is not followed`);
    }
  } catch (error) {
    return refuse(`mapper failed: ${describeError(error)}`);
  }
}
