import type { StateCreator } from 'zustand';
import type { QueueFilter } from '../incidents/filters';
import { NO_FILTER } from '../incidents/filters';

/** What is selected, and where it was selected from (the other view follows: the map centres, the queue scrolls). */
export type Selection = { kind: 'incident' | 'unit'; id: string; from: 'map' | 'queue' } | null;

export interface LayerVisibility {
  traffic: boolean;
  units: boolean;
  incidents: boolean;
}

export type Dialog = 'dispatch' | 'help' | null;

export interface SelectionSlice {
  selection: Selection;
  layers: LayerVisibility;
  filter: QueueFilter;
  dialog: Dialog;
  soundOn: boolean;
  select(selection: Selection): void;
  toggleLayer(layer: keyof LayerVisibility): void;
  setFilter(filter: Partial<QueueFilter>): void;
  setDialog(dialog: Dialog): void;
  toggleSound(): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set) => ({
  selection: null,
  layers: { traffic: true, units: true, incidents: true },
  filter: NO_FILTER,
  dialog: null,
  soundOn: false,
  select: (selection) => set({ selection }),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
  setFilter: (filter) => set((s) => ({ filter: { ...s.filter, ...filter } })),
  setDialog: (dialog) => set({ dialog }),
  toggleSound: () => set((s) => ({ soundOn: !s.soundOn })),
});
