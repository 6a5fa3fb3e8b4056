import { aStar } from 'ngraph.path';
import type { LonLat } from '../../../shared/domain';
import type { GraphLink, GraphNode, RoadGraph } from './roadGraph';
import { snap } from './roadGraph';

/** Speed on the short leg between a position and the road network (a station's yard, a beach access). */
export const OFF_ROAD_KMH = 20;
/** Used for the A* heuristic: no road in Phuket is faster, so the estimate never overshoots. */
const TOP_KMH = 110;
/** With no live reading for a segment, this speed (km/h) is assumed. */
const DEFAULT_KMH = 35;

export interface Route {
  readonly seconds: number;
  readonly metres: number;
  /** Road names along the way, in order, each once. */
  readonly via: readonly string[];
  /** Average speed on the road part of the route. */
  readonly roadKmh: number;
}

/** Live speed of each segment, km/h, by segment id. */
/** Live speed by segment id (km/h), or nothing known. */
export interface Speeds {
  get(segmentId: string): number | undefined;
}

const secondsFor = (metres: number, kmh: number) => metres / (Math.max(kmh, 1) / 3.6);

/**
 * Fastest route over the road graph at the current traffic speeds (A*, by travel time). The legs from
 * the start and to the goal off the network are added at a walking-pace-for-vehicles speed.
 */
export function routeBetween(road: RoadGraph, speeds: Speeds, from: LonLat, to: LonLat): Route | null {
  const start = snap(road, from);
  const goal = snap(road, to);
  if (!start || !goal) return null;
  const goalNode = road.nodes[goal.node];
  if (!goalNode) return null;
  const finder = aStar<GraphNode, GraphLink>(road.graph, {
    oriented: true,
    distance: (_a, _b, link) => secondsFor(link.data.lengthM, speeds.get(link.data.segmentId) ?? DEFAULT_KMH),
    heuristic: (a, b) => secondsFor(road.ruler.distance([a.data.lon, a.data.lat], [b.data.lon, b.data.lat]), TOP_KMH),
  });
  // ngraph returns the path from goal back to start.
  const path = finder.find(start.node, goal.node).reverse();
  if (path.length === 0) return null;
  let seconds = secondsFor(start.metres + goal.metres, OFF_ROAD_KMH);
  let metres = start.metres + goal.metres;
  let roadSeconds = 0;
  let roadMetres = 0;
  const via: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    if (!a || !b) continue;
    let link: GraphLink | null = null;
    let bestSeconds = Infinity;
    for (const candidate of road.graph.getLinks(a.id) ?? []) {
      if (candidate.fromId !== a.id || candidate.toId !== b.id) continue;
      const s = secondsFor(candidate.data.lengthM, speeds.get(candidate.data.segmentId) ?? DEFAULT_KMH);
      if (s < bestSeconds) {
        bestSeconds = s;
        link = candidate.data;
      }
    }
    if (!link) continue;
    roadSeconds += bestSeconds;
    roadMetres += link.lengthM;
    if (link.name && via[via.length - 1] !== link.name && !via.includes(link.name)) via.push(link.name);
  }
  seconds += roadSeconds;
  metres += roadMetres;
  return { seconds, metres, via, roadKmh: roadSeconds > 0 ? (roadMetres / roadSeconds) * 3.6 : OFF_ROAD_KMH };
}
