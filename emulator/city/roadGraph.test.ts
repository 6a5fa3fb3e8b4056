import { describe, expect, it } from 'vitest';
import { basemap } from './basemap';
import { stationsFor } from './fleet';
import { buildRoadGraph, nearestNode } from './roadGraph';
import type { RoadWay } from './roadGraph';
import { freeFlowCost, shortestPath } from './router';

const way = (id: string, highway: string, coordinates: [number, number][]): RoadWay => ({ id, highway, name: null, ref: null, lanes: 2, coordinates });

/**
 * A square A B C D as two ways meeting at A and C, a spur B→E that splits way 1 at B, and a detached stub.
 * A→B→C and A→D→C are the same length, so only traffic decides between them.
 */
const square = [
  way('way/1', 'primary', [[98.3, 7.9], [98.31, 7.9], [98.31, 7.91]]),
  way('way/2', 'primary', [[98.3, 7.9], [98.3, 7.91], [98.31, 7.91]]),
  way('way/4', 'primary', [[98.31, 7.9], [98.32, 7.9]]),
  way('way/3', 'secondary', [[98.4, 8.0], [98.401, 8.0]]),
];

describe('road graph', () => {
  it('splits ways into segments at shared vertices and keeps the largest component routable', () => {
    const g = buildRoadGraph(square);
    expect(g.segments).toHaveLength(5);
    expect(g.nodes).toHaveLength(6);
    expect(g.edges).toHaveLength(10);
    expect(g.routable.filter(Boolean)).toHaveLength(4);
    expect(g.segments[0]?.id).toBe('urn:ngsi-ld:RoadSegment:phuket:1');
    expect(g.segments[0]?.lengthM).toBeGreaterThan(1090);
    expect(g.segments[0]?.lengthM).toBeLessThan(1110);
    expect(g.segments.find((s) => s.highway === 'secondary')?.freeFlowKmh).toBe(40);
  });

  it('routes by travel time and avoids a congested edge', () => {
    const g = buildRoadGraph(square);
    const a = nearestNode(g, [98.3, 7.9]);
    const c = nearestNode(g, [98.31, 7.91]);
    const viaB = g.segments.filter((s) => s.wayId === 'way/1').map((s) => s.index);
    const jamB = shortestPath(g, a, c, (s) => freeFlowCost(s) * (viaB.includes(s.index) ? 10 : 1));
    const jamD = shortestPath(g, a, c, (s) => freeFlowCost(s) * (viaB.includes(s.index) ? 1 : 10));
    expect(jamB?.edges.map((e) => g.edges[e]?.segment).every((s) => !viaB.includes(s ?? -1))).toBe(true);
    expect(jamD?.edges.map((e) => g.edges[e]?.segment).every((s) => viaB.includes(s ?? -1))).toBe(true);
    expect(jamB?.seconds).toBeCloseTo((2 * 1100) / (60 / 3.6), -2);
    expect(jamB?.nodes[0]).toBe(a);
    expect(jamB?.nodes.at(-1)).toBe(c);
  });

  it('returns null across disconnected components', () => {
    const g = buildRoadGraph(square);
    const stub = g.segments.find((s) => s.wayId === 'way/3');
    expect(shortestPath(g, 0, stub?.from ?? -1, freeFlowCost)).toBeNull();
  });

  it('builds the real Phuket graph with more segments than ways, nearly all in one component', () => {
    const { ways } = basemap();
    const g = buildRoadGraph(ways);
    expect(ways).toHaveLength(778);
    expect(g.segments.length).toBeGreaterThan(778);
    const routable = g.routable.filter(Boolean).length;
    expect(routable / g.nodes.length).toBeGreaterThan(0.9);
  });

  it('finds a finite route between two real stations', () => {
    const map = basemap();
    const g = buildRoadGraph(map.ways);
    const patong = stationsFor('police', map.pois).find((s) => s.name === 'Police Station Patong');
    const town = stationsFor('ems', map.pois).find((s) => s.name === 'Vachira Phuket Hospital');
    if (patong === undefined || town === undefined) throw new Error('stations missing from basemap');
    const route = shortestPath(g, nearestNode(g, patong.location), nearestNode(g, town.location), freeFlowCost);
    expect(route).not.toBeNull();
    // Patong to Phuket Town over the hill is roughly 12–15 km: between 8 and 30 minutes at free flow.
    expect(route?.seconds).toBeGreaterThan(8 * 60);
    expect(route?.seconds).toBeLessThan(30 * 60);
  });
});
