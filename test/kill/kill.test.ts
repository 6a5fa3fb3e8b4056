import { expect, it } from 'vitest';
import { runKillIterations } from './killHarness';

it('20 × kill -9 while writing: no acknowledged action lost, no half transaction, files intact, chain verifies', async () => {
  const results = await runKillIterations(20, { seed: 20251126 });
  const failed = results.filter((result) => !result.ok);
  expect(failed).toEqual([]);
  expect(results).toHaveLength(20);
  // Every iteration got at least its first ack in before the kill.
  expect(results.every((result) => result.acked >= 1)).toBe(true);
  expect(results.at(-1)?.audit).toBeGreaterThanOrEqual(20);
}, 180_000);
