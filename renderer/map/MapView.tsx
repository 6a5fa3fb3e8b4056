import { MapLibreOverlay } from '@deck.gl/maplibre';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapManifest } from '../../shared/contract';
import { useConsoleStore } from '../store/context';
import { createBasemapStyle } from './basemapStyle';
import { createLiveLayers } from './deckLayers';
import { createIconAtlas } from './layers/iconAtlas';
import { selectionFor, tooltipFor } from './tooltip';
import { renderPoiIcons } from './poiIcons';
import { countLiveFrame, markMapReady } from './readiness';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

const PULSE_MS = 100;

/** The one owner of the maplibre map and the deck.gl overlay drawn interleaved inside it. */
export function MapView({ manifest }: { manifest: BasemapManifest }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const store = useConsoleStore();

  useEffect(() => {
    if (!container.current) return;
    const [w, s, e, n] = manifest.home;
    const [mw, ms, me, mn] = manifest.maxBounds;
    const map = new MapLibreMap({
      container: container.current,
      style: createBasemapStyle(manifest, document.baseURI),
      bounds: [w, s, e, n],
      maxBounds: [mw, ms, me, mn],
      attributionControl: false,
      dragRotate: false,
      fadeDuration: 0,
    });
    map.addControl(new AttributionControl({ compact: false, customAttribution: manifest.attribution }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    for (const icon of renderPoiIcons()) map.addImage(icon.id, icon.data, { pixelRatio: icon.pixelRatio });

    let loaded = false;
    let drawn = false;
    const atlas = createIconAtlas();
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      getTooltip: tooltipFor,
      onClick: (info) => store.getState().select(selectionFor(info)),
      onAfterRender: () => {
        drawn = true;
        if (loaded) ready();
        if (store.getState().lastDataAt !== null) countLiveFrame();
      },
    });
    // New incidents pulse at 10 frames a second once the basemap has loaded (earlier, redraws would slow the load);
    // the clock runs only while there is a new incident, so an idle map costs nothing.
    let pulse = 0;
    let frame: ReturnType<typeof setTimeout> | 0 = 0;
    const render = () => overlay.setProps({ layers: createLiveLayers(store.getState(), atlas, pulse) });
    const animate = () => {
      pulse = (performance.now() / 1400) % 1;
      render();
      frame = hasNewIncident() ? setTimeout(animate, PULSE_MS) : 0;
    };
    const hasNewIncident = () => [...store.getState().incidents.values()].some((i) => i.status === 'new');
    const unsubscribe = store.subscribe((state, previous) => {
      // Map and queue are linked: picking an incident in the queue brings it into view here.
      if (state.selection !== previous.selection && state.selection?.from === 'queue' && state.selection.kind === 'incident') {
        const incident = state.incidents.get(state.selection.id);
        if (incident) map.easeTo({ center: incident.position, zoom: Math.max(map.getZoom(), 12.5), duration: 600 });
      }
      if (state.segmentsVersion === previous.segmentsVersion && state.units === previous.units && state.incidents === previous.incidents && state.selection === previous.selection && state.layers === previous.layers && state.health === previous.health) return;
      startPulse();
      render();
    });
    const startPulse = () => {
      if (!frame && loaded && hasNewIncident()) frame = setTimeout(animate, PULSE_MS);
    };
    render();
    const ready = () => {
      store.getState().setMapReady();
      markMapReady(true);
    };
    map.addControl(overlay);
    map.once('load', () => {
      loaded = true;
      startPulse();
      if (drawn) ready();
      else map.triggerRepaint();
    });
    map.on('error', (event) => {
      console.error('map error', event.error);
      if (!loaded) store.getState().setMapFailed(event.error.message);
    });
    return () => {
      unsubscribe();
      if (frame) clearTimeout(frame);
      markMapReady(false);
      map.removeControl(overlay);
      map.remove();
    };
  }, [manifest, store]);

  return <div ref={container} className="map" role="region" aria-label={t('map.region')} />;
}
