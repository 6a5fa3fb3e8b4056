import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Incident } from '../../../shared/domain';
import { SEVERITY_STYLE } from './colors';
import type { IconAtlas } from './iconAtlas';
import { LOCAL_LOAD_OPTIONS } from './localFetch';
import { incidentIconName } from './iconAtlas';

export interface IncidentLayerInput {
  incidents: readonly Incident[];
  atlas: IconAtlas;
  selectedId: string | null;
  /** 0..1, advanced by the map's animation clock; drives the ring around new incidents. */
  pulse: number;
  visible: boolean;
  /** Unacknowledged past their severity's time: drawn with a thick red-and-white outline. */
  escalated?: ReadonlySet<string>;
}

const OPEN: ReadonlySet<Incident['status']> = new Set(['new', 'acknowledged', 'dispatched', 'on-scene']);
const DARK: [number, number, number, number] = [11, 17, 24, 255];

/** Incidents: a disc sized and coloured by severity with the type's symbol on it, and a pulse for new ones. */
export function createIncidentLayers(input: IncidentLayerInput): Layer[] {
  const open = input.incidents.filter((i) => OPEN.has(i.status));
  const fresh = open.filter((i) => i.status === 'new');
  return [
    new ScatterplotLayer<Incident>({
      id: 'incident-pulse',
      data: fresh,
      visible: input.visible,
      radiusUnits: 'pixels',
      stroked: true,
      filled: false,
      getPosition: (i) => i.position,
      getRadius: (i) => SEVERITY_STYLE[i.severity].radiusPx + 6 + input.pulse * 14,
      getLineColor: (i) => {
        const [r, g, b] = SEVERITY_STYLE[i.severity].color;
        return [r, g, b, Math.round(220 * (1 - input.pulse))];
      },
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      updateTriggers: { getRadius: input.pulse, getLineColor: input.pulse },
    }),
    new ScatterplotLayer<Incident>({
      id: 'incidents',
      data: open,
      visible: input.visible,
      pickable: true,
      radiusUnits: 'pixels',
      stroked: true,
      getPosition: (i) => i.position,
      getRadius: (i) => SEVERITY_STYLE[i.severity].radiusPx + (i.id === input.selectedId ? 4 : 0),
      getFillColor: (i) => SEVERITY_STYLE[i.severity].color,
      getLineColor: (i) => (i.id === input.selectedId ? [255, 255, 255, 255] : input.escalated?.has(i.id) ? [255, 40, 40, 255] : DARK),
      lineWidthUnits: 'pixels',
      getLineWidth: (i) => 2 + SEVERITY_STYLE[i.severity].rings * 1.5 + (input.escalated?.has(i.id) ? 3 : 0),
      updateTriggers: { getRadius: input.selectedId, getLineColor: [input.selectedId, input.escalated], getLineWidth: input.escalated },
    }),
    new IconLayer<Incident>({
      id: 'incident-symbols',
      data: open,
      visible: input.visible,
      iconAtlas: input.atlas.url,
      loadOptions: LOCAL_LOAD_OPTIONS,
      iconMapping: input.atlas.mapping,
      getIcon: (i) => incidentIconName(i.type),
      getPosition: (i) => i.position,
      getSize: (i) => SEVERITY_STYLE[i.severity].radiusPx * 1.3,
      sizeUnits: 'pixels',
      getColor: DARK,
    }),
  ];
}
