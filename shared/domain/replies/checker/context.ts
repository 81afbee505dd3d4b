import type { TemplatePurpose } from '../purposes';
import type { ReplyChannel } from './channels';

/**
 * What the checker knows beyond the draft. A deal reply passes `{ complaint: false }`; a case page
 * passes the case's facts (when it was logged, whether options were offered yet).
 */
export interface ReplyContext {
  /** A reply to a complaint: apology, next step and demands are checked. */
  complaint: boolean;
  /** Options (refund, exchange, re-shipment...) were already offered on the case. */
  optionsOffered?: boolean;
  /** When the complaint was logged; with `now`, tells whether the reply is late. */
  caseLoggedAt?: string | Date | null;
  now?: Date;
  channel?: ReplyChannel;
  /** The template used, when known: after-care messages expect no apology or next date. */
  purpose?: TemplatePurpose | null;
}

export interface Bilingual {
  ja: string;
  en: string;
}

export type FindingSeverity = 'error' | 'warning';

/** One problem in a draft. Offsets are JavaScript string indices into the draft (start inclusive). */
export interface ReplyFinding {
  rule: string;
  severity: FindingSeverity;
  start: number;
  end: number;
  message: Bilingual;
  suggestion?: Bilingual;
}
