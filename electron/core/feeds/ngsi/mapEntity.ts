import type { FeedId, Incident, RoadSegmentState, Unit } from '../../../../shared/domain';
import type { Mapped } from '../result';
import { refuse } from '../result';
import type { MapOptions } from './common';
import { flattenEntity } from './flatten';
import { mapAlert } from './mapAlert';
import { mapTraffic } from './mapTraffic';
import { mapVehicle } from './mapVehicle';

export type FeedItem =
  | { feed: 'traffic'; item: RoadSegmentState }
  | { feed: 'units'; item: Unit }
  | { feed: 'incidents'; item: Incident };

export const ENTITY_TYPE_OF_FEED: Record<FeedId, string> = { traffic: 'TrafficFlowObserved', units: 'Vehicle', incidents: 'Alert' };

function tag<T, F extends FeedItem['feed']>(feed: F, mapped: Mapped<T>): Mapped<{ feed: F; item: T }> {
  return mapped.ok ? { ok: true, value: { feed, item: mapped.value } } : mapped;
}

/** Any NGSI entity → the domain item of its feed, or a reason. Never throws, whatever the input. */
export function mapEntity(raw: unknown, options: MapOptions): Mapped<FeedItem> {
  try {
    const flat = flattenEntity(raw);
    if (!flat.ok) return flat;
    switch (flat.value.type) {
      case 'TrafficFlowObserved':
        return tag('traffic', mapTraffic(flat.value, options));
      case 'Vehicle':
        return tag('units', mapVehicle(flat.value, options));
      case 'Alert':
        return tag('incidents', mapAlert(flat.value, options));
      default:
        return refuse(`${flat.value.id}: entity type ${flat.value.type} is not followed`);
    }
  } catch (error) {
    return refuse(`mapper failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
