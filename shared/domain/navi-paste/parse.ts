import { asText, sanitizeText } from '../text/clean';
import { toKatakana } from '../text/kana';
import { normalizeName } from '../text/name';
import { isJapanesePhoneNumber, normalizePhone } from '../text/phone';
import { normalizePostalCode } from '../text/postal';
import { parseYen } from '../text/yen';
import {
  isPostalOnly,
  looksLikeAddressBody,
  looksLikeAddressContinuation,
  looksLikeAddressStart,
  normalizeAddressDashes,
  parseAddressLines,
  startsWithPrefecture,
} from './address';
import type { ParsedAddress } from './address';
import { findDateParts, resolveDate, tokyoYear } from './dates';
import type { DateParts } from './dates';
import { classifyStatusLine, STATUS_RANK } from './status';
import {
  NAVI_PASTE_EXPECTED_FIELDS,
  NAVI_PASTE_FIELD_ORDER,
  NAVI_PASTE_MAX_CHARS,
  type NaviEvent,
  type NaviPasteFields,
  type NaviPasteResult,
  type NaviStatus,
  type NaviPasteNote,
} from './types';

type LabelField =
  | 'name'
  | 'kana'
  | 'address'
  | 'postal'
  | 'phone'
  | 'delivery'
  | 'fee'
  | 'status'
  | 'price'
  | 'auctionId'
  | 'title'
  | 'buyerId'
  | 'endedAt';

/**
 * Label wordings seen on 取引ナビ and in sellers' own copies, most specific first: when a field is labelled twice,
 * the earlier wording in its list wins (お届け先住所 over a bare 住所).
 */
const LABELS: Record<LabelField, readonly string[]> = {
  name: [
    'お届け先氏名',
    '送付先氏名',
    '落札者氏名',
    '受取人氏名',
    '氏名',
    'お名前',
    '名前',
    '受取人',
    '宛名',
  ],
  kana: ['フリガナ', 'ふりがな', 'よみがな', '氏名カナ', 'カナ'],
  address: ['お届け先住所', '送付先住所', '配送先住所', '住所', 'お届け先', '送付先', '配送先'],
  postal: ['郵便番号'],
  phone: [
    'お届け先電話番号',
    '電話番号',
    '連絡先電話番号',
    '携帯電話番号',
    '携帯電話',
    '携帯番号',
    '電話',
    'TEL',
    'Tel',
    'tel',
  ],
  delivery: ['お届け方法', '配送方法', '発送方法'],
  fee: ['送料'],
  status: ['取引の状況', '取引状況', '取引ステータス', '取引の状態'],
  price: ['落札価格', '落札金額', '落札額', '金額'],
  auctionId: ['オークションID', 'オークション ID', '商品ID'],
  title: ['商品名', 'タイトル', '商品タイトル'],
  buyerId: ['落札者ID', '落札者 ID', '落札者'],
  endedAt: ['終了日時', '落札日時', '終了日', '落札日'],
};

interface LabelSpec {
  label: string;
  field: LabelField;
  priority: number;
}

// Longest first, so 落札者氏名 is not read as 落札者 + "氏名…".
const LABEL_SPECS: readonly LabelSpec[] = (Object.entries(LABELS) as [LabelField, readonly string[]][])
  .flatMap(([field, labels]) => labels.map((label, priority) => ({ label, field, priority })))
  .sort((a, b) => b.label.length - a.label.length);

// Buttons and links that sit between a label and its value in a select-all copy.
const NOISE_LINES: ReadonlySet<string> = new Set([
  'コピー',
  'コピーする',
  '住所をコピー',
  '変更',
  '変更する',
  '編集',
  '編集する',
  '詳細',
  '詳細を見る',
  'ヘルプ',
  '地図',
  '地図を見る',
  '閉じる',
  '開く',
  'もっと見る',
  '表示',
  '非表示',
  '印刷',
  '?',
  '>',
]);

// Sections about the seller (our own address); buyer fields inside them are not the buyer's.
// Only a heading alone on its line opens a seller section, so a menu link such as "出品者情報を見る" does not.
const SELLER_SECTION = /^(?:出品者情報|出品者の情報|発送元|発送元情報|差出人|ご依頼主|あなたの情報)\s*:?$/;
const BUYER_SECTION = /^(?:落札者|お届け|購入者|取引情報|送付先|配送先)/;
// Headings that end the 取引の状況 block.
const STATUS_BLOCK_END = /^(?:取引メッセージ|メッセージ|落札者情報|出品者情報|商品情報|お届け先情報)/;
const BUYER_FIELDS: ReadonlySet<LabelField> = new Set(['name', 'kana', 'address', 'postal', 'phone']);

// Page headings that can sit above the auction ID when the title was not copied.
const PAGE_CHROME = /^(?:取引ナビ|取引メッセージ|取引情報|商品情報|ヤフオク|Yahoo|マイ・オークション|ヘルプ)/;

// A line that can only be a person's name: letters (kanji, kana, latin), 々, ー and single spaces, 2–25 long.
const BARE_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-z々ー][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-z々ー・ ]{1,24}$/u;
// Words of the page itself, which a name never contains.
const PAGE_WORDS =
  /情報|方法|取引|お届け|連絡|落札|出品|メッセージ|ヘルプ|ヤフオク|オークション|評価|送料|支払|発送|コピー|地図|住所|電話|詳細|変更|確認|ログ/;

const DECORATION = /^[■□●○◆◇◎・*※★☆▼▽▶>〇]+\s*/;
const OPEN_BRACKET = /^[【[]\s*/;
const CLOSE_BRACKET = /^\s*[】\]]/;
const QUALIFIER = /^\s*\(([^()]{0,20})\)/;
const KANA_QUALIFIER = /カナ|かな|フリガナ|ふりがな|よみ/;
const KANA_ONLY = /^[\p{Script=Katakana}\p{Script=Hiragana}ー・ ]+$/u;
const MAX_VALUE = 300;

interface LabelMatch {
  field: LabelField;
  priority: number;
  /** Text after the label and its separator; '' when the value is on a following line. */
  value: string;
}

function matchLabel(line: string): LabelMatch | null {
  const body = line.replace(DECORATION, '').replace(OPEN_BRACKET, '');
  for (const spec of LABEL_SPECS) {
    if (!body.startsWith(spec.label)) continue;
    let rest = body.slice(spec.label.length);
    // "【氏名】山田": the closing bracket separates label and value as a colon would.
    let bracketed = CLOSE_BRACKET.test(rest);
    rest = rest.replace(CLOSE_BRACKET, '');
    let field = spec.field;
    const qualifier = QUALIFIER.exec(rest);
    if (qualifier) {
      // 氏名(フリガナ) is the reading; 落札価格(税込) and 電話番号(日中) are the field itself.
      if (field === 'name' && KANA_QUALIFIER.test(qualifier[1] ?? '')) field = 'kana';
      rest = rest.slice(qualifier[0].length);
      bracketed ||= CLOSE_BRACKET.test(rest);
      rest = rest.replace(CLOSE_BRACKET, '');
    }
    let value: string;
    const colon = /^\s*:\s*/.exec(rest);
    if (rest.trim() === '') value = '';
    else if (bracketed) value = rest.replace(/^\s*:/, '').trim();
    else if (colon) value = rest.slice(colon[0].length).trim();
    else if (/^\s/.test(rest)) value = rest.trim();
    // A value glued to its label ("TEL09012345678", "住所〒1234567東京都…") only when it cannot be a longer word.
    else if (/^[\d〒¥\\+]/.test(rest) || startsWithPrefecture(rest)) value = rest.trim();
    else continue;
    return { field, priority: spec.priority, value };
  }
  return null;
}

interface Line {
  text: string;
  label: LabelMatch | null;
  inSellerSection: boolean;
}

/** NFKC, one entry per non-empty line; table cells copied with TABs become lines of their own. */
function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let inSellerSection = false;
  for (const raw of sanitizeText(text)
    .normalize('NFKC')
    .split(/\r\n|[\r\n\u2028\u2029]|\t+/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    const bare = line.replace(DECORATION, '').replace(OPEN_BRACKET, '');
    if (SELLER_SECTION.test(bare)) inSellerSection = true;
    else if (BUYER_SECTION.test(bare)) inSellerSection = false;
    lines.push({ text: line, label: matchLabel(line), inSellerSection });
  }
  return lines;
}

class Paste {
  readonly fields: NaviPasteFields = {};
  readonly warnings: string[] = [];
  readonly notes: NaviPasteNote[] = [];
  private readonly inferredYears = new Set<number>();
  private addressSpan: { start: number; end: number } | null = null;
  private badPostalCode: string | undefined;

  constructor(
    private readonly lines: readonly Line[],
    private readonly now: Date,
  ) {}

  warn(note: NaviPasteNote): void {
    const message = warningText(note);
    if (this.warnings.includes(message)) return;
    this.warnings.push(message);
    this.notes.push(note);
  }

  /** Label hits for a field, best wording first, then top to bottom. */
  private hits(field: LabelField): { index: number; label: LabelMatch }[] {
    const found: { index: number; label: LabelMatch }[] = [];
    this.lines.forEach((line, index) => {
      if (line.label?.field !== field) return;
      if (line.inSellerSection && BUYER_FIELDS.has(field)) return;
      found.push({ index, label: line.label });
    });
    return found.sort((a, b) => a.label.priority - b.label.priority || a.index - b.index);
  }

  /** The label's own value, or the first following line that is neither a button nor another label. */
  private valueOf(index: number, label: LabelMatch): { text: string; index: number } | null {
    if (label.value !== '') return label.value.length <= MAX_VALUE ? { text: label.value, index } : null;
    for (let j = index + 1; j < Math.min(this.lines.length, index + 4); j += 1) {
      const line = this.lines[j] as Line;
      if (NOISE_LINES.has(line.text)) continue;
      if (line.label !== null) return null;
      return line.text.length <= MAX_VALUE ? { text: line.text, index: j } : null;
    }
    return null;
  }

  /** Tries each labelled value in turn until `read` accepts one; warnings only if none was accepted. */
  private readField(
    field: LabelField,
    read: (text: string, index: number) => NaviPasteNote | '' | null,
  ): boolean {
    const problems: NaviPasteNote[] = [];
    for (const { index, label } of this.hits(field)) {
      const value = this.valueOf(index, label);
      if (value === null) continue;
      const problem = read(value.text, value.index);
      if (problem === null) return true;
      if (problem !== '') problems.push(problem);
    }
    problems.forEach((p) => this.warn(p));
    return false;
  }

  // ---- dates -------------------------------------------------------------------------------------------------

  private resolve(parts: DateParts): string | null {
    if (!Number.isFinite(this.now.getTime()) && parts.year === undefined) {
      this.warn({ code: 'clock_invalid' });
      return null;
    }
    const resolved = resolveDate(parts, this.now);
    if (!resolved.ok) {
      this.warn({ code: 'date_unreadable', text: parts.text });
      return null;
    }
    if (resolved.inferred && resolved.year !== tokyoYear(this.now)) this.inferredYears.add(resolved.year);
    if (resolved.distant) {
      this.warn({ code: 'leap_day', month: parts.month, day: parts.day, year: resolved.year });
    }
    return resolved.iso;
  }

  finishDates(): void {
    if (this.inferredYears.size === 0) return;
    this.warn({ code: 'year_inferred', years: [...this.inferredYears].sort((a, b) => a - b) });
  }

  // ---- buyer -------------------------------------------------------------------------------------------------

  readName(): void {
    const found = this.readField('name', (text, index) => {
      const name = this.acceptName(text);
      if (name === null) return '';
      this.fields.buyerName = name.name;
      if (name.kana !== undefined) this.fields.buyerKana = name.kana;
      else this.kanaOnNextLine(index);
      return null;
    });
    if (!found) this.nameNearAddress();
  }

  private acceptName(text: string): { name: string; kana?: string } | null {
    let kana: string | undefined;
    // "山田 太郎(ヤマダ タロウ) 様": the reading in brackets belongs in buyerKana.
    const withoutKana = text.replace(/\(([^()]{1,40})\)/, (whole, inner: string) => {
      const k = this.acceptKana(inner);
      if (k === null) return whole;
      kana = k;
      return ' ';
    });
    const name = normalizeName(withoutKana);
    if (name === '' || name.length > 60 || NOISE_LINES.has(name) || !/\p{L}/u.test(name)) return null;
    if (matchLabel(name) !== null || looksLikeAddressStart(name)) return null;
    return kana === undefined ? { name } : { name, kana };
  }

  private acceptKana(text: string): string | null {
    const kana = normalizeName(text.replace(/^\(|\)$/g, ''));
    if (kana === '' || kana.length > 60 || !KANA_ONLY.test(kana)) return null;
    return toKatakana(kana);
  }

  private kanaOnNextLine(index: number): void {
    const next = this.lines[index + 1];
    if (next === undefined || next.label !== null) return;
    const kana = this.acceptKana(next.text);
    if (kana !== null) this.fields.buyerKana = kana;
  }

  readKana(): void {
    if (this.fields.buyerKana !== undefined) return;
    this.readField('kana', (text) => {
      const kana = this.acceptKana(text);
      if (kana === null) return '';
      this.fields.buyerKana = kana;
      return null;
    });
  }

  /**
   * The bare お届け先 box has no 氏名 label. First choice: a "山田 太郎 様" line near the address. Second: a line
   * right before or after the address that can only be a name (letters and spaces, no digits, no page words);
   * that one is a guess and the seller is told so.
   */
  private nameNearAddress(): void {
    if (this.addressSpan === null) return;
    const { start, end } = this.addressSpan;
    const textAt = (i: number): string => {
      const line = this.lines[i];
      if (line === undefined || line.inSellerSection || (i >= start && i <= end)) return '';
      return line.label?.field === 'address' ? line.label.value : line.label === null ? line.text : '';
    };
    for (let i = Math.max(0, start - 3); i <= end + 3; i += 1) {
      const text = textAt(i);
      if (!/(?:様|さま|殿)$/.test(text) || text.length > 40 || /\d|落札者|出品者|お客|各位|皆/.test(text))
        continue;
      if (this.takeName(text, i)) return;
    }
    for (const i of [start - 1, end + 1]) {
      const text = textAt(i);
      if (!BARE_NAME.test(text) || PAGE_WORDS.test(text) || classifyStatusLine(text, false) !== null)
        continue;
      if (this.takeName(text, i)) {
        this.warn({ code: 'name_guessed', name: this.fields.buyerName ?? '' });
        return;
      }
    }
  }

  private takeName(text: string, index: number): boolean {
    const name = this.acceptName(text);
    if (name === null) return false;
    this.fields.buyerName = name.name;
    if (name.kana !== undefined) this.fields.buyerKana = name.kana;
    else this.kanaOnNextLine(index);
    return true;
  }

  readAddress(): void {
    const found = this.readField('address', (text, index) => {
      // お届け先 is also the heading of a box that starts with the name: such a value is not an address.
      if (!looksLikeAddressStart(text) && !looksLikeAddressBody(text)) return '';
      return this.takeAddress(index, text) ? null : '';
    });
    if (found) return;
    // No usable label: the first line starting with 〒 anchors the address.
    const anchor = this.lines.findIndex((l) => !l.inSellerSection && /^[〒〶〠]\s*\d/.test(l.text));
    if (anchor >= 0) this.takeAddress(anchor, (this.lines[anchor] as Line).text);
  }

  /** Reads the address starting at line `index` (whose address text is `first`) and the lines continuing it. */
  private takeAddress(index: number, first: string): boolean {
    const parts = [first];
    let end = index;
    for (let j = index + 1, skipped = 0; j < this.lines.length && parts.length < 4; j += 1) {
      const line = this.lines[j] as Line;
      if (NOISE_LINES.has(line.text)) {
        if ((skipped += 1) > 2) break;
        continue;
      }
      if (line.label !== null) break;
      const after = parts[parts.length - 1] as string;
      const fits = isPostalOnly(after)
        ? looksLikeAddressStart(line.text) || looksLikeAddressBody(line.text)
        : looksLikeAddressContinuation(line.text) && !/^[〒〶〠]/.test(line.text);
      if (!fits) break;
      parts.push(line.text);
      end = j;
    }
    const address = parseAddressLines(parts);
    if (address.badPostalCode !== undefined) this.badPostalCode ??= address.badPostalCode;
    if (address.address1 === undefined && address.postalCode === undefined) return false;
    this.applyAddress(address);
    this.addressSpan = { start: index, end };
    return true;
  }

  private applyAddress(address: ParsedAddress): void {
    const { postalCode, prefecture, address1, address2 } = address;
    if (postalCode !== undefined) this.fields.postalCode = postalCode;
    if (prefecture !== undefined) this.fields.prefecture = prefecture;
    if (address1 !== undefined) this.fields.address1 = address1;
    if (address2 !== undefined) this.fields.address2 = address2;
    if (address1 !== undefined && prefecture === undefined) {
      this.warn({ code: 'no_prefecture' });
    }
  }

  readPostalCode(): void {
    if (this.fields.postalCode === undefined) this.readPostalLabel();
    // Only now: a 郵便番号 line elsewhere may have given the code that the address's 〒 got wrong.
    if (this.fields.postalCode === undefined && this.badPostalCode !== undefined) {
      this.warn({ code: 'postal_code_invalid', text: this.badPostalCode });
    }
  }

  private readPostalLabel(): void {
    this.readField('postal', (text) => {
      const token = /^[〒〶〠]?\s*[\d\s-]+/.exec(normalizeAddressDashes(text))?.[0] ?? text;
      const code = normalizePostalCode(token);
      if (code === null) return { code: 'postal_code_invalid', text: text.slice(0, 20) };
      this.fields.postalCode = code;
      return null;
    });
  }

  readPhone(): void {
    const found = this.readField('phone', (text) => {
      const phone = extractPhone(text);
      if (phone === null) return /\d/.test(text) ? { code: 'phone_invalid', text: text.slice(0, 20) } : '';
      this.fields.phone = phone;
      return null;
    });
    if (found || this.addressSpan === null) return;
    // The bare お届け先 box: a number alone on its line just after (or before) the address.
    const from = Math.max(0, this.addressSpan.start - 3);
    const to = Math.min(this.lines.length - 1, this.addressSpan.end + 4);
    for (let i = from; i <= to; i += 1) {
      const line = this.lines[i] as Line;
      if (line.label !== null || line.inSellerSection) continue;
      const text = line.text.replace(/^(?:TEL|Tel|tel|電話|☎)\s*:?\s*/, '');
      if (!/^[+(]?\d[\d\s()+-]{8,20}$/.test(normalizeAddressDashes(text))) continue;
      const phone = extractPhone(text);
      if (phone !== null) {
        this.fields.phone = phone;
        return;
      }
    }
  }

  // ---- deal --------------------------------------------------------------------------------------------------

  readDelivery(): void {
    this.readField('delivery', (text) => {
      const feeAt = text.search(/送料|[¥\\]?\d[\d,]*\s*円/);
      const method = (feeAt >= 0 ? text.slice(0, feeAt) : text).replace(/[\s(:,、/・-]+$/, '').trim();
      if (method === '' || method.length > 100 || NOISE_LINES.has(method)) return '';
      this.fields.deliveryMethod = method;
      if (feeAt >= 0) {
        const fee = parseFee(text.slice(feeAt));
        if (fee !== null) this.fields.shippingFee = fee;
      }
      return null;
    });
    if (this.fields.shippingFee !== undefined) return;
    this.readField('fee', (text) => {
      const fee = parseFee(text);
      if (fee === null) return '';
      this.fields.shippingFee = fee;
      return null;
    });
  }

  readPrice(): void {
    this.readField('price', (text) => {
      const price = extractYen(text);
      if (price === null) return '';
      this.fields.price = price;
      return null;
    });
  }

  readAuctionId(): void {
    const found = this.readField('auctionId', (text) => {
      const id = /(?<![A-Za-z0-9])([A-Za-z]?\d{8,11})(?![0-9])/.exec(text)?.[1];
      if (id === undefined) return '';
      this.fields.auctionId = id.toLowerCase();
      return null;
    });
    if (found) return;
    // The page address, when it was copied along: …?aid=x123456789 or …/auction/x123456789.
    for (const line of this.lines) {
      const id = /(?:[?&]aid=|\/auction\/)([A-Za-z]?\d{8,11})(?![0-9])/.exec(line.text)?.[1];
      if (id !== undefined) {
        this.fields.auctionId = id.toLowerCase();
        return;
      }
    }
  }

  readTitle(): void {
    const found = this.readField('title', (text) => {
      if (text.length > 200 || NOISE_LINES.has(text)) return '';
      this.fields.title = text;
      return null;
    });
    if (found) return;
    // 取引ナビ shows the title unlabelled, right above "オークションID: …"; take it only from there.
    const idLine = this.lines.findIndex((l) => l.label?.field === 'auctionId');
    const above = this.lines[idLine - 1];
    if (idLine <= 0 || above === undefined || above.label !== null) return;
    const text = above.text;
    if (text.length < 4 || text.length > 200 || NOISE_LINES.has(text) || PAGE_CHROME.test(text)) return;
    this.fields.title = text;
  }

  readBuyerId(): void {
    this.readField('buyerId', (text) => {
      const token = text.split(/[\s(]/)[0]?.replace(/(?:さん|様)$/, '') ?? '';
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/.test(token)) return '';
      this.fields.buyerId = token;
      return null;
    });
  }

  readEndedAt(): void {
    this.readField('endedAt', (text) => {
      const parts = findDateParts(text);
      if (parts === null) return '';
      const iso = this.resolve(parts);
      if (iso === null) return '';
      this.fields.endedAt = iso;
      return null;
    });
  }

  // ---- status ------------------------------------------------------------------------------------------------

  readStatus(): void {
    const seen: NaviStatus[] = [];
    const events: NaviEvent[] = [];
    const blockLines = new Set<number>();
    let unreadable: string | undefined;

    for (const { index, label } of this.hits('status')) {
      const block: number[] = [];
      if (label.value !== '') block.push(index);
      for (let j = index + 1; j < Math.min(this.lines.length, index + 21); j += 1) {
        const line = this.lines[j] as Line;
        if (line.label !== null || STATUS_BLOCK_END.test(line.text) || line.text.length > 120) break;
        block.push(j);
      }
      let readAny = false;
      const texts = new Map(block.map((j) => [j, j === index ? label.value : (this.lines[j] as Line).text]));
      // Rows copied as two lines put the date after the text or before it; the block's first line tells which.
      const firstRow = block.find((j) => {
        const text = texts.get(j) ?? '';
        return isDateOnly(text) || classifyStatusLine(text, true) !== null;
      });
      const dateFirst = firstRow !== undefined && isDateOnly(texts.get(firstRow) ?? '');
      const claimed = new Set<number>();
      for (const j of block) {
        blockLines.add(j);
        const text = texts.get(j) ?? '';
        const kind = classifyStatusLine(text, true);
        if (kind === null) continue;
        readAny = true;
        seen.push(kind);
        let parts = findDateParts(text);
        if (parts === null) {
          const neighbour = dateFirst ? j - 1 : j + 1;
          const neighbourText = texts.get(neighbour);
          if (neighbourText !== undefined && !claimed.has(neighbour) && isDateOnly(neighbourText)) {
            claimed.add(neighbour);
            parts = findDateParts(neighbourText);
          }
        }
        const at = parts === null ? null : this.resolve(parts);
        if (at !== null) events.push({ kind, at });
      }
      if (!readAny && unreadable === undefined) {
        const first = label.value !== '' ? label.value : this.lines[block[0] ?? -1]?.text;
        if (first !== undefined) unreadable = first.slice(0, 30);
      }
    }

    // Outside the block (or with no 取引の状況 label copied): a cancellation notice anywhere, and dated
    // history rows such as "・落札者から支払い完了の連絡がありました。 12月26日 13時 21分".
    this.lines.forEach((line, j) => {
      if (blockLines.has(j) || line.text.length > 120) return;
      const kind = classifyStatusLine(line.text, false);
      if (kind === null) return;
      const parts = findDateParts(line.text);
      if (kind !== 'cancelled' && parts === null) return;
      seen.push(kind);
      const at = parts === null ? null : this.resolve(parts);
      if (at !== null) events.push({ kind, at });
    });

    const status = strongest(seen);
    if (status !== undefined) this.fields.status = status;
    else if (unreadable !== undefined) this.warn({ code: 'status_unreadable', text: unreadable });

    const unique = new Map(events.map((e) => [`${e.kind}@${e.at}`, e]));
    if (unique.size > 0) this.fields.events = [...unique.values()].sort((a, b) => a.at.localeCompare(b.at));
  }
}

/** "20,000" without Intl, whose first use costs tens of milliseconds. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A line that is nothing but a date: the date cell of a status row. */
function isDateOnly(text: string): boolean {
  const parts = findDateParts(text);
  return parts !== null && text.replace(parts.text, '').trim() === '';
}

function strongest(seen: readonly NaviStatus[]): NaviStatus | undefined {
  if (seen.includes('cancelled')) return 'cancelled';
  let best: Exclude<NaviStatus, 'cancelled'> | undefined;
  for (const s of seen) {
    if (s === 'cancelled') continue;
    if (best === undefined || STATUS_RANK[s] > STATUS_RANK[best]) best = s;
  }
  return best;
}

/** The first phone-number-looking run in a value ("090-1234-5678（日中）"), if it is a plausible number. */
function extractPhone(text: string): string | null {
  const run = /\+?\(?\d[\d()\s-]{7,20}\d/.exec(normalizeAddressDashes(text))?.[0];
  if (run === undefined) return null;
  const phone = normalizePhone(run);
  return isJapanesePhoneNumber(phone) ? phone : null;
}

const YEN_TOKEN = /[¥\\]\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,])|(?:\d{1,3}(?:,\d{3})+|\d+)\s*円/;

/** The first amount marked with ¥ or 円 ("1,500円（税0円）" → 1500), or a value that is only a number. */
function extractYen(text: string): number | null {
  const token = YEN_TOKEN.exec(text)?.[0];
  if (token !== undefined) return parseYen(token);
  return /^\d[\d,]*$/.test(text.trim()) ? parseYen(text) : null;
}

/**
 * 送料 text: 0 when the buyer pays nothing on top (送料無料, 送料込み, 出品者負担), else the amount
 * ("230円（落札者負担）" → 230); null when paid to the carrier on delivery (着払い) or not stated.
 */
function parseFee(text: string): number | null {
  const value = text.replace(/^送料\s*:?\s*/, '');
  if (/着払い/.test(value)) return null;
  // A bare 込み is the whole value "込み", never the 税込 of "1,000円(税込)".
  if (/無料|送料込|出品者負担/.test(text) || /^[\s(]*込み?[\s)]*$/.test(value)) return 0;
  return extractYen(value);
}

/**
 * Reads the text a seller copied from a ヤフオク! 取引ナビ page (select-all + copy: menus, buttons and blank lines
 * included) into deal fields. Tolerant by design: labels in any of their wordings, value on the same line (after
 * spaces, a TAB or a colon) or on the next, full-width digits, odd spacing, CR/LF/CRLF. It never throws; what it
 * cannot read is listed in `missing` and explained in `warnings`. Dates on the page have no year: it is inferred
 * from `now` (see {@link resolveDate}). Only the first {@link NAVI_PASTE_MAX_CHARS} characters are read.
 */
export function parseNaviPaste(text: string, now: Date): NaviPasteResult {
  let input = asText(text);
  const early: NaviPasteNote[] = [];
  if (input.length > NAVI_PASTE_MAX_CHARS) {
    input = input.slice(0, NAVI_PASTE_MAX_CHARS);
    // Drop the line the cut went through: half an address is worse than none.
    const lastBreak = Math.max(input.lastIndexOf('\n'), input.lastIndexOf('\r'));
    if (lastBreak > 0) input = input.slice(0, lastBreak);
    early.push({ code: 'too_long', maxChars: NAVI_PASTE_MAX_CHARS });
  }
  const validNow = now instanceof Date ? now : new Date(Number.NaN);
  const paste = new Paste(toLines(input), validNow);
  early.forEach((w) => paste.warn(w));

  if (input.trim() === '') {
    paste.warn({ code: 'empty' });
  } else {
    // Address first: the name and phone fallbacks look around it.
    paste.readAddress();
    paste.readPostalCode();
    paste.readName();
    paste.readKana();
    paste.readPhone();
    paste.readDelivery();
    paste.readAuctionId();
    paste.readTitle();
    paste.readPrice();
    paste.readBuyerId();
    paste.readEndedAt();
    paste.readStatus();
    paste.finishDates();
  }

  // Rebuilt in form order, so the result reads (and serialises) the same way whatever was found first.
  const fields: NaviPasteFields = {};
  const recognised = NAVI_PASTE_FIELD_ORDER.filter((k) => paste.fields[k] !== undefined);
  for (const k of recognised) Object.assign(fields, { [k]: paste.fields[k] });
  const missing = NAVI_PASTE_EXPECTED_FIELDS.filter((k) => fields[k] === undefined);
  // Only when nothing else explains the empty result: a warning about a bad value already does.
  if (recognised.length === 0 && input.trim() !== '' && paste.notes.every((n) => early.includes(n))) {
    paste.warn({ code: 'nothing_found' });
  }
  return { fields, recognised, missing, warnings: paste.warnings, notes: paste.notes };
}

/** A warning in Japanese, the parser's own language (the UI words the codes itself in English). */
export function warningText(note: NaviPasteNote): string {
  switch (note.code) {
    case 'too_long':
      return `貼り付けた文章が長すぎます（先頭の${withThousands(note.maxChars)}文字だけを読み取りました）`;
    case 'empty':
      return '貼り付けた文章が空です';
    case 'nothing_found':
      return '取引ナビの項目が見つかりませんでした。取引ナビのページを全選択してコピーし、貼り付けてください';
    case 'clock_invalid':
      return '現在の日時が正しくないため、年のない日付を読み取れませんでした';
    case 'date_unreadable':
      return `日付を読み取れませんでした（「${note.text}」）`;
    case 'leap_day':
      return `${note.month}月${note.day}日は直近のうるう年（${note.year}年）の日付として読み取りました。年を確認してください`;
    case 'year_inferred':
      return `日付の年を推定しました（${note.years.map((y) => `${y}年`).join('・')}）`;
    case 'name_guessed':
      return `氏名の欄が見つからないため「${note.name}」を氏名としました。確認してください`;
    case 'no_prefecture':
      return '住所に都道府県が見つかりません。住所を確認してください';
    case 'postal_code_invalid':
      return `郵便番号が7桁ではありません（「${note.text}」）`;
    case 'phone_invalid':
      return `電話番号の桁数が正しくありません（「${note.text}」）`;
    case 'status_unreadable':
      return `取引の状況を読み取れませんでした（「${note.text}」）`;
  }
}
