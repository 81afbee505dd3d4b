/** Japanese-aware text normalisation shared by search, customer matching, validation and the importers. */
export { asText, sanitizeText, toWellFormed, stripVariationSelectors, DASH_CLASS } from './clean';
export { normalizeWidth } from './width';
export { toHiragana, toKatakana, normalizeKana } from './kana';
export { normalizePhone, formatPhone, isJapanesePhoneNumber } from './phone';
export { normalizePostalCode, formatPostalCode } from './postal';
export { PREFECTURES, isPrefecture, splitPrefecture } from './prefecture';
export type { Prefecture, PrefectureSplit } from './prefecture';
export { stripHonorifics, normalizeName } from './name';
export { parseYen, MAX_YEN } from './yen';
export type { ParseYenOptions } from './yen';
