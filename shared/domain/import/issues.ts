/**
 * Problems found while reading an import file. Each has a stable `code` and `params` so the UI can
 * word it in Japanese; `message` is the English wording (CLI, logs, tests).
 */
export const importIssueCodes = [
  // File level
  'file_empty',
  'file_binary',
  'file_too_large',
  'encoding_unknown',
  'encoding_replaced',
  'header_only',
  'header_missing',
  'columns_missing',
  'format_unknown',
  'formats_mixed',
  'files_incomplete',
  'too_many_rows',
  // Row level
  'quote_unclosed',
  'quote_malformed',
  'row_width',
  'row_short',
  'required',
  'too_long',
  'control_chars',
  'date_invalid',
  'amount_invalid',
  'amount_negative',
  'amount_too_large',
  'amount_fraction',
  'quantity_invalid',
  'postal_invalid',
  'phone_invalid',
  'email_invalid',
  'order_conflict',
  'items_missing',
  'too_many_items',
  'line_duplicate',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

export type IssueParams = Record<string, string | number>;

export interface ImportIssue {
  code: ImportIssueCode;
  severity: 'error' | 'warning';
  /** File the problem is in (several files can be imported together); null for the whole import. */
  file: string | null;
  /** 1-based physical line in the file (the header is line 1); null when it is about the whole file. */
  line: number | null;
  /** Header name of the offending column, as written in the file. */
  column: string | null;
  params: IssueParams;
  message: string;
}

export interface IssueAt {
  file?: string | null;
  line?: number | null;
  column?: string | null;
}

/** Builds an issue; keeps the call sites short and the shape uniform. */
export function issue(
  code: ImportIssueCode,
  message: string,
  at: IssueAt = {},
  params: IssueParams = {},
  severity: ImportIssue['severity'] = 'error',
): ImportIssue {
  return {
    code,
    severity,
    file: at.file ?? null,
    line: at.line ?? null,
    column: at.column ?? null,
    params,
    message,
  };
}

export const isError = (i: ImportIssue): boolean => i.severity === 'error';
