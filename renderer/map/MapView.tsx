import { MapLibreOverlay } from '@deck.gl/maplibre';
import { AttributionControl, FullscreenControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapManifest } from '../../shared/contract';
import { currentLanguage } from '../i18n';
import { useBridge, useConsoleStore } from '../store/context';
import { createBasemapStyle } from './basemapStyle';
import { applyBasemapSettings, initialView, markMapIdle } from './controls/apply';
import { HomeControl } from './controls/HomeControl';
import { registerSiteTiles } from './controls/siteTiles';
import { createLiveLayers } from './deckLayers';
import { frameProbe } from './frameProbe';
import type { BusLinesFile } from './layers/busLayers';
import { loadBusLines } from './layers/busLayers';
import { createIconAtlas } from './layers/iconAtlas';
import { reportPicked, selectionFor, tooltipFor } from './tooltip';
import { renderPoiIcons } from './poiIcons';
import { countLiveFrame, markMapReady } from './readiness';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);

const PULSE_MS = 100;
const CLOCK_MS = 5_000;

/** The one owner of the maplibre map and the deck.gl overlay drawn interleaved inside it. */
export function MapView({ manifest }: { manifest: BasemapManifest }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const store = useConsoleStore();
  const bridge = useBridge();

  useEffect(() => {
    if (!container.current) return;
    const [w, s, e, n] = manifest.home;
    const [mw, ms, me, mn] = manifest.maxBounds;
    const site = manifest.siteTiles?.ok ? manifest.siteTiles : null;
    // The shipped basemap stays when a site's tiles cannot be read; the operator is told why.
    store.getState().setSiteTilesNotice(manifest.siteTiles && !manifest.siteTiles.ok ? manifest.siteTiles.error : null);
    const unregister = site ? registerSiteTiles(bridge, site) : () => undefined;
    const view = initialView(location.search);
    const map = new MapLibreMap({
      container: container.current,
      style: createBasemapStyle(manifest, document.baseURI, { language: currentLanguage(), toggles: store.getState().basemapLayers }),
      ...(view ? { center: view.center, zoom: view.zoom } : { bounds: [w, s, e, n] }),
      maxBounds: [mw, ms, me, mn],
      attributionControl: false,
      dragRotate: false,
      fadeDuration: 0,
    });
    map.addControl(new AttributionControl({ compact: false, customAttribution: manifest.attribution }), 'bottom-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const home = new HomeControl([w, s, e, n], () => t('basemap.home'));
    map.addControl(home, 'top-right');
    map.addControl(new FullscreenControl(), 'top-right');
    map.on('idle', markMapIdle);
    // Once per frame, after deck.gl has drawn its layers inside it (onAfterRender runs once per interleaved layer).
    map.on('render', () => frameProbe.drawn(Date.now()));

    const unsubscribeLanguage = () => i18n.off('languageChanged', relabel);
    const relabel = () => {
      home.relabel();
      if (map.isStyleLoaded()) applyBasemapSettings(map, currentLanguage(), store.getState().basemapLayers);
    };
    i18n.on('languageChanged', relabel);
    for (const icon of renderPoiIcons()) map.addImage(icon.id, icon.data, { pixelRatio: icon.pixelRatio });

    let loaded = false;
    let drawn = false;
    const atlas = createIconAtlas();
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      getTooltip: tooltipFor,
      onClick: (info) => {
        const state = store.getState();
        const [lon, lat] = info.coordinate ?? [];
        // The call-taker is placing a new incident: the click is its location, not a selection.
        if (state.pickingLocation && lon !== undefined && lat !== undefined) return state.pickLocation([lon, lat]);
        const report = reportPicked(info);
        if (report !== null) return state.selectReport(report);
        state.select(selectionFor(info));
      },
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
    let busLines: BusLinesFile | null = null;
    const render = () => overlay.setProps({ layers: createLiveLayers(store.getState(), atlas, pulse, { busLines, now: Math.floor(Date.now() / CLOCK_MS) * CLOCK_MS }) });
    // The Smart Bus lines come from the console's own assets; the map works without them.
    loadBusLines().then(
      (lines) => {
        busLines = lines;
        render();
      },
      (error: unknown) => console.warn(`bus lines not shown: ${String(error)}`),
    );
    // Buses go grey and warnings expire by the clock even while their feeds are quiet.
    const clock = setInterval(() => render(), CLOCK_MS);
    const animate = () => {
      pulse = (performance.now() / 1400) % 1;
      render();
      frame = hasNewIncident() ? setTimeout(animate, PULSE_MS) : 0;
    };
    const hasNewIncident = () => [...store.getState().incidents.values()].some((i) => i.status === 'new');
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.basemapLayers !== previous.basemapLayers && map.isStyleLoaded()) applyBasemapSettings(map, currentLanguage(), state.basemapLayers);
      // Map and queue are linked: picking an incident in the queue brings it into view here.
      if (state.selection !== previous.selection && state.selection?.from === 'queue' && state.selection.kind === 'incident') {
        const incident = state.incidents.get(state.selection.id);
        if (incident) map.easeTo({ center: incident.position, zoom: Math.max(map.getZoom(), 12.5), duration: 600 });
      }
      const same =
        state.segmentsVersion === previous.segmentsVersion &&
        state.units === previous.units &&
        state.incidents === previous.incidents &&
        state.warnings === previous.warnings &&
        state.buses === previous.buses &&
        state.reports === previous.reports &&
        state.selectedReportId === previous.selectedReportId &&
        state.selection === previous.selection &&
        state.layers === previous.layers &&
        state.health === previous.health;
      if (same) return;
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
      // A site's tiles that fail mid-way leave the shipped layers drawn; say so rather than fail the map.
      if ('sourceId' in event && event.sourceId === 'site') store.getState().setSiteTilesNotice(event.error.message);
      else if (!loaded) store.getState().setMapFailed(event.error.message);
    });
    return () => {
      unsubscribe();
      clearInterval(clock);
      unsubscribeLanguage();
      unregister();
      if (frame) clearTimeout(frame);
      markMapReady(false);
      map.removeControl(overlay);
      map.remove();
    };
    // The map is built once per manifest; language and switches are applied to it in place.
  }, [manifest, store, bridge]);

  return <div ref={container} className="map" role="region" aria-label={t('map.region')} />;
}
