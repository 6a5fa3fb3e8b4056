import type { StateCreator } from 'zustand';
import { z } from 'zod';
import { Agency, IncidentStatus, IncidentType, perFeed } from '../../shared/domain';
import type { FeedId } from '../../shared/domain';
import type { WindowRole, WindowSettings } from '../../shared/domain/profile';
import type { QueueFilter } from '../incidents/filters';
import { NO_FILTER } from '../incidents/filters';

/** A switch per registered feed (shared/domain/feeds/registry). */
export type LayerVisibility = Record<FeedId, boolean>;

export type Dialog = 'dispatch' | 'help' | null;

/** Who this window is, learnt from the core before React mounts. */
export interface WindowIdentityState {
  windowId: string;
  role: WindowRole;
  displayId: number | null;
}

/**
 * What belongs to this window alone: its identity, and what its operator set here (layers, queue filter, open
 * dialog, sound, panel sizes). The settings are remembered per role by the core (see boot.ts); nothing here is
 * shared with the other windows.
 */
export interface WindowSlice {
  identity: WindowIdentityState;
  layers: LayerVisibility;
  filter: QueueFilter;
  dialog: Dialog;
  soundOn: boolean;
  panelSizes: number[] | null;
  setIdentity(identity: WindowIdentityState, settings: WindowSettings): void;
  toggleLayer(layer: keyof LayerVisibility): void;
  setFilter(filter: Partial<QueueFilter>): void;
  setDialog(dialog: Dialog): void;
  toggleSound(): void;
  setPanelSizes(sizes: number[]): void;
}

// Saved values came from an earlier console: each field is checked against today's vocabulary, and a stale one is dropped.
const SavedFilter = z.object({
  type: IncidentType.nullable().catch(null),
  status: IncidentStatus.nullable().catch(null),
  district: z.string().max(20).nullable().catch(null),
  agency: Agency.nullable().catch(null),
  text: z.string().max(200).catch(''),
});

export function filterFromSettings(saved: WindowSettings['filter']): QueueFilter {
  return SavedFilter.catch(NO_FILTER).parse({ ...NO_FILTER, ...saved });
}

export const createWindowSlice: StateCreator<WindowSlice, [], [], WindowSlice> = (set) => ({
  identity: { windowId: 'local', role: 'all', displayId: null },
  layers: perFeed(() => true),
  filter: NO_FILTER,
  dialog: null,
  soundOn: false,
  panelSizes: null,
  setIdentity: (identity, settings) =>
    set((s) => ({
      identity,
      layers: { ...s.layers, ...settings.layers },
      filter: settings.filter ? filterFromSettings(settings.filter) : s.filter,
      soundOn: settings.soundOn ?? s.soundOn,
      panelSizes: settings.panelSizes ?? s.panelSizes,
    })),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  setFilter: (filter) => set((s) => ({ filter: { ...s.filter, ...filter } })),
  setDialog: (dialog) => set({ dialog }),
  toggleSound: () => set((s) => ({ soundOn: !s.soundOn })),
  setPanelSizes: (panelSizes) => set({ panelSizes }),
});
