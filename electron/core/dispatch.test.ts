import { describe, expect, it } from 'vitest';
import { requestNames } from '../../shared/contract';
import type { CallerContext, Handlers } from '../../shared/contract';
import { dispatch } from './dispatch';
import { faultSummary } from './processGuards';

const caller: CallerContext = { host: 'browser', windowId: 'w1' };

/** Checked at run time, so the test keeps up with channels added to the contract without a cast. */
function coversEveryChannel(candidate: Record<string, unknown>): candidate is Handlers {
  return requestNames.every((name) => typeof candidate[name] === 'function');
}

/** Handlers that all throw, except a few that fail in their own way. */
function failing(): Handlers {
  const boom = () => {
    throw new TypeError('handler bug');
  };
  const handlers: Record<string, unknown> = {
    ...Object.fromEntries(requestNames.map((name) => [name, boom])),
    'map:basemap': () => Promise.reject(new Error('async failure')),
    'feed:health': () => JSON.parse('{"feeds": "not a list"}'),
  };
  if (!coversEveryChannel(handlers)) throw new Error('a channel has no handler');
  return handlers;
}

describe('dispatch', () => {
  it('turns a throwing, a rejecting and a lying handler into error results, counting the bugs', async () => {
    const before = faultSummary().faults;
    expect(await dispatch(failing(), 'app:info', {}, caller)).toEqual({ ok: false, error: 'handler bug' });
    expect(await dispatch(failing(), 'map:basemap', {}, caller)).toEqual({ ok: false, error: 'async failure' });
    expect(await dispatch(failing(), 'feed:health', {}, caller)).toMatchObject({ ok: false, error: expect.stringMatching(/^feed:health output: /) });
    expect(faultSummary().faults).toBe(before + 2);
  });

  it('answers an unknown or unprintable channel and a bad input with an error, never a throw', async () => {
    await expect(dispatch(failing(), Object.create(null), {}, caller)).resolves.toMatchObject({ ok: false });
    await expect(dispatch(failing(), 'toString', {}, caller)).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/unknown request channel/) });
    await expect(dispatch(failing(), 'incident:act', { kind: 'valueOf' }, caller)).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/^incident:act input/) });
  });
});
