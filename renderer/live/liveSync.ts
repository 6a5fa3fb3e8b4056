import type { Bridge, LiveChanges } from '../../shared/contract';
import { frameProbe } from '../map/frameProbe';
import { countLiveUpdate } from '../map/readiness';
import type { ConsoleStore } from '../store/store';

/**
 * Keeps the window's store in step with the core: subscribe first, then ask for the snapshot, and apply
 * change batches once per animation frame, however many arrived in between. The core has already put
 * versions in order (older and duplicate observations never leave it), so the window applies what it is told.
 */
export function startLiveSync(bridge: Bridge, store: ConsoleStore, schedule: (cb: () => void) => void = requestAnimationFrame): () => void {
  let queue: LiveChanges[] = [];
  let snapshotLoaded = false;
  let scheduled = false;

  const drain = () => {
    scheduled = false;
    if (!snapshotLoaded || queue.length === 0) return;
    const batches = queue;
    queue = [];
    store.getState().applyChanges(batches, Date.now());
    frameProbe.applied(batches);
    countLiveUpdate(batches.some((b) => b.units.length > 0));
  };

  const offChanges = bridge['state:changes']((changes) => {
    queue.push(changes);
    frameProbe.received(changes, Date.now());
    if (!scheduled) {
      scheduled = true;
      schedule(drain);
    }
  });
  const offHealth = bridge['feed:health-changed']((report) => store.getState().setHealth(report));

  const load = () =>
    void Promise.all([bridge['state:snapshot']({}), bridge['feed:health']({})]).then(
      ([snapshot, health]) => {
        // One ordered channel: changes that arrived before the snapshot are already in it.
        queue = [];
        store.getState().applySnapshot(snapshot, Date.now());
        store.getState().setHealth(health);
        store.getState().setHostError(null);
        snapshotLoaded = true;
        drain();
      },
      (error: unknown) => store.getState().setHostError(error instanceof Error ? error.message : String(error)),
    );
  // The host greets every new connection: after a reconnect, changes may have been missed, so start from a snapshot again.
  const offReady = bridge['host:ready'](load);
  load();
  return () => {
    offChanges();
    offHealth();
    offReady();
  };
}
