/**
 * The readiness signal tests and operators' tooling wait on: `data-map-ready` on <html> turns "true"
 * once the basemap has loaded and deck.gl has drawn its first frame over it.
 */
export function markMapReady(ready: boolean): void {
  document.documentElement.dataset['mapReady'] = String(ready);
}
