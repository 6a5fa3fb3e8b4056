import CheapRuler from 'cheap-ruler';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import createGraph from 'ngraph.graph';
import type { Graph } from 'ngraph.graph';
import type { LonLat, RoadSegmentState } from '../../../shared/domain';

export interface GraphNode {
  readonly lon: number;
  readonly lat: number;
}

export interface GraphLink {
  readonly segmentId: string;
  readonly name: string | null;
  readonly lengthM: number;
}

/** The road network as the platform describes it: segment endpoints joined where they meet. */
export interface RoadGraph {
  readonly graph: Graph<GraphNode, GraphLink>;
  readonly nodes: readonly GraphNode[];
  /** Spatial index over `nodes`, for snapping a position to the nearest junction. */
  readonly index: KDBush;
  readonly ruler: CheapRuler;
}

/** Phuket's latitude: cheap-ruler's flat-earth distances are within 0.1 % at city scale. */
export const PHUKET_LAT = 7.9;

const key = ([lon, lat]: readonly [number, number]) => `${lon.toFixed(5)},${lat.toFixed(5)}`;

/**
 * Builds the routing graph from the traffic segments the platform sends (each a LineString), so the
 * console routes over the same network the platform measures. Segments are two-way; ids are node indexes.
 */
export function buildRoadGraph(segments: readonly RoadSegmentState[]): RoadGraph {
  const ruler = new CheapRuler(PHUKET_LAT, 'meters');
  const graph = createGraph<GraphNode, GraphLink>({ multigraph: true });
  const ids = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const nodeOf = (point: LonLat): number => {
    const k = key(point);
    let id = ids.get(k);
    if (id === undefined) {
      id = nodes.length;
      ids.set(k, id);
      nodes.push({ lon: point[0], lat: point[1] });
      graph.addNode(id, nodes[id]);
    }
    return id;
  };
  for (const segment of segments) {
    const first = segment.path[0];
    const last = segment.path[segment.path.length - 1];
    if (!first || !last) continue;
    const from = nodeOf(first);
    const to = nodeOf(last);
    if (from === to) continue;
    const link: GraphLink = { segmentId: segment.id, name: segment.name, lengthM: ruler.lineDistance(segment.path.map(([lon, lat]) => [lon, lat])) };
    graph.addLink(from, to, link);
    graph.addLink(to, from, link);
  }
  const index = new KDBush(Math.max(1, nodes.length));
  for (const node of nodes) index.add(node.lon, node.lat);
  index.finish();
  return { graph, nodes, index, ruler };
}

/** The junction nearest a position, and how far it is. */
export function snap(road: RoadGraph, [lon, lat]: LonLat): { node: number; metres: number } | null {
  const [nearest] = around(road.index, lon, lat, 1);
  const node = nearest === undefined ? undefined : road.nodes[nearest];
  if (nearest === undefined || !node) return null;
  return { node: nearest, metres: road.ruler.distance([lon, lat], [node.lon, node.lat]) };
}
