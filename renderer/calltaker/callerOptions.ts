import { CallLine } from '../../shared/domain';

/** The languages Phuket's callers speak most (Thai, English, and the largest tourist groups), as BCP 47 tags. */
export const CALLER_LANGUAGES = ['th', 'en', 'ru', 'zh', 'de', 'fr', 'ja', 'ko', 'hi', 'ar', 'ms', 'my', 'it', 'es', 'sv', 'nl', 'he', 'kk', 'uk', 'pl'] as const;

/** Their countries, ISO 3166-1 alpha-2. */
export const CALLER_COUNTRIES = ['TH', 'RU', 'CN', 'IN', 'GB', 'DE', 'AU', 'US', 'KR', 'JP', 'FR', 'MY', 'SG', 'KZ', 'IL', 'SE', 'NL', 'IT', 'MM', 'UA', 'PL'] as const;

export const CALL_LINES = CallLine.options;

/** "7.8961, 98.2963" (lat, lon, as people say them) → [lon, lat]; null when it is not two numbers in range. */
export function parseCoordinates(text: string): [number, number] | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const lat = Number(match[1]);
  const lon = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : null;
}

export const formatCoordinates = ([lon, lat]: readonly [number, number]): string => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
