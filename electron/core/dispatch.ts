import { ContractError, isRequestName, parseInput, parseOutput, reasonOf } from '../../shared/contract';
import type { CallerContext, Handlers, IpcResult, RequestName } from '../../shared/contract';
import { log } from './log/logger';
import { builtByCore } from './builtByCore';
import { recordFault } from './processGuards';

export type DispatchResult = IpcResult;

async function run<K extends RequestName>(handlers: Handlers, channel: K, payload: unknown, caller: CallerContext): Promise<unknown> {
  const input = parseInput(channel, payload);
  const handler: Handlers[K] = handlers[channel];
  const output = await handler(input, caller);
  return builtByCore(channel) ? output : parseOutput(channel, output);
}

/** What a caller is told went wrong: the message only, bounded, and never itself a throw. */
function errorText(error: unknown): string {
  try {
    return (error instanceof Error ? error.message : String(error)).slice(0, 4000);
  } catch {
    return 'request failed';
  }
}

function channelText(channel: unknown): string {
  try {
    return String(channel).slice(0, 64);
  } catch {
    return '(unprintable)';
  }
}

const isBug = (error: unknown): boolean =>
  (error instanceof ContractError && error.direction === 'output') || error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;

/**
 * The one entry point both hosts use for a request: the channel must exist, the input is parsed
 * before any handler runs, and the output is parsed before it leaves. Errors come back as text, never
 * as a throw or a rejection across the boundary. A handler's bug is also logged and counted as a core fault.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, caller: CallerContext): Promise<DispatchResult> {
  try {
    if (!isRequestName(channel)) {
      return { ok: false, error: new ContractError(channelText(channel), 'channel', ['unknown request channel']).message };
    }
    return { ok: true, payload: await run(handlers, channel, payload, caller) };
  } catch (error) {
    // An output that fails the contract, or a TypeError and its kin, is the core's own bug; anything else (a refused input or action) is the caller's answer.
    if (isBug(error)) recordFault(`request ${channelText(channel)}`, error);
    else log().info('request refused', { channel: channelText(channel), error: errorText(error).slice(0, 300) });
    const reason = reasonOf(error);
    return reason === undefined ? { ok: false, error: errorText(error) } : { ok: false, error: errorText(error), reason };
  }
}
