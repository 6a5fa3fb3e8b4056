import type { StateCreator } from 'zustand';
import type { ActionRequest, CredentialHold, EscalationPolicy, OutboxView, StoreStatus } from '../../shared/contract';
import type { CitizenReport, LonLat, OperatorProfile, OutboxEntry } from '../../shared/domain';

const SINGLE_KEYS = 'phuket.singleKeys';

/** Single-key shortcuts can be turned off (WCAG 2.1.4); remembered on this workstation. */
function storedSingleKeys(): boolean {
  try {
    return globalThis.localStorage?.getItem(SINGLE_KEYS) !== 'off';
  } catch {
    return true;
  }
}

export interface OpsSlice {
  profile: OperatorProfile | null;
  outbox: OutboxEntry[];
  /** The platform refuses this console's credentials: every action waits (null when it does not). */
  credentialHold: CredentialHold | null;
  storeStatus: StoreStatus | null;
  /** The last action the core refused before queueing, shown to the operator. */
  actionError: string | null;
  /** The call-taker's dialog is open. */
  newIncidentOpen: boolean;
  /** The citizen report the open dialog promotes to an incident, if it does. */
  promotingReport: CitizenReport | null;
  /** The citizen report picked in this window's list or on its map (a window's own choice, not shared). */
  selectedReportId: string | null;
  /** The call-taker is choosing the location with a click on the map; the click lands in `pickedLocation`. */
  pickingLocation: boolean;
  pickedLocation: LonLat | null;
  /** An action that waits for the operator to confirm it (closing, resolving). */
  confirming: ActionRequest | null;
  /** Unacknowledged incidents past their severity's time: the queue row and the map marker show it. */
  escalated: ReadonlySet<string>;
  escalationPolicy: EscalationPolicy | null;
  singleKeys: boolean;
  setProfile(profile: OperatorProfile): void;
  setOutbox(view: OutboxView): void;
  setStoreStatus(status: StoreStatus): void;
  setActionError(message: string | null): void;
  setNewIncidentOpen(open: boolean): void;
  /** Opens the call-taker's dialog filled from a citizen report; creating links the two. */
  promoteReport(report: CitizenReport): void;
  selectReport(id: string | null): void;
  setPickingLocation(picking: boolean): void;
  /** A click on the map while picking: ends the picking. */
  pickLocation(at: LonLat): void;
  setConfirming(request: ActionRequest | null): void;
  setEscalated(ids: ReadonlySet<string>): void;
  setEscalationPolicy(policy: EscalationPolicy): void;
  setSingleKeys(on: boolean): void;
}

export const createOpsSlice: StateCreator<OpsSlice, [], [], OpsSlice> = (set) => ({
  profile: null,
  outbox: [],
  credentialHold: null,
  storeStatus: null,
  actionError: null,
  newIncidentOpen: false,
  promotingReport: null,
  selectedReportId: null,
  pickingLocation: false,
  pickedLocation: null,
  confirming: null,
  escalated: new Set(),
  escalationPolicy: null,
  singleKeys: storedSingleKeys(),
  setProfile: (profile) => set({ profile }),
  setOutbox: (view) => set({ outbox: view.entries, credentialHold: view.hold ?? null }),
  setStoreStatus: (storeStatus) => set({ storeStatus }),
  setActionError: (actionError) => set({ actionError }),
  setNewIncidentOpen: (newIncidentOpen) => set(newIncidentOpen ? { newIncidentOpen, pickedLocation: null } : { newIncidentOpen, pickingLocation: false, promotingReport: null }),
  promoteReport: (report) => set({ newIncidentOpen: true, pickedLocation: null, promotingReport: report }),
  selectReport: (selectedReportId) => set({ selectedReportId }),
  setPickingLocation: (pickingLocation) => set({ pickingLocation }),
  pickLocation: (pickedLocation) => set({ pickedLocation, pickingLocation: false }),
  setConfirming: (confirming) => set({ confirming }),
  setEscalated: (escalated) => set({ escalated }),
  setEscalationPolicy: (escalationPolicy) => set({ escalationPolicy }),
  setSingleKeys: (singleKeys) => {
    try {
      globalThis.localStorage?.setItem(SINGLE_KEYS, singleKeys ? 'on' : 'off');
    } catch {
      // A browser without storage still honours the choice for this session.
    }
    set({ singleKeys });
  },
});
