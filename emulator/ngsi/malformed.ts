import type { Attr, EntityModel, Geometry } from './entityModel';
import { prop } from './entityModel';

const HUGE = 'X'.repeat(200_000);

const UNKNOWN_ENUM: Record<string, [string, unknown]> = {
  Alert: ['status', 'exploded'],
  Vehicle: ['unitStatus', 'teleporting'],
  TrafficFlowObserved: ['averageVehicleSpeed', -42],
};

function mapGeometry(e: EntityModel, f: (p: [number, number]) => [number, number]): EntityModel {
  const loc = e.attrs['location'];
  if (loc?.kind !== 'GeoProperty') return e;
  const g: Geometry = loc.value.type === 'Point' ? { type: 'Point', coordinates: f(loc.value.coordinates) } : { type: 'LineString', coordinates: loc.value.coordinates.map(f) };
  const location: Attr = { ...loc, value: g };
  return { ...e, attrs: { ...e.attrs, location } };
}

/** The four kinds of rubbish a real platform has been seen to emit; `kind` picks one. */
export function corrupt(e: EntityModel, kind: number): EntityModel {
  switch (kind % 4) {
    case 0:
      return mapGeometry(e, () => [999, -999]);
    case 1:
      return mapGeometry(e, ([lon, lat]) => [lat, lon]);
    case 2: {
      const [name, value] = UNKNOWN_ENUM[e.type] ?? ['status', 'exploded'];
      return { ...e, attrs: { ...e.attrs, [name]: prop(value) } };
    }
    default:
      return { ...e, attrs: { ...e.attrs, description: prop(HUGE) } };
  }
}

/** Replaces one entity in four with a corrupted copy (same id), cycling through the kinds across calls. */
export class Corrupter {
  private seen = 0;
  private kind = 0;

  apply(entities: readonly EntityModel[]): EntityModel[] {
    return entities.map((e) => (this.seen++ % 4 === 0 ? corrupt(e, this.kind++) : e));
  }
}
