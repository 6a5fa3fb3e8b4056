import type { Page } from 'playwright-core';

/** Waits until the map has drawn at least `count` frames with live data in them. */
export async function waitForLiveFrames(page: Page, count: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction((n) => Number(document.documentElement.dataset['liveFrames'] ?? '0') >= n, count, { timeout });
}

export async function liveCounter(page: Page, name: 'liveFrames' | 'liveUpdates' | 'unitUpdates'): Promise<number> {
  return page.evaluate((key) => Number(document.documentElement.dataset[key] ?? '0'), name);
}

/** Waits until the window has applied more change batches (of any kind, or with units in them) and drawn a frame after them. */
export async function waitForNewData(page: Page, batches: number, kind: 'liveUpdates' | 'unitUpdates' = 'liveUpdates', timeout = 60_000): Promise<void> {
  const updates = await liveCounter(page, kind);
  await page.waitForFunction(([key, n]) => Number(document.documentElement.dataset[key] ?? '0') >= n, [kind, updates + batches] as const, { timeout });
  await waitForLiveFrames(page, (await liveCounter(page, 'liveFrames')) + 1, timeout);
}

/** Shows only the named live layers, through the legend's checkboxes as an operator would. */
/** The map's layer switches, as the legend names them in English (one per registered feed). */
export const LAYER_NAMES = ['Traffic', 'Incidents', 'Units', 'Warnings (CAP)', 'Smart Bus', 'Citizen reports'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export async function showOnly(page: Page, layers: LayerName[]): Promise<void> {
  const legend = page.getByRole('region', { name: 'Map legend' });
  for (const name of LAYER_NAMES) {
    const box = legend.getByRole('checkbox', { name });
    if ((await box.isChecked()) !== layers.includes(name)) await box.click();
  }
  await waitForLiveFrames(page, (await liveCounter(page, 'liveFrames')) + 1);
}

/** A feed's row in the feed-health panel in a state (not a source link's row, which a polled feed's name shares). */
export function feedState(page: Page, feed: LayerName, state: 'connected' | 'degraded' | 'down') {
  return page.getByRole('region', { name: 'Feed health' }).locator(`li.feed[aria-label="${feed}: ${state}"]`);
}
