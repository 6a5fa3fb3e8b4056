import { PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { RoadSegmentState } from '../../../shared/domain';
import { trafficColor } from './colors';

export interface TrafficLayerInput {
  /** Segment geometry; its identity changes only when segments appear or go, so paths are not rebuilt per update. */
  segments: readonly RoadSegmentState[];
  /** Latest state per segment id; bumping `version` recolours without re-tessellating. */
  latest: ReadonlyMap<string, RoadSegmentState>;
  version: number;
  visible: boolean;
}

/** Road segments coloured by speed relative to free flow. Pure: same input, same layers. */
export function createTrafficLayers(input: TrafficLayerInput): Layer[] {
  return [
    new PathLayer<RoadSegmentState>({
      id: 'traffic',
      data: input.segments,
      visible: input.visible,
      pickable: true,
      widthUnits: 'pixels',
      getWidth: 4,
      widthMinPixels: 2,
      capRounded: true,
      jointRounded: true,
      getPath: (s) => s.path,
      getColor: (s) => {
        const now = input.latest.get(s.id) ?? s;
        return trafficColor(now.speedKmh, now.freeFlowKmh, now.congested);
      },
      updateTriggers: { getColor: input.version },
    }),
  ];
}
