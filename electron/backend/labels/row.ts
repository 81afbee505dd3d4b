import type { LabelIssueDto } from '../../../shared/contract/shipping';
import { toLabelText } from './charset';
import { cp932Length, cp932Width } from './cp932';

/** How a carrier counts a field's length: CP932 bytes (半角 = 1, 全角 = 2) or characters. */
export type LengthUnit = 'bytes' | 'chars';

export interface FieldRule {
  max: number;
  unit: LengthUnit;
  required?: boolean;
  /** Free text such as an item name may be shortened (with a warning); a name or address never is. */
  overflow?: 'error' | 'truncate';
}

const measure = (text: string, unit: LengthUnit): number =>
  unit === 'bytes' ? cp932Length(text) : [...text].length;

function cut(text: string, max: number, unit: LengthUnit): [string, string] {
  let used = 0;
  let i = 0;
  const chars = [...text];
  for (; i < chars.length; i++) {
    const w = unit === 'bytes' ? cp932Width(chars[i]!.codePointAt(0)!) : 1;
    if (used + w > max) break;
    used += w;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}

/**
 * Collects one label's values and every problem found on the way, naming the carrier's column, so
 * the report says "deal X, お届け先住所: too long" before any file is written.
 */
export class LabelRow {
  readonly values: Record<string, string> = {};
  readonly issues: LabelIssueDto[] = [];

  constructor(private readonly subject: { dealId: number | null; externalId: string | null }) {}

  get ok(): boolean {
    return !this.issues.some((i) => i.severity === 'error');
  }

  issue(field: string, code: LabelIssueDto['code'], severity: LabelIssueDto['severity'], detail = ''): void {
    this.issues.push({ ...this.subject, field, code, severity, detail });
  }

  /** Checks the characters of a value; returns the printable text. */
  private clean(field: string, raw: string | null | undefined): string {
    const { text, replaced, invalid } = toLabelText(raw);
    if (invalid.length > 0) this.issue(field, 'charset', 'error', invalid.join(''));
    if (replaced.length > 0)
      this.issue(field, 'replaced', 'warning', replaced.map((r) => `${r.from}→${r.to}`).join(' '));
    return text;
  }

  /** A fixed value the format needs (a code, a date): no checks. */
  set(field: string, value: string): void {
    this.values[field] = value;
  }

  text(field: string, raw: string | null | undefined, rule: FieldRule): string {
    let text = this.clean(field, raw);
    if (text === '') {
      if (rule.required) this.issue(field, 'missing', 'error');
    } else if (measure(text, rule.unit) > rule.max) {
      if (rule.overflow === 'truncate') {
        text = cut(text, rule.max, rule.unit)[0];
        this.issue(field, 'truncated', 'warning', `${rule.max} ${rule.unit}`);
      } else {
        this.issue(field, 'too_long', 'error', `${rule.max} ${rule.unit}`);
      }
    }
    this.values[field] = text;
    return text;
  }

  /**
   * An address spread over the carrier's lines (each with its own limit): each part starts a line, and
   * a part too long for its line spills into the next. What still does not fit is an error on the first column.
   */
  lines(
    fields: readonly (readonly [string, number])[],
    parts: (string | null | undefined)[],
    rule: { unit: LengthUnit; required?: boolean },
  ): void {
    const first = fields[0]![0];
    const cleaned = parts.map((p) => this.clean(first, p)).filter((p) => p !== '');
    if (cleaned.length === 0 && rule.required) this.issue(first, 'missing', 'error');
    const out: string[] = [];
    let pending = [...cleaned];
    while (pending.length > 0 && out.length < fields.length) {
      const [head, rest] = cut(pending[0]!, fields[out.length]![1], rule.unit);
      out.push(head);
      pending = rest === '' ? pending.slice(1) : [rest, ...pending.slice(1)];
    }
    if (pending.length > 0) {
      const room = fields.reduce((n, [, max]) => n + max, 0);
      const total = cleaned.reduce((n, p) => n + measure(p, rule.unit), 0);
      this.issue(first, 'too_long', 'error', `${total} > ${room} ${rule.unit}`);
    }
    fields.forEach(([f], i) => (this.values[f] = out[i] ?? ''));
  }
}
