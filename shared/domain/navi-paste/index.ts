/** "Paste from 取引ナビ": ヤフオク! individual sellers have no order CSV, so the deal is read from copied page text. */
export { parseNaviPaste, warningText } from './parse';
export {
  NAVI_STATUSES,
  NAVI_PASTE_EXPECTED_FIELDS,
  NAVI_PASTE_FIELD_ORDER,
  NAVI_PASTE_MAX_CHARS,
} from './types';
export type {
  NaviEvent,
  NaviPasteField,
  NaviPasteFields,
  NaviPasteNote,
  NaviPasteNoteCode,
  NaviPasteResult,
  NaviStatus,
} from './types';
export { findDateParts, resolveDate, CLOCK_SKEW_MS } from './dates';
export type { DateParts, ResolvedDate } from './dates';
