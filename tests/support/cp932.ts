/**
 * A CP932 (Windows-31J) encoder for test fixtures and benchmarks. Node has no Shift_JIS encoder, and
 * the decoder the importer uses is the WHATWG "shift_jis" table, so the reverse table is built from
 * that very decoder: whatever this writes decodes back to the same text.
 */
let table: Map<number, number> | undefined;

function reverseTable(): Map<number, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('shift_jis');
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];
  for (const lead of leads) {
    for (const trail of trails) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      const code = ch.codePointAt(0)!;
      // Keep the first (NEC row 13 before IBM extensions), as Windows does for most characters.
      if (ch.length === 1 && code !== 0xfffd && !table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  for (let b = 0xa1; b <= 0xdf; b++) table.set(0xff61 + (b - 0xa1), b);
  // Windows' best-fit mapping: the yen sign and overline are written as the ASCII bytes shown that way.
  table.set(0xa5, 0x5c);
  table.set(0x203e, 0x7e);
  return table;
}

function* range(from: number, to: number) {
  for (let i = from; i <= to; i++) yield i;
}

/** Encodes text as CP932; characters CP932 cannot hold become "?" (as Windows does). */
export function encodeCp932(text: string): Buffer {
  const map = reverseTable();
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const bytes = map.get(code);
    if (bytes === undefined) {
      out[n++] = 0x3f;
    } else if (bytes < 0x100) {
      out[n++] = bytes;
    } else {
      out[n++] = bytes >> 8;
      out[n++] = bytes & 0xff;
    }
  }
  return out.subarray(0, n);
}
