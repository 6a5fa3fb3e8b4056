import { ContractError, isRequestName, parseInput, parseOutput } from '../../shared/contract';
import type { CallerContext, Handlers, IpcResult, RequestName } from '../../shared/contract';

export type DispatchResult = IpcResult;

async function run<K extends RequestName>(handlers: Handlers, channel: K, payload: unknown, caller: CallerContext): Promise<unknown> {
  const input = parseInput(channel, payload);
  const handler: Handlers[K] = handlers[channel];
  const output = await handler(input, caller);
  return parseOutput(channel, output);
}

/**
 * The one entry point both hosts use for a request: the channel must exist, the input is parsed
 * before any handler runs, and the output is parsed before it leaves. Errors come back as text, never as a throw across the boundary.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown, caller: CallerContext): Promise<DispatchResult> {
  if (!isRequestName(channel)) {
    return { ok: false, error: new ContractError(String(channel).slice(0, 64), 'channel', ['unknown request channel']).message };
  }
  try {
    return { ok: true, payload: await run(handlers, channel, payload, caller) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
