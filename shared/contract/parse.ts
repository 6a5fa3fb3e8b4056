import { z } from 'zod';
import { contract } from './channels';
import type { ChannelName, EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './types';

/** A payload that does not match its channel's schema. The message names the channel and every problem. */
export class ContractError extends Error {
  constructor(
    readonly channel: string,
    readonly direction: 'input' | 'output' | 'event' | 'channel',
    readonly issues: readonly string[],
  ) {
    super(`${channel} ${direction}: ${issues.join('; ')}`);
    this.name = 'ContractError';
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(contract.requests, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(contract.events, name);
}

export const requestNames: readonly RequestName[] = Object.keys(contract.requests).filter(isRequestName);
export const eventNames: readonly EventName[] = Object.keys(contract.events).filter(isEventName);
export const channelNames: readonly ChannelName[] = [...requestNames, ...eventNames];

// Each parser is declared by overload: TypeScript cannot correlate a generic channel with its own schema's output,
// and the overload states that relation without a cast.
export function parseInput<K extends RequestName>(channel: K, value: unknown): RequestInput<K>;
export function parseInput(channel: RequestName, value: unknown): unknown {
  const result = z.safeParse(contract.requests[channel].input, value);
  if (!result.success) throw new ContractError(channel, 'input', describe(result.error));
  return result.data;
}

export function parseOutput<K extends RequestName>(channel: K, value: unknown): RequestOutput<K>;
export function parseOutput(channel: RequestName, value: unknown): unknown {
  const result = z.safeParse(contract.requests[channel].output, value);
  if (!result.success) throw new ContractError(channel, 'output', describe(result.error));
  return result.data;
}

export function parseEvent<K extends EventName>(channel: K, value: unknown): EventPayload<K>;
export function parseEvent(channel: EventName, value: unknown): unknown {
  const result = z.safeParse(contract.events[channel], value);
  if (!result.success) throw new ContractError(channel, 'event', describe(result.error));
  return result.data;
}
