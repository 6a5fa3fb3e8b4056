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

export type ConsoleState = HostSlice & MapSlice & LiveSlice & HealthSlice & SelectionSlice & OpsSlice;
export type ConsoleStore = StoreApi<ConsoleState>;

/** One store per window, built from slices. */
export function createConsoleStore(): ConsoleStore {
  return createStore<ConsoleState>()((...a) => ({
    ...createHostSlice(...a),
    ...createMapSlice(...a),
    ...createLiveSlice(...a),
    ...createHealthSlice(...a),
    ...createSelectionSlice(...a),
    ...createOpsSlice(...a),
  }));
}
