/**
 * The readiness signal tests and operators' tooling wait on: `data-map-ready` on <html> turns "true"
 * once the basemap has loaded and deck.gl has drawn its first frame over it.
 */
export function markMapReady(ready: boolean): void {
  document.documentElement.dataset['mapReady'] = String(ready);
}

/**
 * Counts frames deck.gl has drawn with live data in them (`data-live-frames` on <html>), so a test can
 * wait for the picture to move on rather than sleep.
 */
export function countLiveFrame(): void {
  const root = document.documentElement;
  root.dataset['liveFrames'] = String(Number(root.dataset['liveFrames'] ?? '0') + 1);
}

/** Counts change batches applied to the window's store (`data-live-updates`, and `data-unit-updates` for those moving units), for the same reason. */
export function countLiveUpdate(withUnits: boolean): void {
  const root = document.documentElement;
  root.dataset['liveUpdates'] = String(Number(root.dataset['liveUpdates'] ?? '0') + 1);
  if (withUnits) root.dataset['unitUpdates'] = String(Number(root.dataset['unitUpdates'] ?? '0') + 1);
}
