import type { Handlers } from '../../../shared/contract';
import type { LiveHub } from '../live/liveHub';
import { computeFigures } from './figures';
import type { WindowSession } from './windowSession';

type SessionChannels = 'window:identity' | 'window:settings' | 'selection:set' | 'bookmark:save' | 'bookmark:delete' | 'profile:export' | 'profile:import' | 'ops:figures';

/** The contract's window channels, bound to the session (spread into the core's handlers). */
export function sessionHandlers(session: WindowSession, live: Pick<LiveHub, 'snapshot' | 'timeline'>): Pick<Handlers, SessionChannels> {
  return {
    'window:identity': ({ role }, caller) => session.identify(caller, role),
    'window:settings': async ({ role, settings }) => {
      await session.saveSettings(role, settings);
      return {};
    },
    'selection:set': (request, caller) => session.select(caller, request),
    'bookmark:save': (bookmark) => session.saveBookmark(bookmark),
    'bookmark:delete': ({ id }) => session.deleteBookmark(id),
    'profile:export': () => ({ profile: session.profile() }),
    'profile:import': async ({ profile }) => ({ profile: await session.importProfile(profile) }),
    'ops:figures': () => computeFigures(live.snapshot().incidents, (id) => live.timeline(id), Date.now()),
  };
}
