import { useEffect, useRef } from 'react';
import type { Incident } from '../../shared/domain';
import { useConsole } from '../store/context';
import { selectIncidents, selectSoundOn } from '../store/selectors';

/** A short two-tone chime from WebAudio: no sound file to ship, and it plays offline. */
function chime(): void {
  const audio = new AudioContext();
  for (const [i, freq] of [880, 660].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.15, audio.currentTime + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.18 + 0.16);
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + i * 0.18);
    osc.stop(audio.currentTime + i * 0.18 + 0.17);
  }
  setTimeout(() => void audio.close(), 600);
}

/** When each incident was first listed by this window (for the "new" highlight), and a chime for new ones if wanted. */
export function useNewIncidentAlert(): ReadonlyMap<string, number> {
  const incidents = useConsole(selectIncidents);
  const soundOn = useConsole(selectSoundOn);
  const firstSeen = useRef(new Map<string, number>());
  const primed = useRef(false);
  useEffect(() => {
    const now = Date.now();
    const arrivals: Incident[] = [];
    for (const incident of incidents.values()) {
      if (firstSeen.current.has(incident.id)) continue;
      firstSeen.current.set(incident.id, primed.current ? now : 0);
      if (primed.current && incident.status === 'new') arrivals.push(incident);
    }
    if (incidents.size > 0) primed.current = true;
    if (soundOn && arrivals.length > 0) chime();
  }, [incidents, soundOn]);
  return firstSeen.current;
}
