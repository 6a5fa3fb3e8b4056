import { Incident, RoadSegmentState, Unit } from '../../../../shared/domain';
import type { FeedId } from '../../../../shared/domain';
import type { z } from 'zod';
import type { Mapped } from '../result';
import { describeError } from '../../processGuards';
import { refuse } from '../result';
import type { MapOptions } from './common';
import { describeIssues } from './common';
import type { FlatEntity } from './flatten';
import { flattenEntity } from './flatten';
import { mapAlert } from './mapAlert';
import { mapTraffic } from './mapTraffic';
import { mapVehicle } from './mapVehicle';

export type FeedItem =
  | { feed: 'traffic'; item: RoadSegmentState }
  | { feed: 'units'; item: Unit }
  | { feed: 'incidents'; item: Incident };

export const ENTITY_TYPE_OF_FEED: Record<FeedId, string> = { traffic: 'TrafficFlowObserved', units: 'Vehicle', incidents: 'Alert' };

/**
 * The mapper's output is parsed against the domain schema before it is tagged: whatever a mapper gets
 * wrong (a prototype member taken for an enum value, say) is refused here, never carried into the state.
 */
function checked<T, F extends FeedItem['feed']>(feed: F, entity: FlatEntity, schema: z.ZodType<T>, mapped: Mapped<T>): Mapped<{ feed: F; item: T }> {
  if (!mapped.ok) return mapped;
  const parsed = schema.safeParse(mapped.value);
  if (!parsed.success) return refuse(`${describeIssues(entity.id, parsed.error)} (after mapping)`);
  const value = { feed, item: parsed.data };
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
        return checked('traffic', entity, RoadSegmentState, mapTraffic(entity, options));
      case 'Vehicle':
        return checked('units', entity, Unit, mapVehicle(entity, options));
      case 'Alert':
        return checked('incidents', entity, Incident, mapAlert(entity, options));
      default:
        return refuse(`${entity.id}: entity type ${entity.type} is not followed`);
    }
  } catch (error) {
    return refuse(`mapper failed: ${describeError(error)}`);
  }
}
