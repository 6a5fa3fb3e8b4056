import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../shared/domain';
import { useBridge, useConsole, useConsoleStore } from '../store/context';
import { selectIncidents } from '../store/selectors';
import { escalatedIds, newlyEscalated, sameIds } from './escalation';

/** One short falling tone, played once per escalation (never a loop): WebAudio, so nothing to ship and it works offline. */
function alarm(): void {
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.setValueAtTime(990, audio.currentTime);
    osc.frequency.exponentialRampToValueAtTime(440, audio.currentTime + 0.6);
    gain.gain.setValueAtTime(0.2, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.65);
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.7);
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No audio device: the row, the marker and the notification still say it.
  }
}

const notifications = (): typeof Notification | null => (typeof Notification === 'undefined' ? null : Notification);

/**
 * Watches for unacknowledged incidents past their severity's time (the core's policy): marks them in the store
 * (queue row, map marker), plays a sound once and shows a desktop notification for each new one. Permission is
 * asked for with a button, never on its own.
 */
export function EscalationWatch() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const store = useConsoleStore();
  const incidents = useConsole(selectIncidents);
  const policy = useConsole((s) => s.escalationPolicy);
  const [permission, setPermission] = useState(() => notifications()?.permission ?? 'denied');
  const [now, setNow] = useState(() => Date.now());
  const announced = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void bridge['escalation:policy']({}).then((p) => store.getState().setEscalationPolicy(p), () => undefined);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [bridge, store]);
  useEffect(() => {
    if (!policy) return;
    const next = escalatedIds(incidents.values(), policy, now);
    if (!sameIds(store.getState().escalated, next)) store.getState().setEscalated(next);
    const fresh = newlyEscalated(announced.current, next);
    announced.current = next;
    if (fresh.length === 0) return;
    alarm();
    const Notice = notifications();
    if (Notice?.permission !== 'granted') return;
    for (const id of fresh.slice(0, 3)) {
      const incident = incidents.get(id);
      if (!incident) continue;
      try {
        new Notice(t('escalation.title'), { body: t('escalation.body', { id: shortId(id), type: t(`types.${incident.type}`), severity: t(`severity.${incident.severity}`) }), tag: id });
      } catch {
        // A host that refuses notifications still shows the row and the marker.
      }
    }
  }, [incidents, policy, now, store, t]);
  if (permission !== 'default') return null;
  return (
    <button type="button" className="link" onClick={() => void notifications()?.requestPermission().then(setPermission, () => setPermission('denied'))}>
      {t('escalation.allow')}
    </button>
  );
}
