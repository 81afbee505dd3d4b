import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../../../shared/contract';
import { en } from './en';
import { ja } from './ja';
import type { Messages } from './messages';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

/**
 * One i18next instance for the whole renderer. Resources are bundled (no fetching: the CSP allows
 * no remote origin and the app must work offline). The stored language arrives later from
 * settings.get; until then the UI speaks Japanese, the product's first language.
 */
export function initI18n(): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { ja: { translation: ja }, en: { translation: en } },
      lng: 'ja',
      fallbackLng: 'ja',
      supportedLngs: [...languages],
      // React already escapes text; escaping twice would show &amp; in names like "A&B雑貨".
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
    });
  }
  return i18n;
}

export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ja';
}

export { i18n };
