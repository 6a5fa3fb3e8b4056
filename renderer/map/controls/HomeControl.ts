import type { IControl, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';

/** A map button that fits the whole of Phuket again, after any amount of zooming about. */
export class HomeControl implements IControl {
  private container: HTMLDivElement | null = null;

  constructor(
    private readonly home: LngLatBoundsLike,
    private readonly label: () => string,
  ) {}

  onAdd(map: MapLibreMap): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'map-home-button';
    button.textContent = '⌂';
    button.title = this.label();
    button.setAttribute('aria-label', this.label());
    button.addEventListener('click', () => map.fitBounds(this.home, { duration: 600 }));
    container.append(button);
    this.container = container;
    return container;
  }

  /** The button's words follow the UI language. */
  relabel(): void {
    const button = this.container?.querySelector('button');
    button?.setAttribute('aria-label', this.label());
    if (button) button.title = this.label();
  }

  onRemove(): void {
    this.container?.remove();
    this.container = null;
  }
}
