import { useTranslation } from 'react-i18next';
import type { Language } from '@core/ipc/contract';

/** The UI language currently active in i18next. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'de';
}
