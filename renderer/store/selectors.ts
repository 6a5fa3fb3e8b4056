import type { ConsoleState } from './store';

export const selectAppInfo = (s: ConsoleState) => s.appInfo;
export const selectBasemap = (s: ConsoleState) => s.basemap;
export const selectHostError = (s: ConsoleState) => s.hostError;
export const selectHostReadyAt = (s: ConsoleState) => s.hostReadyAt;
export const selectMapPhase = (s: ConsoleState) => s.mapPhase;
export const selectMapError = (s: ConsoleState) => s.mapError;
