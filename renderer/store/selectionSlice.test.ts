import { describe, expect, it } from 'vitest';
import type { Selection, SharedSelection } from '../../shared/contract';
import { createConsoleStore } from './store';
import { filterFromSettings } from './windowSlice';

const incident = (id: string): Selection => ({ kind: 'incident', id, from: 'queue' });
const shared = (seq: number, selection: Selection, by: string | null, ticket: number): SharedSelection => ({
  seq, selection, activeIncidentId: selection?.kind === 'incident' ? selection.id : null, bookmarks: [], by, ticket,
});

function wired() {
  const store = createConsoleStore();
  const sent: [Selection, number][] = [];
  store.getState().connectSelection('ws-1', (selection, ticket) => sent.push([selection, ticket]));
  return { store, sent };
}

describe('the shared selection in a window', () => {
  it('shows a choice at once and sends it to the core with a rising ticket', () => {
    const { store, sent } = wired();
    store.getState().select(incident('a'));
    store.getState().select(incident('b'));
    expect(store.getState().selection).toEqual(incident('b'));
    expect(sent).toEqual([
      [incident('a'), 1],
      [incident('b'), 2],
    ]);
  });

  it("follows another window's choice, but an echo of its own older choice does not undo a newer one", () => {
    const { store } = wired();
    store.getState().select(incident('a'));
    store.getState().select(incident('b'));
    store.getState().applyShared(shared(1, incident('a'), 'ws-1', 1));
    expect(store.getState().selection).toEqual(incident('b'));
    store.getState().applyShared(shared(2, incident('b'), 'ws-1', 2));
    store.getState().applyShared(shared(3, incident('c'), 'ws-9', 7));
    expect(store.getState().selection).toEqual(incident('c'));
    // Out of order: an older version never replaces a newer one; after a core restart a fresh state is taken whatever its number.
    store.getState().applyShared(shared(2, incident('b'), 'ws-9', 8));
    expect(store.getState().selection).toEqual(incident('c'));
    store.getState().applyShared(shared(0, null, null, 0), true);
    expect(store.getState().selection).toBeNull();
  });

  it('keeps the incident being worked on while a unit is selected', () => {
    const { store } = wired();
    store.getState().select(incident('a'));
    store.getState().select({ kind: 'unit', id: 'u1', from: 'map' });
    expect(store.getState().activeIncidentId).toBe('a');
  });
});

describe('filterFromSettings', () => {
  it('keeps saved values that are still in the vocabulary and drops the rest', () => {
    expect(filterFromSettings({ type: 'fire', status: 'gone', agency: 'ems', text: 'patong' })).toEqual({ type: 'fire', status: null, district: null, agency: 'ems', text: 'patong' });
  });
});
