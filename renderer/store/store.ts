import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createHostSlice } from './hostSlice';
import type { HostSlice } from './hostSlice';
import { createMapSlice } from './mapSlice';
import type { MapSlice } from './mapSlice';

export type ConsoleState = HostSlice & MapSlice;
export type ConsoleStore = StoreApi<ConsoleState>;

/** One store per window, built from slices. */
export function createConsoleStore(): ConsoleStore {
  return createStore<ConsoleState>()((...a) => ({ ...createHostSlice(...a), ...createMapSlice(...a) }));
}
