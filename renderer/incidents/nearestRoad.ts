import CheapRuler from 'cheap-ruler';
import type { LonLat, RoadSegmentState } from '../../shared/domain';

const ruler = new CheapRuler(7.9, 'meters');

/** The named road nearest a position, and how far: "where exactly" for the dispatcher. */
export function nearestRoad(segments: readonly RoadSegmentState[], position: LonLat): { name: string; metres: number } | null {
  let best: { name: string; metres: number } | null = null;
  for (const segment of segments) {
    if (!segment.name || segment.path.length < 2) continue;
    const { point } = ruler.pointOnLine(segment.path.map(([lon, lat]) => [lon, lat]), [position[0], position[1]]);
    const metres = ruler.distance([position[0], position[1]], point);
    if (!best || metres < best.metres) best = { name: segment.name, metres };
  }
  return best;
}
