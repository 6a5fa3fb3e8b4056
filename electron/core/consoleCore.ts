import type { Handlers, HostKind } from '../../shared/contract';
import type { PlatformConfig } from './config';
import { createEventHub } from './events';
import type { EventHub } from './events';
import { PHUKET } from './feeds/ngsi/common';
import { createNgsiSource } from './feeds/ngsi/ngsiSource';
import { createUnconfiguredSource } from './feeds/unconfiguredSource';
import { createHandlers } from './handlers';
import { createLiveHub } from './live/liveHub';
import type { LiveHub } from './live/liveHub';

export interface CoreOptions {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: PlatformConfig | null;
}

export interface ConsoleCore {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly live: LiveHub;
  stop(): Promise<void>;
}

/** The whole data core, host-agnostic: both the Electron main process and the browser host run exactly this. */
export function startConsoleCore(options: CoreOptions): ConsoleCore {
  const events = createEventHub();
  const source = options.platform
    ? createNgsiSource({
        broker: { baseUrl: options.platform.baseUrl, tenant: options.platform.tenant, token: options.platform.token },
        feeds: options.platform.feeds,
        area: PHUKET,
      })
    : createUnconfiguredSource();
  const live = createLiveHub({ source, events, platform: options.platform?.label ?? source.name });
  live.start();
  const handlers = createHandlers({ name: options.name, version: options.version, host: options.host, startedAt: Date.now(), live });
  return { handlers, events, live, stop: () => live.stop() };
}
