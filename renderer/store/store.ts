import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createHealthSlice } from './healthSlice';
import type { HealthSlice } from './healthSlice';
import { createHostSlice } from './hostSlice';
import type { HostSlice } from './hostSlice';
import { createLiveSlice } from './liveSlice';
import type { LiveSlice } from './liveSlice';
import { createMapSlice } from './mapSlice';
import type { MapSlice } from './mapSlice';
import { createOpsSlice } from './opsSlice';
import type { OpsSlice } from './opsSlice';
import { createSelectionSlice } from './selectionSlice';
import type { SelectionSlice } from './selectionSlice';
import { createWindowSlice } from './windowSlice';
import type { WindowSlice } from './windowSlice';

export type ConsoleState = HostSlice & MapSlice & LiveSlice & HealthSlice & SelectionSlice & WindowSlice & OpsSlice;
export type ConsoleStore = StoreApi<ConsoleState>;

/** One store per window, built from slices: the shared selection comes from the core, the window slice is this window's own. */
export function createConsoleStore(): ConsoleStore {
  return createStore<ConsoleState>()((...a) => ({
    ...createHostSlice(...a),
    ...createMapSlice(...a),
    ...createLiveSlice(...a),
    ...createHealthSlice(...a),
    ...createSelectionSlice(...a),
    ...createWindowSlice(...a),
    ...createOpsSlice(...a),
  }));
}
