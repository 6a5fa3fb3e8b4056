/**
 * The render bench page (bundled by scripts/bench/page/serve.ts, never shipped): one maplibre map over Phuket and
 * N moving units, drawn either by the console's own unit layer factory through deck.gl's MapLibreOverlay ("ours")
 * or by the usual approach, a maplibre GeoJSON source given every batch with setData ("geojson").
 * The page exposes `window.bench` for the driver: setup, a batch of moves, frame waits.
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MaplibreMap } from 'maplibre-gl';
import type { GeoJSONSource } from 'maplibre-gl';
import { createIconAtlas } from '../../../renderer/map/layers/iconAtlas';
import { rowTableFollower } from '../../../renderer/map/layers/rowTable';
import { createUnitLayers } from '../../../renderer/map/layers/unitLayers';
import type { Unit } from '../../../shared/domain';

/** "page" keeps the same books as the others (the store's copies) and draws no unit: the page's own share of the time. */
type Mode = 'ours' | 'geojson' | 'page';

const CENTRE: [number, number] = [98.34, 7.93];
const NO_STALE: ReadonlySet<string> = new Set();
const style = { version: 8 as const, sources: {}, layers: [{ id: 'bg', type: 'background' as const, paint: { 'background-color': '#1b2430' } }] };

const map = new MaplibreMap({ container: 'map', style, center: CENTRE, zoom: 10.3, attributionControl: false, fadeDuration: 0 });
const loaded = new Promise<void>((done) => map.once('load', () => done()));
const atlas = createIconAtlas();
let overlay: MapLibreOverlay | null = null;
let units: Unit[] = [];
/** The units as the window's store holds them: a new map per batch, sharing the unchanged units. */
let byId = new Map<string, Unit>();
let follow = rowTableFollower<Unit>();
let mode: Mode = 'ours';
let renders = 0;
map.on('render', () => renders++);
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

const unitAt = (i: number): Unit => ({
  id: `u${i}`,
  callsign: `U${i}`,
  agency: i % 3 === 0 ? 'police' : i % 3 === 1 ? 'ems' : 'fire',
  status: 'available',
  position: [CENTRE[0] + (random() - 0.5) * 0.3, CENTRE[1] + (random() - 0.5) * 0.4],
  headingDeg: 0,
  speedKmh: 30,
  station: null,
  assignedIncidentId: null,
  observedAt: 0,
});

const featureCollection = () => ({
  type: 'FeatureCollection' as const,
  features: units.map((u) => ({ type: 'Feature' as const, id: u.id, properties: { status: u.status, heading: u.headingDeg }, geometry: { type: 'Point' as const, coordinates: u.position } })),
});

function draw(): void {
  if (mode === 'ours') {
    const table = follow(byId);
    overlay?.setProps({ layers: createUnitLayers({ units: table.rows, atlas, stale: NO_STALE, selectedId: null, visible: true }) });
  }
  else if (mode === 'geojson') map.getSource<GeoJSONSource>('units')?.setData(featureCollection());
}

const nextFrame = () => new Promise<number>((done) => requestAnimationFrame((t) => done(t)));

const bench = {
  async setup(count: number, how: Mode): Promise<void> {
    await loaded;
    mode = how;
    seed = 1;
    units = Array.from({ length: count }, (_, i) => unitAt(i));
    byId = new Map(units.map((u) => [u.id, u]));
    follow = rowTableFollower<Unit>();
    if (how === 'ours') {
      overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(overlay);
    } else if (how === 'geojson') {
      map.addSource('units', { type: 'geojson', data: featureCollection() });
      map.addLayer({ id: 'units', type: 'circle', source: 'units', paint: { 'circle-radius': 5, 'circle-color': '#2e9e5b' } });
    }
    draw();
    await nextFrame();
    await nextFrame();
  },
  /** Moves `updates` units (a new array and new unit objects, as the window's store produces) and draws. */
  move(updates: number): void {
    const next = units.slice();
    const nextById = new Map(byId);
    for (let k = 0; k < updates; k++) {
      const i = Math.floor(random() * next.length);
      const u = next[i];
      if (u === undefined) continue;
      const moved: Unit = { ...u, position: [u.position[0] + (random() - 0.5) * 0.001, u.position[1] + (random() - 0.5) * 0.001], headingDeg: Math.floor(random() * 360) };
      next[i] = moved;
      nextById.set(moved.id, moved);
    }
    units = next;
    byId = nextById;
    draw();
    map.triggerRepaint();
  },
  nextFrame,
  /** How many times maplibre has drawn the map (with the overlay, if any). */
  renders: () => renders,
  /** The id of the unit deck.gl picks where the first unit is drawn ("ours" only): the layer must stay clickable. */
  pickFirst(): string | null {
    const first = units[0];
    if (overlay === null || first === undefined) return null;
    const at = map.project(first.position);
    const picked: unknown = overlay.pickObject({ x: at.x, y: at.y, radius: 4 })?.object;
    return typeof picked === 'object' && picked !== null && 'id' in picked && typeof picked.id === 'string' ? picked.id : null;
  },
};

Object.assign(window, { bench });
