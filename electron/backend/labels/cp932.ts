/**
 * CP932 (Windows-31J) encoding for the carrier label CSVs. No encoder is installed, and the importer
 * decodes with the WHATWG "shift_jis" table, so the reverse table is built from that decoder: whatever
 * this writes, the importer (and Windows) read back as the same text.
 */
let table: Map<number, number> | undefined;

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}

function reverseTable(): Map<number, number> {
  if (table) return table;
  const built = new Map<number, number>();
  const decoder = new TextDecoder('shift_jis');
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
    for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      const code = ch.codePointAt(0)!;
      // The first pointer wins, as in the WHATWG encoder (NEC row 13 before the IBM extensions).
      if (ch.length === 1 && code !== 0xfffd && !built.has(code)) built.set(code, (lead << 8) | trail);
    }
  }
  for (let b = 0xa1; b <= 0xdf; b++) built.set(0xff61 + (b - 0xa1), b);
  table = built;
  return built;
}

/** The CP932 bytes of one character (a code point), or null when CP932 cannot hold it. */
export function cp932Code(codePoint: number): number | null {
  if (codePoint < 0x80) return codePoint;
  return reverseTable().get(codePoint) ?? null;
}

/**
 * True for characters the carriers' label software prints: ASCII, half-width katakana and JIS X 0208
 * (rows 1–8 and the 第一・第二水準 kanji). NEC specials (①, ㈱), IBM extensions (髙, 﨑) and user-defined
 * areas are CP932 but not JIS X 0208, and B2クラウド refuses them.
 */
export function isJisX0208(codePoint: number): boolean {
  const code = cp932Code(codePoint);
  if (code === null) return false;
  if (code < 0x100) return true;
  const lead = code >> 8;
  return (lead >= 0x81 && lead <= 0x84) || (lead >= 0x88 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea);
}

/** Bytes a character takes in CP932: the unit carriers count field lengths in ("半角" = 1, "全角" = 2). */
export function cp932Width(codePoint: number): number {
  const code = cp932Code(codePoint);
  return code !== null && code < 0x100 ? 1 : 2;
}

export function cp932Length(text: string): number {
  let n = 0;
  for (const ch of text) n += cp932Width(ch.codePointAt(0)!);
  return n;
}

/** Encodes text the label checks have already cleared; a character CP932 lacks is a programming error. */
export function encodeCp932(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const code = cp932Code(ch.codePointAt(0)!);
    if (code === null) throw new Error(`U+${ch.codePointAt(0)!.toString(16)} has no CP932 code`);
    if (code < 0x100) out[n++] = code;
    else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return out.subarray(0, n);
}

/**
 * For data exports: characters CP932 lacks (emoji, a lone surrogate) become "?", as Windows does, and are
 * counted. One pass straight into the bytes, ASCII first: an export part is megabytes of text, and building
 * a cleaned copy of it character by character first cost more memory than the part itself.
 */
export function encodeCp932Lossy(text: string): { bytes: Buffer; replaced: number } {
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  let replaced = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      out[n++] = unit;
      continue;
    }
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    const code = cp932Code(codePoint);
    if (code === null) {
      replaced++;
      out[n++] = 0x3f;
    } else if (code < 0x100) out[n++] = code;
    else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  // A copy of the bytes used, so the spare half of the buffer is not kept alive with them.
  return { bytes: Buffer.from(out.subarray(0, n)), replaced };
}
