import type { Layer } from '@deck.gl/core';
import type { Bus, CitizenReport, Incident, Unit, Warning } from '../../shared/domain';
import { currentLanguage } from '../i18n';
import type { ConsoleState } from '../store/store';
import type { BusLinesFile } from './layers/busLayers';
import { createBusLayers, createBusRouteLayers } from './layers/busLayers';
import type { IconAtlas } from './layers/iconAtlas';
import { createIncidentLayers } from './layers/incidentLayers';
import { createReportLayers } from './layers/reportLayers';
import { createTrafficLayers } from './layers/trafficLayers';
import { createUnitLayers } from './layers/unitLayers';
import { rowTableFollower } from './layers/rowTable';
import { createWarningLayers } from './layers/warningLayers';
import { staleUnitIds } from './staleUnits';
import { memoTwo, valuesMemo } from './stableValues';

// One array per feed, the same object until the feed's map is replaced: deck.gl then skips the attribute work.
// Units move every batch: their rows keep their order, so only the moved ones are written again.
const unitRows = rowTableFollower<Unit>();
const incidents = valuesMemo<Incident>();
const warnings = valuesMemo<Warning>();
const buses = valuesMemo<Bus>();
const reports = valuesMemo<CitizenReport>();
const staleUnits = memoTwo(staleUnitIds);
// Warning shapes (circles made polygons, dashed outlines) are built once per change of warnings, switch, language or clock tick.
let warningLayers: { key: readonly unknown[]; layers: Layer[] } | null = null;
function warningLayersFor(list: readonly Warning[], visible: boolean, now: number): Layer[] {
  const key = [list, visible, currentLanguage(), now];
  if (warningLayers === null || key.some((k, i) => k !== warningLayers?.key[i])) {
    warningLayers = { key, layers: createWarningLayers({ warnings: list, visible, language: currentLanguage(), now, selectedId: null }) };
  }
  return warningLayers.layers;
}

export interface LiveLayerExtras {
  /** The Smart Bus lines, once loaded (drawn faintly under the buses). */
  readonly busLines: BusLinesFile | null;
  /** The console's clock, for stale buses and expired warnings; coarse (a tick every few seconds), so layers are not rebuilt per frame. */
  readonly now: number;
}

/** The live layers for a state of the window's store, bottom to top. */
export function createLiveLayers(state: ConsoleState, atlas: IconAtlas, pulse: number, extras: LiveLayerExtras = { busLines: null, now: Date.now() }): Layer[] {
  const unitTable = unitRows(state.units);
  const unitList = unitTable.rows;
  const selected = (kind: 'unit' | 'incident') => (state.selection?.kind === kind ? state.selection.id : null);
  return [
    ...warningLayersFor(warnings(state.warnings), state.layers.warnings, extras.now),
    ...createTrafficLayers({ segments: state.segmentList, latest: state.segments, version: state.segmentsVersion, visible: state.layers.traffic }),
    ...(extras.busLines ? createBusRouteLayers(extras.busLines, state.layers.buses) : []),
    ...createReportLayers({ reports: reports(state.reports), visible: state.layers.reports, selectedId: state.selectedReportId }),
    ...createBusLayers({ buses: buses(state.buses), visible: state.layers.buses, now: extras.now, selectedId: null }),
    ...createIncidentLayers({ incidents: incidents(state.incidents), atlas, selectedId: selected('incident'), pulse, visible: state.layers.incidents, escalated: state.escalated }),
    ...createUnitLayers({ units: unitList, atlas, stale: staleUnits(unitList, state.health), selectedId: selected('unit'), visible: state.layers.units }),
  ];
}
