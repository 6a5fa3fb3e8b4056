import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../shared/contract';
import type { Incident, OutboxEntry } from '../../shared/domain';
import { shortId } from '../../shared/domain';
import { useBridge, useConsole } from '../store/context';
import { selectUnits } from '../store/selectors';
import { clock } from '../ui/format';
import type { Sop } from '../sop/sops';
import { sopWords } from '../sop/sops';
import { useSops } from '../sop/useSops';
import { describeAction } from './ActionLog';

interface Line {
  at: number;
  actor: string;
  text: string;
  /** This console did it. */
  mine?: boolean;
}

/** A call taken here: the line, the caller and the place, in the window's language. */
function createdText(t: TFunction, e: TimelineEvent): string {
  const p = e.params ?? {};
  const line = p['line'] === 'other' || p['line'] === undefined ? t('calltaker.lines.other') : p['line'];
  const caller = [p['caller'], p['phone']].filter(Boolean).join(', ');
  return [t('timeline.created', { line }), caller && t('timeline.caller', { caller }), p['place'], e.text].filter(Boolean).join(' · ');
}

/** One of this console's actions, with where its delivery is now. */
function actionText(t: TFunction, e: TimelineEvent, own: OutboxEntry[], sops: readonly Sop[], lang: 'en' | 'th'): string {
  const entry = own.find((o) => o.actionId === e.params?.['actionId']);
  const what = entry ? describeAction(t, entry, sops, lang) : t(`actions.kinds.${e.params?.['action'] ?? 'note'}`);
  return entry ? `${what} · ${t(`actions.states.${entry.state}`)}` : what;
}

/**
 * Everything that happened to the incident, oldest first, each with its time and who: the report,
 * status changes and units seen from the platform, unit arrivals, notes, and this console's own actions
 * ("from this console"). The core keeps the record (journal.db), so it is the same after a restart.
 */
export function Timeline({ incident, own }: { incident: Incident; own: OutboxEntry[] }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const units = useConsole(selectUnits);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const sops = useSops();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  // This console's actions and their delivery: the timeline is read again when either moves on.
  const ownKey = own.map((e) => `${e.actionId}:${e.state}`).join(',');
  useEffect(() => {
    let live = true;
    void bridge['incident:timeline']({ incidentId: incident.id }).then((timeline) => live && setEvents(timeline.events), () => undefined);
    return () => {
      live = false;
    };
  }, [bridge, incident, ownKey]);
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
        case 'created':
          return { at: e.at, actor: e.actor, text: createdText(t, e), mine: true };
        case 'sop': {
          const words = sopWords(sops, e.params?.['sop'] ?? '', e.params?.['item'] ?? '', lang);
          return { at: e.at, actor: e.actor, text: t(e.to === 'checked' ? 'timeline.sopChecked' : 'timeline.sopUnchecked', words), mine: true };
        }
        case 'action':
          return { at: e.at, actor: e.actor, text: actionText(t, e, own, sops, lang), mine: true };
      }
    }),
  ].sort((a, b) => a.at - b.at);
  return (
    <section className="timeline" aria-label={t('incidents.timeline')}>
      <h4>{t('incidents.timeline')}</h4>
      <ol>
        {lines.map((line, k) => (
          <li key={k}>
            <span className="action-time">{clock(line.at)}</span> <span className="timeline-actor">{line.actor}</span> {line.text}
            {line.mine && <span className="timeline-mine muted"> · {t('timeline.fromHere')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
