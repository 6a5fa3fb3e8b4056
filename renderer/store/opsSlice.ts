import type { StateCreator } from 'zustand';
import type { CredentialHold, OutboxView, StoreStatus } from '../../shared/contract';
import type { OperatorProfile, OutboxEntry } from '../../shared/domain';

export interface OpsSlice {
  profile: OperatorProfile | null;
  outbox: OutboxEntry[];
  /** The platform refuses this console's credentials: every action waits (null when it does not). */
  credentialHold: CredentialHold | null;
  storeStatus: StoreStatus | null;
  /** The last action the core refused before queueing, shown to the operator. */
  actionError: string | null;
  setProfile(profile: OperatorProfile): void;
  setOutbox(view: OutboxView): void;
  setStoreStatus(status: StoreStatus): void;
  setActionError(message: string | null): void;
}

export const createOpsSlice: StateCreator<OpsSlice, [], [], OpsSlice> = (set) => ({
  profile: null,
  outbox: [],
  credentialHold: null,
  storeStatus: null,
  actionError: null,
  setProfile: (profile) => set({ profile }),
  setOutbox: (view) => set({ outbox: view.entries, credentialHold: view.hold ?? null }),
  setStoreStatus: (storeStatus) => set({ storeStatus }),
  setActionError: (actionError) => set({ actionError }),
});
