import type { Bridge } from '../shared/contract';
import { startLiveSync } from './live/liveSync';
import { startOpsSync } from './live/opsSync';
import type { ConsoleStore } from './store/store';

/** Asks the host for what the window needs at start and keeps the store in step with host events. */
export async function boot(bridge: Bridge, store: ConsoleStore): Promise<void> {
  const state = store.getState();
  bridge['host:ready']((event) => store.getState().setHostReady(event.at));
  startLiveSync(bridge, store);
  startOpsSync(bridge, store);
  try {
    const [info, basemap] = await Promise.all([bridge['app:info']({}), bridge['map:basemap']({})]);
    state.setAppInfo(info);
    state.setBasemap(basemap);
  } catch (error) {
    state.setHostError(error instanceof Error ? error.message : String(error));
  }
}
