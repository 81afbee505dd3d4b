import i18next from 'i18next';
import { en } from './en';
import { ja } from './ja';

/** For unit tests: the app's real messages, in each language, without React or the app's instance. */
const i18n = i18next.createInstance();
void i18n.init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: 'ja',
  initAsync: false,
  interpolation: { escapeValue: false },
});
export const tJa = i18n.getFixedT('ja');
export const tEn = i18n.getFixedT('en');
