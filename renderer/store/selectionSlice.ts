import type { StateCreator } from 'zustand';

export type Selection = { kind: 'incident' | 'unit'; id: string } | null;

export interface LayerVisibility {
  traffic: boolean;
  units: boolean;
  incidents: boolean;
}

export interface SelectionSlice {
  selection: Selection;
  layers: LayerVisibility;
  select(selection: Selection): void;
  toggleLayer(layer: keyof LayerVisibility): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set) => ({
  selection: null,
  layers: { traffic: true, units: true, incidents: true },
  select: (selection) => set({ selection }),
  toggleLayer: (layer) => set((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } })),
});
