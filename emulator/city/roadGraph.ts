import { haversineM } from './geo';
import type { LonLat } from './geo';

/** One OSM way as read from the basemap. */
export interface RoadWay {
  readonly id: string;
  readonly highway: string;
  readonly name: string | null;
  readonly ref: string | null;
  readonly lanes: number | null;
  readonly coordinates: readonly LonLat[];
}

/** A piece of a way between two intersections (or way ends). Traffic is reported per segment. */
export interface RoadSegment {
  readonly index: number;
  readonly id: string;
  readonly wayId: string;
  readonly highway: string;
  readonly name: string | null;
  readonly lanes: number;
  readonly freeFlowKmh: number;
  readonly coordinates: readonly LonLat[];
  readonly lengthM: number;
  readonly from: number;
  readonly to: number;
}

/** Roads are two-way (the basemap carries no oneway tags), so each segment yields a forward and a backward edge. */
export interface RoadEdge {
  readonly from: number;
  readonly to: number;
  readonly segment: number;
  readonly forward: boolean;
}

export interface RoadGraph {
  readonly nodes: readonly LonLat[];
  readonly segments: readonly RoadSegment[];
  readonly edges: readonly RoadEdge[];
  readonly outEdges: readonly (readonly number[])[];
  /** Per node: true when it lies in the largest connected component, the only one we route in. */
  readonly routable: readonly boolean[];
}

export const FREE_FLOW_KMH: Readonly<Record<string, number>> = { primary: 60, secondary: 40 };
const DEFAULT_FREE_FLOW_KMH = 40;

export const segmentId = (index: number): string => `urn:ngsi-ld:RoadSegment:phuket:${index + 1}`;

/** The basemap is rounded to 5 dp, so equal keys mean the same vertex. */
const vertexKey = (p: LonLat): string => `${p[0].toFixed(5)},${p[1].toFixed(5)}`;

function polylineLengthM(line: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    if (a !== undefined && b !== undefined) total += haversineM(a, b);
  }
  return total;
}

/** Vertices used more than once (shared by ways or revisited by one) and way ends become graph nodes. */
function findNodeKeys(ways: readonly RoadWay[]): Set<string> {
  const uses = new Map<string, number>();
  const keys = new Set<string>();
  for (const way of ways) {
    way.coordinates.forEach((p, i) => {
      const key = vertexKey(p);
      uses.set(key, (uses.get(key) ?? 0) + 1);
      if (i === 0 || i === way.coordinates.length - 1) keys.add(key);
    });
  }
  for (const [key, count] of uses) if (count > 1) keys.add(key);
  return keys;
}

export function buildRoadGraph(ways: readonly RoadWay[]): RoadGraph {
  const nodeKeys = findNodeKeys(ways);
  const nodeIndex = new Map<string, number>();
  const nodes: LonLat[] = [];
  const nodeOf = (p: LonLat): number => {
    const key = vertexKey(p);
    const known = nodeIndex.get(key);
    if (known !== undefined) return known;
    nodes.push([p[0], p[1]]);
    nodeIndex.set(key, nodes.length - 1);
    return nodes.length - 1;
  };

  const segments: RoadSegment[] = [];
  for (const way of ways) {
    let piece: LonLat[] = [];
    for (const p of way.coordinates) {
      piece.push(p);
      if (piece.length > 1 && nodeKeys.has(vertexKey(p))) {
        const first = piece[0];
        const lengthM = polylineLengthM(piece);
        // Zero-length pieces come from duplicated vertices and would only add loops.
        if (first !== undefined && lengthM > 0.5) {
          const index = segments.length;
          segments.push({
            index,
            id: segmentId(index),
            wayId: way.id,
            highway: way.highway,
            name: way.name,
            lanes: way.lanes ?? 2,
            freeFlowKmh: FREE_FLOW_KMH[way.highway] ?? DEFAULT_FREE_FLOW_KMH,
            coordinates: piece,
            lengthM,
            from: nodeOf(first),
            to: nodeOf(p),
          });
        }
        piece = [p];
      }
    }
  }

  const edges: RoadEdge[] = [];
  const outEdges: number[][] = nodes.map(() => []);
  for (const s of segments) {
    edges.push({ from: s.from, to: s.to, segment: s.index, forward: true });
    outEdges[s.from]?.push(edges.length - 1);
    edges.push({ from: s.to, to: s.from, segment: s.index, forward: false });
    outEdges[s.to]?.push(edges.length - 1);
  }
  return { nodes, segments, edges, outEdges, routable: largestComponent(nodes.length, segments) };
}

function largestComponent(nodeCount: number, segments: readonly RoadSegment[]): boolean[] {
  const parent = Array.from({ length: nodeCount }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while ((parent[root] ?? root) !== root) root = parent[root] ?? root;
    let cur = i;
    while (cur !== root) {
      const next = parent[cur] ?? root;
      parent[cur] = root;
      cur = next;
    }
    return root;
  };
  for (const s of segments) parent[find(s.from)] = find(s.to);
  const sizes = new Map<number, number>();
  for (let i = 0; i < nodeCount; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  let main = -1;
  let best = 0;
  for (const [root, size] of sizes) if (size > best) [main, best] = [root, size];
  return Array.from({ length: nodeCount }, (_, i) => find(i) === main);
}

/** Nearest routable node by straight-line distance; linear scan is fast enough for a few thousand nodes. */
export function nearestNode(graph: RoadGraph, p: LonLat): number {
  let best = -1;
  let bestM = Infinity;
  graph.nodes.forEach((node, i) => {
    if (!graph.routable[i]) return;
    const d = haversineM(p, node);
    if (d < bestM) [best, bestM] = [i, d];
  });
  if (best < 0) throw new Error('road graph has no routable node');
  return best;
}

/** A segment's polyline in the direction the edge travels. */
export function edgeCoordinates(graph: RoadGraph, edgeIndex: number): readonly LonLat[] {
  const edge = graph.edges[edgeIndex];
  const seg = edge === undefined ? undefined : graph.segments[edge.segment];
  if (edge === undefined || seg === undefined) return [];
  return edge.forward ? seg.coordinates : [...seg.coordinates].reverse();
}
