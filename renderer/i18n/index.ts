import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { th } from './th';

export type Language = 'en' | 'th';
const STORAGE_KEY = 'phuket-console.language';

function remembered(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'th' ? 'th' : 'en';
  } catch {
    return 'en';
  }
}

/** i18next with both languages bundled (no loading at run time), starting in the operator's last choice. */
export async function setUpI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, th: { translation: th } },
    lng: remembered(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches at run time and remembers the choice for the next start. */
export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable (a locked-down profile); the switch still works for this session.
  }
}

export function currentLanguage(): Language {
  return i18next.language === 'th' ? 'th' : 'en';
}

/** Dates and times follow the language: Thai uses the Buddhist era. */
export function locale(language: Language = currentLanguage()): string {
  return language === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB';
}
