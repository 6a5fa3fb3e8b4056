import type { PickingInfo } from '@deck.gl/core';
import i18next from 'i18next';
import { z } from 'zod';
import { Incident, RoadSegmentState, shortId, Unit } from '../../shared/domain';
import type { Selection } from '../store/selectionSlice';

const kmh = (v: number) => `${Math.round(v)} km/h`;

/** Hover text for whatever is under the pointer. Picked objects are checked against the domain schemas, not cast. */
export function tooltipFor(info: PickingInfo): { text: string } | null {
  const object: unknown = info.object;
  if (!object || !info.layer) return null;
  switch (info.layer.id) {
    case 'traffic': {
      const s = RoadSegmentState.safeParse(object);
      if (!s.success) return null;
      const free = s.data.freeFlowKmh ? ` of ${kmh(s.data.freeFlowKmh)} free flow` : '';
      return { text: `${s.data.name ?? 'Road segment'}\n${kmh(s.data.speedKmh)}${free}${s.data.congested ? '\ncongested' : ''}` };
    }
    case 'units': {
      const u = Unit.safeParse(object);
      if (!u.success) return null;
      const t = i18next.t;
      return { text: `${u.data.callsign} · ${t(`agency.${u.data.agency}`)}\n${t(`unitStatus.${u.data.status}`)}${u.data.station ? `\n${t('unit.station', { station: u.data.station })}` : ''}\n${kmh(u.data.speedKmh)}` };
    }
    case 'incidents': {
      const i = Incident.safeParse(object);
      if (!i.success) return null;
      const t = i18next.t;
      return {
        text: `${shortId(i.data.id)} · ${t(`types.${i.data.type}`)} · ${t(`severity.${i.data.severity}`)}\n${t(`status.${i.data.status}`)}${i.data.district ? ` · ${i.data.district}` : ''}\n${i.data.description.slice(0, 120)}`,
      };
    }
    default:
      return null;
  }
}

const Picked = z.object({ id: z.string() });

/** What a click selects: incidents and units, by id. */
export function selectionFor(info: PickingInfo): Selection {
  const picked = Picked.safeParse(info.object);
  if (!picked.success || !info.layer) return null;
  if (info.layer.id === 'incidents') return { kind: 'incident', id: picked.data.id, from: 'map' };
  if (info.layer.id === 'units') return { kind: 'unit', id: picked.data.id, from: 'map' };
  return null;
}
