import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, MISSING_PARAM } from '@core/i18n/index';
import type { Language } from '@core/ipc/contract';

/** A fresh i18next instance over the core catalogs, synchronously initialised. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      de: { translation: catalogs.de },
      en: { translation: catalogs.en },
    },
    lng: language,
    fallbackLng: 'de',
    initAsync: false,
    // React escapes; i18next escaping would show entities like &quot; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Never show a raw {{placeholder}} (i18next keeps it by default); say so while developing.
    missingInterpolationHandler: (text: string, match: RegExpExecArray) => {
      if (import.meta.env.DEV) console.warn(`Leadwerk: ${match[0]} missing in "${text}"`);
      return MISSING_PARAM;
    },
  });
  return instance;
}

/** `?lang=en|de` in the page URL, if given. */
export function languageFromUrl(search: string): Language | null {
  const lang = new URLSearchParams(search).get('lang');
  return lang === 'de' || lang === 'en' ? lang : null;
}
