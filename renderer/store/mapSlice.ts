import type { StateCreator } from 'zustand';
import { loadToggles, saveToggles } from '../map/controls/settings';
import type { BasemapToggle, BasemapToggles } from '../map/controls/settings';

export type MapPhase = 'loading' | 'ready' | 'failed';

export interface MapSlice {
  mapPhase: MapPhase;
  mapError: string | null;
  /** Basemap switches (boundaries, landmarks, waterways, station classes), remembered across starts. */
  basemapLayers: BasemapToggles;
  /** A site-tiles problem the operator should know about (the shipped basemap is shown instead). */
  siteTilesNotice: string | null;
  setMapReady(): void;
  setMapFailed(message: string): void;
  toggleBasemapLayer(layer: BasemapToggle): void;
  setSiteTilesNotice(notice: string | null): void;
}

export const selectBasemapLayers = (s: MapSlice) => s.basemapLayers;
export const selectSiteTilesNotice = (s: MapSlice) => s.siteTilesNotice;

const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

export const createMapSlice: StateCreator<MapSlice, [], [], MapSlice> = (set, get) => ({
  mapPhase: 'loading',
  mapError: null,
  basemapLayers: loadToggles(storage()),
  siteTilesNotice: null,
  setMapReady: () => set({ mapPhase: 'ready' }),
  setMapFailed: (mapError) => set({ mapPhase: 'failed', mapError }),
  toggleBasemapLayer: (layer) => {
    const basemapLayers = { ...get().basemapLayers, [layer]: !get().basemapLayers[layer] };
    saveToggles(storage(), basemapLayers);
    set({ basemapLayers });
  },
  setSiteTilesNotice: (siteTilesNotice) => set({ siteTilesNotice }),
});
