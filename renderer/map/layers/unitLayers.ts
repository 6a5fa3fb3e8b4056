import { IconLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Unit } from '../../../shared/domain';
import { STALE_COLOR, UNIT_STATUS_COLORS } from './colors';
import type { IconAtlas } from './iconAtlas';
import { LOCAL_LOAD_OPTIONS } from './localFetch';
import type { RowRange } from './rowTable';
import { unitIconName } from './iconAtlas';

export interface UnitLayerInput {
  units: readonly Unit[];
  atlas: IconAtlas;
  /** Ids of units whose position is older than their stale time: drawn grey. */
  stale: ReadonlySet<string>;
  selectedId: string | null;
  visible: boolean;
  /** The rows that changed since the last draw (rowTable.ts): only theirs are computed again; null or absent means all. */
  changed?: readonly RowRange[] | null;
}

const rangesOf = (changed: readonly RowRange[]) => () => changed.map((r) => ({ startRow: r.startRow, endRow: r.endRow }));

/** Units: an icon per agency, rotated by heading, coloured by status, grey when stale. */
export function createUnitLayers(input: UnitLayerInput): Layer[] {
  return [
    new IconLayer<Unit>({
      id: 'units',
      data: input.units,
      visible: input.visible,
      pickable: true,
      iconAtlas: input.atlas.url,
      loadOptions: LOCAL_LOAD_OPTIONS,
      iconMapping: input.atlas.mapping,
      getIcon: (u) => unitIconName(u.agency),
      getPosition: (u) => u.position,
      getAngle: (u) => -u.headingDeg,
      getSize: (u) => (u.id === input.selectedId ? 40 : 28),
      sizeUnits: 'pixels',
      getColor: (u) => (input.stale.has(u.id) ? STALE_COLOR : UNIT_STATUS_COLORS[u.status]),
      updateTriggers: { getColor: [input.stale], getSize: [input.selectedId] },
      ...(input.changed === undefined || input.changed === null ? {} : { _dataDiff: rangesOf(input.changed) }),
    }),
  ];
}
