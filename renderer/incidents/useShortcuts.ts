import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { mayPerform } from '../../shared/domain';
import type { Incident, OperatorProfile } from '../../shared/domain';
import { currentLanguage, setLanguage } from '../i18n';
import { useBridge, useConsoleStore } from '../store/context';
import { act } from './act';
import { mayOfferDispatch, roleOf } from './IncidentActions';
import { commandFor, isSingleCharacterKey } from './shortcuts';
import type { KeyCommand } from './shortcuts';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** A key that would act does nothing for a role that may not: a viewer's keys only move, open, search, help and switch language. */
export function keyAllowed(command: KeyCommand, role: OperatorProfile['role']): boolean {
  switch (command.kind) {
    case 'act':
    case 'confirm':
      return mayPerform(role, command.request);
    case 'dispatch':
      return mayOfferDispatch(role);
    case 'note':
      return mayPerform(role, { kind: 'note' });
    default:
      return true;
  }
}

/** The console's keys, on the whole window: the workflow never needs the mouse. */
export function useShortcuts(queue: Incident[], refs: { search: RefObject<HTMLInputElement | null>; note: RefObject<HTMLInputElement | null>; detail: RefObject<HTMLElement | null> }): void {
  const store = useConsoleStore();
  const bridge = useBridge();
  const latest = useRef(queue);
  latest.current = queue;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const state = store.getState();
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target && TYPING.has(target.tagName)) {
        if (e.key === 'Escape') target.blur();
        return;
      }
      // A modal of its own (dispatch, new incident, a confirmation, picking a place on the map) has the keys.
      if (state.dialog === 'dispatch' || state.newIncidentOpen || state.confirming !== null || state.pickingLocation) return;
      if (!state.singleKeys && isSingleCharacterKey(e.key)) return;
      if (state.dialog === 'help') {
        if (e.key === 'Escape' || e.key === '?') state.setDialog(null);
        return;
      }
      const list = latest.current;
      const selected = state.selection?.kind === 'incident' ? state.incidents.get(state.selection.id) : undefined;
      const role = roleOf(state.profile);
      const command = commandFor(e.key, selected, role);
      if (!command || !keyAllowed(command, role)) return;
      e.preventDefault();
      switch (command.kind) {
        case 'move': {
          const index = selected ? list.findIndex((i) => i.id === selected.id) : -1;
          const next = list[Math.max(0, Math.min(list.length - 1, index + command.by))];
          if (next) state.select({ kind: 'incident', id: next.id, from: 'queue' });
          return;
        }
        case 'open':
          if (selected) state.select({ kind: 'incident', id: selected.id, from: 'queue' });
          refs.detail.current?.focus();
          return;
        case 'act':
          void act(bridge, store, command.request);
          return;
        case 'confirm':
          state.setConfirming(command.request);
          return;
        case 'new-incident':
          state.setNewIncidentOpen(true);
          return;
        case 'dispatch':
          state.setDialog('dispatch');
          return;
        case 'note':
          refs.note.current?.focus();
          return;
        case 'search':
          refs.search.current?.focus();
          return;
        case 'help':
          state.setDialog('help');
          return;
        case 'language':
          void setLanguage(currentLanguage() === 'en' ? 'th' : 'en');
          return;
        case 'back':
          state.select(null);
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, bridge, refs]);
}
