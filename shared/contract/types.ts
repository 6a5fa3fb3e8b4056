import type { z } from 'zod';
import type { Contract } from './channels';

/** Names of channels the renderer calls and awaits. */
export type RequestName = keyof Contract['requests'];
/** Names of channels the host pushes. */
export type EventName = keyof Contract['events'];
export type ChannelName = RequestName | EventName;

export type RequestInput<K extends RequestName> = z.output<Contract['requests'][K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<Contract['requests'][K]['output']>;
export type EventPayload<K extends EventName> = z.output<Contract['events'][K]>;

/** Who sent a request, as established by the host (never by the payload). */
export interface CallerContext {
  readonly host: 'electron' | 'browser';
  /** Stable per window (Electron webContents id) or per WebSocket connection. */
  readonly windowId: string;
}

/** One handler per request channel: a missing one is a compile error where handlers are bound. */
export type Handlers = {
  [K in RequestName]: (input: RequestInput<K>, caller: CallerContext) => Promise<RequestOutput<K>> | RequestOutput<K>;
};

/**
 * What a window sees: one function per channel, nothing else.
 * Requests return a promise of the parsed output; events take a listener and return an unsubscribe.
 */
export type Bridge = {
  [K in RequestName]: (input: RequestInput<K>) => Promise<RequestOutput<K>>;
} & {
  [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void;
};
