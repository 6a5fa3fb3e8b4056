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

const unit = (value: number, unitName: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(locale(), { style: 'unit', unit: unitName, unitDisplay: 'short' }).format(value);

/** How long ago, in the current language through Intl ("5 min", "5 นาที"). */
export function ageText(now: number, at: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return unit(Math.floor(s / 60), 'minute');
  return `${unit(Math.floor(s / 3600), 'hour')} ${unit(Math.floor((s % 3600) / 60), 'minute')}`;
}

const displayName = (type: 'language' | 'region', code: string): string => {
  try {
    return new Intl.DisplayNames([locale()], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    // Not a well-formed code: shown as it came.
    return code;
  }
};

/** A caller's language by name in the current language (BCP 47 tag in, "Russian" / "รัสเซีย" out). */
export const languageName = (tag: string): string => displayName('language', tag);

/** A country by name in the current language (ISO 3166-1 alpha-2 in); anything else is shown as it came. */
export const countryName = (code: string): string => (/^[A-Za-z]{2}$/.test(code) ? displayName('region', code.toUpperCase()) : code);
