import { locale } from '../i18n';

export { shortId } from '../../shared/domain';

/** Time of day in the current language (24-hour). */
export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(locale(), { hour12: false });
}

/** Date and time in the current language; Thai shows the Buddhist era. */
export function dateTime(ms: number): string {
  return new Date(ms).toLocaleString(locale(), { hour12: false, dateStyle: 'medium', timeStyle: 'medium' });
}

export function ageText(now: number, at: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
