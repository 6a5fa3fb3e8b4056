import type { StateCreator } from 'zustand';
import type { AppInfo, BasemapManifest } from '../../shared/contract';

export interface HostSlice {
  appInfo: AppInfo | null;
  basemap: BasemapManifest | null;
  hostReadyAt: number | null;
  hostError: string | null;
  setAppInfo(info: AppInfo): void;
  setBasemap(manifest: BasemapManifest): void;
  setHostReady(at: number): void;
  setHostError(message: string | null): void;
}

export const createHostSlice: StateCreator<HostSlice, [], [], HostSlice> = (set) => ({
  appInfo: null,
  basemap: null,
  hostReadyAt: null,
  hostError: null,
  setAppInfo: (appInfo) => set({ appInfo }),
  setBasemap: (basemap) => set({ basemap }),
  setHostReady: (hostReadyAt) => set({ hostReadyAt }),
  setHostError: (hostError) => set({ hostError }),
});
