import { eventNames, parseEvent, parseInput, parseOutput, requestNames } from './parse';
import type { Bridge, EventName, RequestName } from './types';

/** How a bridge reaches its host: Electron IPC in the preload, a WebSocket in the browser host. */
export interface Transport {
  invoke(channel: RequestName, payload: unknown): Promise<unknown>;
  listen(channel: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the window's API from the contract: one function per channel and nothing else.
 * Inputs are parsed before they leave and outputs and events when they arrive, so a window
 * never acts on a payload its schema does not allow, whichever host sent it.
 */
export function buildBridge(transport: Transport): Bridge;
// The loops give every channel of the contract its typed function; the overload above states the resulting shape,
// which TypeScript cannot follow through a mapped type built key by key.
export function buildBridge(transport: Transport): object {
  const api: Record<string, unknown> = {};
  for (const channel of requestNames) {
    api[channel] = async (input: unknown) => parseOutput(channel, await transport.invoke(channel, parseInput(channel, input)));
  }
  for (const channel of eventNames) {
    api[channel] = (listener: (payload: unknown) => void) =>
      transport.listen(channel, (payload) => listener(parseEvent(channel, payload)));
  }
  return Object.freeze(api);
}
