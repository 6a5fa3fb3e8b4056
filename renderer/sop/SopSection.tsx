import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../shared/contract';
import { mayPerform } from '../../shared/domain';
import type { Incident } from '../../shared/domain';
import { act } from '../incidents/act';
import { roleOf } from '../incidents/IncidentActions';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectOutbox, selectProfile } from '../store/selectors';
import { checkedItems, sopsFor } from './sops';
import { useSops } from './useSops';

/** The incident's standard operating procedures as checklists; each check is an audited action shown in the timeline. */
export function SopSection({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const role = roleOf(useConsole(selectProfile));
  const outbox = useConsole(selectOutbox);
  const sops = useSops();
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  useEffect(() => {
    let live = true;
    void bridge['incident:timeline']({ incidentId: incident.id }).then((timeline) => live && setEvents(timeline.events), () => undefined);
    return () => {
      live = false;
    };
  }, [bridge, incident, outbox]);
  const applicable = sopsFor(incident, sops);
  if (applicable.length === 0) return null;
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const may = mayPerform(role, { kind: 'sop-check' }) && incident.status !== 'closed';
  return (
    <section className="sop-section" aria-label={t('sop.region')}>
      {applicable.map((sop) => {
        const checked = checkedItems(events, sop.id);
        return (
          <fieldset key={sop.id}>
            <legend>
              {t('sop.title', { title: sop.title[lang], version: sop.version })} · {t('sop.progress', { done: sop.items.filter((i) => checked.has(i.id)).length, total: sop.items.length })}
            </legend>
            <ol>
              {sop.items.map((item) => (
                <li key={item.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={checked.has(item.id)}
                      disabled={!may}
                      onChange={(e) => void act(bridge, store, { kind: 'sop-check', incidentId: incident.id, sopId: sop.id, version: sop.version, itemId: item.id, checked: e.target.checked })}
                    />
                    {item.text[lang]}
                  </label>
                </li>
              ))}
            </ol>
          </fieldset>
        );
      })}
    </section>
  );
}
