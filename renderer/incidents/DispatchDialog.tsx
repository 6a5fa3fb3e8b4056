import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recommendations } from '../../shared/contract';
import { mayPerform, shortId } from '../../shared/domain';
import type { Incident } from '../../shared/domain';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectProfile } from '../store/selectors';
import { act } from './act';
import { roleOf } from './IncidentActions';

/**
 * Dispatch: available units of the right agencies, fastest first by ETA over the roads at live speeds,
 * with the distance and the way. Enter sends the top one (or those chosen with Space); Esc backs out.
 * An operator proposes instead: the proposal is a note the supervisor sees.
 */
export function DispatchDialog({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const profile = useConsole(selectProfile);
  const role = roleOf(profile);
  const supervisor = mayPerform(role, { kind: 'dispatch' });
  // A role that may neither dispatch nor propose (a viewer) sees the ranking but can send nothing.
  const mayPropose = mayPerform(role, { kind: 'note' });
  const [result, setResult] = useState<Recommendations | null>(null);
  const [cursor, setCursor] = useState(0);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    void bridge['dispatch:recommend']({ incidentId: incident.id }).then(setResult, (error: unknown) => store.getState().setActionError(String(error)));
  }, [bridge, incident.id, store]);
  useEffect(() => list.current?.focus(), [result]);
  const candidates = result?.candidates ?? [];
  const close = () => store.getState().setDialog(null);
  const send = async () => {
    const picked = chosen.size > 0 ? candidates.filter((c) => chosen.has(c.unitId)) : candidates.slice(cursor, cursor + 1);
    if (picked.length === 0 || !(supervisor || mayPropose)) return;
    const ok = supervisor
      ? await act(bridge, store, { kind: 'dispatch', incidentId: incident.id, unitIds: picked.map((c) => c.unitId) })
      : await act(bridge, store, { kind: 'note', incidentId: incident.id, text: `${t('actions.propose')}: ${picked.map((c) => c.callsign).join(', ')}` });
    if (ok) close();
  };
  const onKey = (e: KeyboardEvent) => {
    const move = (by: number) => setCursor((c) => Math.max(0, Math.min(candidates.length - 1, c + by)));
    if (e.key === 'ArrowDown' || e.key === 'j') move(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(-1);
    else if (e.key === ' ') {
      const id = candidates[cursor]?.unitId;
      if (id) setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
    } else if (e.key === 'Enter') void send();
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="modal-backdrop">
      <div className="panel modal dispatch-dialog" role="dialog" aria-modal="true" aria-label={t('dispatch.dialog')}>
        <h2>{t('dispatch.title', { id: shortId(incident.id), type: t(`types.${incident.type}`) })}</h2>
        {!supervisor && <p className="muted">{mayPropose ? t('dispatch.proposeHint') : t('actions.readOnly')}</p>}
        {result && candidates.length === 0 && <p>{t('dispatch.none')}</p>}
        <ul ref={list} role="listbox" aria-label={t('dispatch.dialog')} aria-multiselectable="true" tabIndex={0} onKeyDown={onKey} className="recommendations">
          {candidates.map((c, k) => (
            <li
              key={c.unitId}
              role="option"
              aria-label={c.callsign}
              aria-selected={chosen.has(c.unitId) || (chosen.size === 0 && k === cursor)}
              className={`recommendation${k === cursor ? ' cursor' : ''}${chosen.has(c.unitId) ? ' chosen' : ''}`}
              onClick={() => setCursor(k)}
              onDoubleClick={() => void send()}
            >
              <span className="rec-rank">{k + 1}</span>
              <span className="rec-callsign">{c.callsign}</span>
              <span className="rec-agency">{t(`agency.${c.agency}`)}</span>
              <span className="rec-eta">{t('dispatch.eta', { minutes: (c.etaSeconds / 60).toFixed(1) })}</span>
              <span className="rec-distance">{t('dispatch.distance', { km: (c.distanceMeters / 1000).toFixed(1) })}</span>
              <span className="rec-why">{c.mode === 'sea' ? t('dispatch.bySea', { kmh: Math.round(c.roadKmh) }) : t('dispatch.via', { roads: c.via.slice(0, 3).join(' → ') || '–', kmh: Math.round(c.roadKmh) })}</span>
            </li>
          ))}
        </ul>
        {result && <p className="muted">{t('dispatch.computed', { ms: result.computedMs.toFixed(0) })} {t('dispatch.sendTop')}</p>}
        <div className="button-row">
          {(supervisor || mayPropose) && (
            <button type="button" onClick={() => void send()}>
              {supervisor ? t('dispatch.send') : t('actions.propose')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('dispatch.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
