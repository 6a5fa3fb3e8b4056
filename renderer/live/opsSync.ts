import type { Bridge } from '../../shared/contract';
import type { ConsoleStore } from '../store/store';

/** Keeps the operator's profile, the outbox and the store's condition in step with the core. */
export function startOpsSync(bridge: Bridge, store: ConsoleStore): () => void {
  const report = (error: unknown) => store.getState().setHostError(error instanceof Error ? error.message : String(error));
  const offOutbox = bridge['outbox:changed']((view) => store.getState().setOutbox(view));
  const offStatus = bridge['store:status-changed']((status) => store.getState().setStoreStatus(status));
  const load = () => {
    void bridge['operator:profile']({}).then((p) => store.getState().setProfile(p), report);
    void bridge['outbox:list']({}).then((v) => store.getState().setOutbox(v), report);
    void bridge['store:status']({}).then((s) => store.getState().setStoreStatus(s), report);
  };
  const offReady = bridge['host:ready'](load);
  load();
  return () => {
    offOutbox();
    offStatus();
    offReady();
  };
}
