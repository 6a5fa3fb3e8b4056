import type { PickingInfo } from '@deck.gl/core';
import i18next from 'i18next';
import { z } from 'zod';
import { BUS_STALE_MS, Bus, CitizenReport, Incident, RoadSegmentState, shortId, Unit, Warning } from '../../shared/domain';
import { currentLanguage } from '../i18n';
import { warningHeadline } from './layers/warningLayers';
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
    case 'warning-areas': {
      const w = WarningPick.safeParse(object);
      if (!w.success) return null;
      const t = i18next.t;
      const warning = w.data.warning;
      const until = warning.expiresAt === null ? t('warnings.noExpiry') : t('warnings.expires', { time: new Date(warning.expiresAt).toLocaleString() });
      const mark = warning.status === 'Actual' ? t(`warnings.severity.${warning.severity}`) : `${t(`warnings.status.${warning.status}`)} · ${t('warnings.notActual')}`;
      return { text: `${warningHeadline(warning, currentLanguage())}\n${mark} · ${until}` };
    }
    case 'buses': {
      const b = Bus.safeParse(object);
      if (!b.success) return null;
      const t = i18next.t;
      const route = t(`buses.routes.${b.data.routeId ?? 'other'}`, { defaultValue: b.data.routeId ?? t('buses.routes.other') });
      const age = Date.now() - b.data.observedAt;
      const stale = age > BUS_STALE_MS ? `\n${t('buses.stale', { age: `${Math.round(age / 1000)} s` })}` : '';
      return { text: `${b.data.label ?? b.data.id}\n${t('buses.route', { route })}${b.data.speedKmh === null ? '' : ` · ${t('buses.speed', { kmh: Math.round(b.data.speedKmh) })}`}${stale}` };
    }
    case 'reports': {
      const r = CitizenReport.safeParse(object);
      if (!r.success) return null;
      const t = i18next.t;
      const category = r.data.categoryText ?? t(`reports.category.${r.data.category}`);
      return { text: `${category} · ${t(`reports.status.${r.data.status}`)}\n${r.data.description.slice(0, 120)}${r.data.incidentId ? `\n${t('reports.linked', { id: shortId(r.data.incidentId) })}` : ''}` };
    }
    default:
      return null;
  }
}

const WarningPick = z.object({ warning: Warning });

/** A citizen report under the pointer, by id: a report is this window's own pick, not a shared selection. */
export function reportPicked(info: PickingInfo): string | null {
  const picked = Picked.safeParse(info.object);
  return picked.success && info.layer?.id === 'reports' ? picked.data.id : null;
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
