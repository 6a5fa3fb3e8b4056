import type { StateCreator } from 'zustand';
import type { Bookmark, Selection, SharedSelection } from '../../shared/contract';

export type { Selection } from '../../shared/contract';
export type { Dialog, LayerVisibility } from './windowSlice';

/** How a window's choice reaches the core; set at boot, before anything can be selected. */
export type SelectionSink = (selection: Selection, ticket: number) => void;

/**
 * The selection shared by every window of the console. The core owns it: a window's choice is shown at once
 * here and sent to the core, which broadcasts it to every window (this one too). An echo of an older choice of
 * this same window, overtaken by a newer one still on its way, is not allowed to undo it.
 */
export interface SelectionSlice {
  selection: Selection;
  activeIncidentId: string | null;
  bookmarks: Bookmark[];
  sharedSeq: number;
  /** The ticket of this window's latest choice. */
  selectTicket: number;
  selfWindowId: string | null;
  selectionSink: SelectionSink | null;
  select(selection: Selection): void;
  /** `fresh` takes the core's state whatever its sequence number (after the core restarted, it counts again from 0). */
  applyShared(shared: SharedSelection, fresh?: boolean): void;
  connectSelection(selfWindowId: string, sink: SelectionSink): void;
}

export const createSelectionSlice: StateCreator<SelectionSlice, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  activeIncidentId: null,
  bookmarks: [],
  sharedSeq: 0,
  selectTicket: 0,
  selfWindowId: null,
  selectionSink: null,
  select: (selection) => {
    const ticket = get().selectTicket + 1;
    set((s) => ({ selection, selectTicket: ticket, activeIncidentId: selection?.kind === 'incident' ? selection.id : s.activeIncidentId }));
    get().selectionSink?.(selection, ticket);
  },
  applyShared: (shared, fresh = false) => {
    const s = get();
    if (!fresh && shared.seq <= s.sharedSeq) return;
    const overtaken = !fresh && shared.by !== null && shared.by === s.selfWindowId && shared.ticket < s.selectTicket;
    set(overtaken ? { sharedSeq: shared.seq, bookmarks: shared.bookmarks } : { sharedSeq: shared.seq, selection: shared.selection, activeIncidentId: shared.activeIncidentId, bookmarks: shared.bookmarks });
  },
  connectSelection: (selfWindowId, selectionSink) => set({ selfWindowId, selectionSink }),
});
