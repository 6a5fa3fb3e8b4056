import type { Bridge } from '../shared/contract';
import { WindowRole } from '../shared/domain/profile';
import type { WindowSettings } from '../shared/domain/profile';
import i18next from 'i18next';
import { currentLanguage, setLanguage } from './i18n';
import { startLiveSync } from './live/liveSync';
import { startOpsSync } from './live/opsSync';
import type { ConsoleState, ConsoleStore } from './store/store';

/** How long a window waits to learn who it is before it opens with the role in its URL and keeps asking. */
const IDENTITY_WAIT_MS = 5_000;
const SAVE_SETTINGS_AFTER_MS = 400;

/** The role a window opened by hand asks for: `&role=<role>` in the URL's fragment (…/#secret=…&role=queue). */
export function roleFromHash(hash: string): WindowRole | null {
  const parsed = WindowRole.safeParse(new URLSearchParams(hash.replace(/^#/, '')).get('role'));
  return parsed.success ? parsed.data : null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function askIdentity(bridge: Bridge, store: ConsoleStore, wished: WindowRole | null): Promise<void> {
  const identity = await bridge['window:identity']({ role: wished });
  const state = store.getState();
  state.setIdentity({ windowId: identity.windowId, role: identity.role, displayId: identity.displayId }, identity.settings);
  state.connectSelection(identity.windowId, (selection, ticket) => void bridge['selection:set']({ selection, ticket }).catch((error: unknown) => store.getState().setHostError(message(error))));
  state.applyShared(identity.shared, true);
  document.documentElement.dataset['windowRole'] = identity.role;
  if (identity.settings.language && identity.settings.language !== currentLanguage()) await setLanguage(identity.settings.language);
}

/**
 * Learns this window's identity (id, role, display), its remembered settings and the shared selection from the
 * core, before React mounts. A host that does not answer in time leaves the window on the role its URL asked for.
 */
export async function identify(bridge: Bridge, store: ConsoleStore): Promise<void> {
  // Listening starts before the first request, so neither the first host:ready nor a selection made meanwhile is missed.
  let readyOnce = false;
  bridge['host:ready']((event) => {
    store.getState().setHostReady(event.at);
    // A later host:ready is a reconnection (the host or its core restarted): learn the shared state again.
    if (readyOnce) void askIdentity(bridge, store, store.getState().identity.role).catch((error: unknown) => store.getState().setHostError(message(error)));
    readyOnce = true;
  });
  bridge['selection:changed']((shared) => store.getState().applyShared(shared));
  const wished = roleFromHash(window.location.hash);
  store.getState().setIdentity({ windowId: 'local', role: wished ?? 'all', displayId: null }, {});
  document.documentElement.dataset['windowRole'] = wished ?? 'all';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, IDENTITY_WAIT_MS)));
  try {
    await Promise.race([askIdentity(bridge, store, wished), waited]);
  } catch (error) {
    store.getState().setHostError(message(error));
  } finally {
    clearTimeout(timer);
  }
}

const remembered = (s: ConsoleState): WindowSettings => ({ layers: s.layers, filter: s.filter, soundOn: s.soundOn, ...(s.panelSizes ? { panelSizes: s.panelSizes } : {}) });

/** What the operator sets in this window is saved under its role by the core, a moment after the last change. */
function rememberSettings(bridge: Bridge, store: ConsoleStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (settings: WindowSettings) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const role = store.getState().identity.role;
      bridge['window:settings']({ role, settings }).catch((error: unknown) => console.warn('window settings not saved:', message(error)));
    }, SAVE_SETTINGS_AFTER_MS);
  };
  store.subscribe((state, previous) => {
    if (state.layers !== previous.layers || state.filter !== previous.filter || state.soundOn !== previous.soundOn || state.panelSizes !== previous.panelSizes) save(remembered(state));
  });
  i18next.on('languageChanged', () => save({ ...remembered(store.getState()), language: currentLanguage() }));
}

/** Asks the host for what the window needs at start and keeps the store in step with host events (after `identify`). */
export async function boot(bridge: Bridge, store: ConsoleStore): Promise<void> {
  const state = store.getState();
  rememberSettings(bridge, store);
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
