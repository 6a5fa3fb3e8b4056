import type { City } from '../city/city';
import { trafficId } from '../city/model';
import { ENTITY_TYPES, entitiesOfType, entityById } from '../ngsi/entities';
import type { Change, ChangeTracker } from './changes';

const TRAFFIC_PREFIX = 'urn:ngsi-ld:TrafficFlowObserved:';
import { fromModel } from './entity';

/**
 * The city's change marks, turned into entity changes: `collect` drains the city's set of changed ids.
 * Incidents the city retires vanish without a mark: they are found by comparing the known ones with the
 * city's maps.
 *
 * Rendering and diffing ~800 traffic segments per measurement costs more than the simulation itself, so
 * it is done only for types some subscription names; other entities are tracked by existence alone.
 */
export class CityFeed {
  private readonly engaged = new Set<string>();
  /** Types whose entities have a full attribute baseline. */
  private readonly baselined = new Set<string>();

  constructor(
    private readonly city: City,
    private readonly tracker: ChangeTracker,
  ) {
    city.graph.segments.forEach((seg) => tracker.touch(trafficId(seg.index), 'TrafficFlowObserved', true));
    for (const id of city.units.keys()) this.track(id, 'Vehicle');
    for (const id of city.incidents.keys()) this.track(id, 'Alert');
  }

  private track(id: string, type: string): void {
    this.tracker.touch(id, type, true);
    this.engaged.add(id);
  }

  private typeOf(id: string): string | null {
    if (this.city.incidents.has(id)) return 'Alert';
    if (this.city.units.has(id)) return 'Vehicle';
    return id.startsWith(TRAFFIC_PREFIX) ? 'TrafficFlowObserved' : null;
  }

  /** `interested(type)`: does any subscription name this entity type? */
  collect(interested: (type: string) => boolean): Change[] {
    const ids = this.city.drainChanged();
    const changing = new Set(ids);
    for (const type of ENTITY_TYPES) {
      if (!interested(type)) this.baselined.delete(type);
      else if (!this.baselined.has(type)) {
        // Interest just began: a full baseline of what did not change this tick, so later changes are told
        // attribute by attribute (those of this tick are compared with what was known before).
        for (const model of entitiesOfType(this.city, type)) if (!changing.has(model.id)) this.tracker.seed(fromModel(model));
        this.baselined.add(type);
      }
    }
    const changes: Change[] = [];
    const vanished = [...this.engaged].filter((id) => !this.city.incidents.has(id) && !this.city.units.has(id));
    for (const id of [...ids, ...vanished]) {
      const type = this.typeOf(id);
      const known = type ?? this.tracker.typeOf(id);
      if (type === null) this.engaged.delete(id);
      else if (type !== 'TrafficFlowObserved') this.engaged.add(id);
      if (known === null) continue;
      if (!interested(known)) {
        this.tracker.touch(id, known, type !== null);
        continue;
      }
      const model = type === null ? null : entityById(this.city, id);
      const change = this.tracker.observe(id, model === null ? null : fromModel(model));
      if (change !== null) changes.push(change);
    }
    return changes;
  }
}
