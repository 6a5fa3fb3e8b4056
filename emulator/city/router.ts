import { haversineM } from './geo';
import { MinHeap } from './minHeap';
import type { RoadGraph, RoadSegment } from './roadGraph';

export interface Route {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly seconds: number;
}

/** Seconds to traverse a segment; the caller supplies current speeds so routing follows live traffic. */
export type SegmentCost = (segment: RoadSegment) => number;

/**
 * A* by travel time. The heuristic divides straight-line distance by `maxKmh`, which must not be below any
 * speed the cost function can produce, or the heuristic overestimates and routes stop being shortest.
 */
export function shortestPath(graph: RoadGraph, from: number, to: number, cost: SegmentCost, maxKmh = 120): Route | null {
  const target = graph.nodes[to];
  if (target === undefined || graph.nodes[from] === undefined) return null;
  const maxMps = maxKmh / 3.6;
  const h = (n: number): number => {
    const p = graph.nodes[n];
    return p === undefined ? 0 : haversineM(p, target) / maxMps;
  };
  const best = new Map<number, number>([[from, 0]]);
  const via = new Map<number, number>();
  const heap = new MinHeap<number>();
  heap.push(h(from), from);
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const node = top.item;
    const g = best.get(node) ?? Infinity;
    if (top.key > g + h(node) + 1e-9) continue;
    if (node === to) return unwind(graph, via, from, to, g);
    for (const e of graph.outEdges[node] ?? []) {
      const edge = graph.edges[e];
      const seg = edge === undefined ? undefined : graph.segments[edge.segment];
      if (edge === undefined || seg === undefined) continue;
      const next = g + cost(seg);
      if (next < (best.get(edge.to) ?? Infinity)) {
        best.set(edge.to, next);
        via.set(edge.to, e);
        heap.push(next + h(edge.to), edge.to);
      }
    }
  }
  return null;
}

function unwind(graph: RoadGraph, via: ReadonlyMap<number, number>, from: number, to: number, seconds: number): Route {
  const edges: number[] = [];
  const nodes = [to];
  for (let node = to; node !== from; ) {
    const e = via.get(node);
    const edge = e === undefined ? undefined : graph.edges[e];
    if (e === undefined || edge === undefined) break;
    edges.push(e);
    node = edge.from;
    nodes.push(node);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse(), seconds };
}

export const freeFlowCost: SegmentCost = (s) => s.lengthM / (s.freeFlowKmh / 3.6);
