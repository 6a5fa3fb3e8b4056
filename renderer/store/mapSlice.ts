import type { StateCreator } from 'zustand';

export type MapPhase = 'loading' | 'ready' | 'failed';

export interface MapSlice {
  mapPhase: MapPhase;
  mapError: string | null;
  setMapReady(): void;
  setMapFailed(message: string): void;
}

export const createMapSlice: StateCreator<MapSlice, [], [], MapSlice> = (set) => ({
  mapPhase: 'loading',
  mapError: null,
  setMapReady: () => set({ mapPhase: 'ready' }),
  setMapFailed: (mapError) => set({ mapPhase: 'failed', mapError }),
});
