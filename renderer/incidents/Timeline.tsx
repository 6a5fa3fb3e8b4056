import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../shared/contract';
import type { Incident, OutboxEntry } from '../../shared/domain';
import { shortId } from '../../shared/domain';
import { useBridge, useConsole } from '../store/context';
import { selectUnits } from '../store/selectors';
import { clock } from '../ui/format';
import { describeAction } from './ActionLog';

interface Line {
  at: number;
  actor: string;
  text: string;
}

/**
 * Everything that happened to the incident, oldest first, each with its time and who: the report,
 * status changes and units seen from the platform, unit arrivals, notes, and this console's own actions.
 */
export function Timeline({ incident, own }: { incident: Incident; own: OutboxEntry[] }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const units = useConsole(selectUnits);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  useEffect(() => {
    let live = true;
    void bridge['incident:timeline']({ incidentId: incident.id }).then((timeline) => live && setEvents(timeline.events), () => undefined);
    return () => {
      live = false;
    };
  }, [bridge, incident]);
  const actor = (a: string) => (a === 'platform' ? t('timeline.platform') : a);
  const lines: Line[] = [
    ...events.map((e): Line => {
      switch (e.kind) {
        case 'reported':
          return { at: e.at, actor: shortId(actor(e.actor)), text: `${t('timeline.reported')}${e.text ? `: ${e.text}` : ''}` };
        case 'status':
          return { at: e.at, actor: actor(e.actor), text: t('timeline.status', { from: t(`status.${e.from ?? 'new'}`), to: t(`status.${e.to ?? 'new'}`) }) };
        case 'assigned':
          return { at: e.at, actor: actor(e.actor), text: t('timeline.assigned', { units: (e.text ?? '').split(', ').map((id) => units.get(id)?.callsign ?? shortId(id)).join(', ') }) };
        case 'arrived':
          return { at: e.at, actor: e.actor, text: t('timeline.arrived', { unit: e.actor }) };
        case 'note':
          return { at: e.at, actor: e.actor, text: t('timeline.note', { text: e.text ?? '' }) };
      }
    }),
    ...own.map((e): Line => ({ at: e.createdAt, actor: e.actor.name, text: `${describeAction(t, e)} · ${t(`actions.states.${e.state}`)}` })),
  ].sort((a, b) => a.at - b.at);
  return (
    <section className="timeline" aria-label={t('incidents.timeline')}>
      <h4>{t('incidents.timeline')}</h4>
      <ol>
        {lines.map((line, k) => (
          <li key={k}>
            <span className="action-time">{clock(line.at)}</span> <span className="timeline-actor">{line.actor}</span> {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
