import type { Bookmark, CallerContext, SelectRequest, SharedSelection, WindowIdentity } from '../../../shared/contract';
import { migrateProfile } from '../../../shared/domain/profile';
import type { WindowProfile, WindowRole, WindowSettings } from '../../../shared/domain/profile';
import type { EventHub } from '../events';
import type { ProfileFile } from './profileFile';

export interface WindowAssignment {
  readonly role: WindowRole;
  readonly displayId: number | null;
}

/**
 * What the console's windows share, owned here and broadcast to every window as `selection:changed`: the
 * selection, the incident being worked on and the map bookmarks. Windows never talk to each other; they ask
 * the core, which tells them all. Also the window profile and each role's remembered settings.
 */
export interface WindowSession {
  /** The Electron host says which role and display a window (by its id) was opened for; the browser host never does. */
  assign(windowId: string, assignment: WindowAssignment): void;
  release(windowId: string): void;
  identify(caller: CallerContext, wished: WindowRole | null): WindowIdentity;
  select(caller: CallerContext, request: SelectRequest): SharedSelection;
  saveBookmark(bookmark: Omit<Bookmark, 'id'>): SharedSelection;
  deleteBookmark(id: string): SharedSelection;
  saveSettings(role: WindowRole, settings: WindowSettings): Promise<void>;
  shared(): SharedSelection;
  profile(): WindowProfile;
  setProfile(profile: WindowProfile): Promise<void>;
  importProfile(raw: unknown): Promise<WindowProfile>;
}

export interface WindowSessionDeps {
  readonly events: EventHub;
  readonly file: ProfileFile | null;
  readonly initial: WindowProfile;
  readonly newId: () => string;
}

const MAX_BOOKMARKS = 100;

export function createWindowSession(deps: WindowSessionDeps): WindowSession {
  const assignments = new Map<string, WindowAssignment>();
  let profile = deps.initial;
  let shared: SharedSelection = { seq: 0, selection: null, activeIncidentId: null, bookmarks: [], by: null, ticket: 0 };

  function publish(next: Omit<SharedSelection, 'seq'>): SharedSelection {
    shared = { ...next, seq: shared.seq + 1 };
    deps.events.emit('selection:changed', shared);
    return shared;
  }

  async function store(next: WindowProfile): Promise<void> {
    profile = next;
    await deps.file?.save(next);
  }

  return {
    assign: (windowId, assignment) => void assignments.set(windowId, assignment),
    release: (windowId) => void assignments.delete(windowId),
    identify(caller, wished) {
      const assigned = assignments.get(caller.windowId);
      const role = assigned?.role ?? wished ?? 'all';
      return { windowId: caller.windowId, role, displayId: assigned?.displayId ?? null, settings: profile.roleSettings[role] ?? {}, shared };
    },
    select(caller, { selection, ticket }) {
      const activeIncidentId = selection?.kind === 'incident' ? selection.id : shared.activeIncidentId;
      return publish({ selection, activeIncidentId, bookmarks: shared.bookmarks, by: caller.windowId, ticket });
    },
    saveBookmark(bookmark) {
      const bookmarks = [...shared.bookmarks.filter((b) => b.name !== bookmark.name), { ...bookmark, id: deps.newId() }].slice(-MAX_BOOKMARKS);
      return publish({ ...shared, bookmarks, by: null, ticket: 0 });
    },
    deleteBookmark(id) {
      return publish({ ...shared, bookmarks: shared.bookmarks.filter((b) => b.id !== id), by: null, ticket: 0 });
    },
    saveSettings(role, settings) {
      const merged = { ...profile.roleSettings[role], ...settings };
      return store({ ...profile, roleSettings: { ...profile.roleSettings, [role]: merged } });
    },
    shared: () => shared,
    profile: () => profile,
    setProfile: store,
    async importProfile(raw) {
      const imported = migrateProfile(raw);
      await store(imported);
      return imported;
    },
  };
}
