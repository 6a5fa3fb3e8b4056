import { COORDINATE_SYSTEM } from '@deck.gl/core';
import type { GetPickingInfoParams, Layer, PickingInfo } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import type { BinaryAttribute } from '@deck.gl/core';
import type { Unit } from '../../../shared/domain';
import type { IconAtlas } from './iconAtlas';
import { LOCAL_LOAD_OPTIONS } from './localFetch';
import type { UnitColumns, UnitColumnsChanged } from './unitAttributes';
import { createUnitColumns, ICON_DEF_SIZE, updateUnitColumns } from './unitAttributes';

export interface UnitLayerInput {
  /** The units in a stable row order (rowTable.ts), so that a batch rewrites only the rows that moved. */
  units: readonly Unit[];
  atlas: IconAtlas;
  /** Ids of units whose position is older than their stale time: drawn grey. */
  stale: ReadonlySet<string>;
  selectedId: string | null;
  visible: boolean;
}

/** An IconLayer fed typed arrays, whose picked object is still the unit (tooltip.ts, selection). */
class UnitIconLayer extends IconLayer<Unit, { units: readonly Unit[] }> {
  static override layerName = 'UnitIconLayer';

  override getPickingInfo(params: GetPickingInfoParams): PickingInfo {
    const info = super.getPickingInfo(params);
    return info.index >= 0 ? { ...info, object: this.props.units[info.index] } : info;
  }
}

type Attributes = Record<'getPosition' | 'getAngle' | 'getSize' | 'getColor' | 'instanceIconDefs', BinaryAttribute>;
type UnitData = { length: number; attributes: Partial<Attributes> };

/** One window draws one unit layer: its columns live here, from draw to draw. */
let columns: UnitColumns | null = null;
let data: UnitData = { length: 0, attributes: {} };

function attributesOf(table: UnitColumns, changed: UnitColumnsChanged, previous: Partial<Attributes>): Partial<Attributes> {
  // A new wrapper is how deck.gl learns that an array was rewritten; an unchanged wrapper is not uploaded again.
  const pick = (key: keyof Attributes, dirty: boolean, fresh: () => BinaryAttribute) => (dirty ? fresh() : (previous[key] ?? fresh()));
  return {
    getPosition: pick('getPosition', changed.positions, () => ({ value: table.positions, size: 3 })),
    getAngle: pick('getAngle', changed.angles, () => ({ value: table.angles, size: 1 })),
    getSize: pick('getSize', changed.sizes, () => ({ value: table.sizes, size: 1 })),
    getColor: pick('getColor', changed.colors, () => ({ value: table.colors, size: 4 })),
    instanceIconDefs: pick('instanceIconDefs', changed.icons, () => ({ value: table.icons, size: ICON_DEF_SIZE })),
  };
}

function dataFor(input: UnitLayerInput): UnitData {
  const first = input.units[0];
  // The origin is fixed once: positions are offsets from it, and moving it would mean rewriting every row.
  if (columns === null && first !== undefined) columns = createUnitColumns(first.position);
  if (columns === null) return data;
  const changed = updateUnitColumns(columns, input.units, { stale: input.stale, selectedId: input.selectedId, mapping: input.atlas.mapping });
  if (!Object.values(changed).some(Boolean)) return data;
  data = { length: columns.length, attributes: attributesOf(columns, changed, data.attributes) };
  return data;
}

const lengthOf = (value: unknown): number => (typeof value === 'object' && value !== null && 'length' in value && typeof value.length === 'number' ? value.length : -1);

/** No row needs an accessor again (rows are rewritten in place); only a change in their number redoes the picking colours. */
const dataDiff = (next: unknown, previous: unknown) => (lengthOf(next) === lengthOf(previous) ? [] : [{ startRow: 0 }]);

/**
 * Units: an icon per agency, rotated by heading, coloured by status, grey when stale, bigger when selected.
 * Drawn from typed arrays kept from draw to draw (unitAttributes.ts), so a batch costs the rows it moved.
 */
export function createUnitLayers(input: UnitLayerInput): Layer[] {
  const layerData = dataFor(input);
  return [
    new UnitIconLayer({
      id: 'units',
      data: layerData,
      units: columns?.rows ?? [],
      visible: input.visible,
      pickable: true,
      iconAtlas: input.atlas.url,
      loadOptions: LOCAL_LOAD_OPTIONS,
      iconMapping: input.atlas.mapping,
      coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
      coordinateOrigin: [columns?.origin[0] ?? 0, columns?.origin[1] ?? 0, 0],
      sizeUnits: 'pixels',
      _dataDiff: dataDiff,
    }),
  ];
}
