import type { Layer } from '@deck.gl/core';
import type { ConsoleState } from '../store/store';
import type { IconAtlas } from './layers/iconAtlas';
import { createIncidentLayers } from './layers/incidentLayers';
import { createTrafficLayers } from './layers/trafficLayers';
import { createUnitLayers } from './layers/unitLayers';
import { staleUnitIds } from './staleUnits';

/** The live layers for a state of the window's store, bottom to top. */
export function createLiveLayers(state: ConsoleState, atlas: IconAtlas, pulse: number): Layer[] {
  const units = [...state.units.values()];
  const selected = (kind: 'unit' | 'incident') => (state.selection?.kind === kind ? state.selection.id : null);
  return [
    ...createTrafficLayers({ segments: state.segmentList, latest: state.segments, version: state.segmentsVersion, visible: state.layers.traffic }),
    ...createIncidentLayers({ incidents: [...state.incidents.values()], atlas, selectedId: selected('incident'), pulse, visible: state.layers.incidents, escalated: state.escalated }),
    ...createUnitLayers({ units, atlas, stale: staleUnitIds(units, state.health), selectedId: selected('unit'), visible: state.layers.units }),
  ];
}
