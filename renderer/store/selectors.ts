import type { ConsoleState } from './store';

export const selectAppInfo = (s: ConsoleState) => s.appInfo;
export const selectBasemap = (s: ConsoleState) => s.basemap;
export const selectHostError = (s: ConsoleState) => s.hostError;
export const selectHostReadyAt = (s: ConsoleState) => s.hostReadyAt;
export const selectMapPhase = (s: ConsoleState) => s.mapPhase;
export const selectMapError = (s: ConsoleState) => s.mapError;
export const selectSegmentList = (s: ConsoleState) => s.segmentList;
export const selectSegments = (s: ConsoleState) => s.segments;
export const selectSegmentsVersion = (s: ConsoleState) => s.segmentsVersion;
export const selectUnits = (s: ConsoleState) => s.units;
export const selectIncidents = (s: ConsoleState) => s.incidents;
export const selectHealth = (s: ConsoleState) => s.health;
export const selectSelection = (s: ConsoleState) => s.selection;
export const selectLayers = (s: ConsoleState) => s.layers;
export const selectLastDataAt = (s: ConsoleState) => s.lastDataAt;
