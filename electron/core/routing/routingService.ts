import type { Recommendations } from '../../../shared/contract';
import type { LiveHub } from '../live/liveHub';
import { recommendUnits } from './recommend';
import { buildRoadGraph } from './roadGraph';
import type { RoadGraph } from './roadGraph';

/**
 * Dispatch recommendations from the live picture. The road graph is built once from the platform's
 * segments (again only if the set of segments changes); speeds are read fresh for every request.
 */
export function createRoutingService(live: LiveHub): { recommend(incidentId: string): Recommendations } {
  let road: RoadGraph | null = null;
  let builtFrom = '';
  return {
    recommend(incidentId) {
      const started = performance.now();
      const snapshot = live.snapshot();
      const incident = snapshot.incidents.find((i) => i.id === incidentId);
      if (!incident) throw new Error(`unknown incident ${incidentId}`);
      const signature = `${snapshot.segments.length}:${snapshot.segments[0]?.id ?? ''}:${snapshot.segments.at(-1)?.id ?? ''}`;
      if (!road || signature !== builtFrom) {
        road = buildRoadGraph(snapshot.segments);
        builtFrom = signature;
      }
      const speeds = new Map(snapshot.segments.map((s) => [s.id, s.speedKmh]));
      const candidates = recommendUnits(road, speeds, incident, snapshot.units, 12).map((r) => ({ ...r, via: r.via.slice(0, 5) }));
      return { incidentId, candidates, computedMs: performance.now() - started };
    },
  };
}
