import type { Recommendations } from '../../../shared/contract';
import type { LiveHub } from '../live/liveHub';
import { recommendUnits } from './recommend';
import { buildRoadGraph } from './roadGraph';
import type { RoadGraph } from './roadGraph';

/**
 * Dispatch recommendations from the live picture, read in place: the road graph is built once from the
 * platform's segments (again only when a segment appears or goes), and speeds are looked up live as the
 * route search reaches each segment, so a request copies nothing but the units.
 */
export function createRoutingService(live: LiveHub): { recommend(incidentId: string): Recommendations } {
  let road: RoadGraph | null = null;
  let builtFrom = -1;
  return {
    recommend(incidentId) {
      const started = performance.now();
      const view = live.routingView();
      const incident = view.incident(incidentId);
      if (!incident) throw new Error(`unknown incident ${incidentId}`);
      if (!road || view.segmentsVersion !== builtFrom) {
        road = buildRoadGraph(view.segments());
        builtFrom = view.segmentsVersion;
      }
      const speeds = { get: view.speedOf };
      const candidates = recommendUnits(road, speeds, incident, view.units(), 12).map((r) => ({ ...r, via: r.via.slice(0, 5) }));
      return { incidentId, candidates, computedMs: performance.now() - started };
    },
  };
}
