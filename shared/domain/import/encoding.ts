import { issue, type ImportIssue } from './issues';

/** Encodings marketplace exports come in. `cp932` is Windows-31J (Shift_JIS with NEC/IBM extensions). */
export const textEncodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'cp932', 'euc-jp'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Warnings such as undecodable bytes replaced by U+FFFD. */
  issues: ImportIssue[];
}

const SNIFF_BYTES = 64 * 1024;

/** WHATWG labels: 'shift_jis' is the Windows-31J table, which is what CP932 files need. */
const decoderLabel: Record<TextEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  cp932: 'shift_jis',
  'euc-jp': 'euc-jp',
};

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return new TextDecoder(decoderLabel[encoding], { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes or many control characters near the start mean this is not a text export (xlsx, zip, image). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls > Math.max(8, n / 100);
}

/** Only spaces and line breaks (an "empty" export saved by Excel). */
function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/**
 * Detects the encoding (BOM, then strict UTF-8, then CP932, then EUC-JP) and decodes. A file that
 * decodes only with a few bad bytes is accepted with a warning naming how many were replaced;
 * anything else is refused with a clear reason. `forced` skips detection (the user picked one).
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  forced?: TextEncoding,
): DecodedText | ImportIssue {
  const at = { file };
  let start = 0;
  let bomEncoding: TextEncoding | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [start, bomEncoding] = [3, 'utf-8-bom'];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [start, bomEncoding] = [2, 'utf-16le'];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [start, bomEncoding] = [2, 'utf-16be'];
  const body = bytes.subarray(start);

  if (isBlank(body)) return issue('file_empty', 'The file is empty.', at);
  const encoding = forced ?? bomEncoding;
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && looksBinary(body)) {
    return issue(
      'file_binary',
      'The file is not a CSV or text export (it contains binary data). Save it as CSV and try again.',
      at,
    );
  }

  if (encoding) {
    const strict = tryDecode(body, encoding);
    if (strict !== null) return { text: strict, encoding, issues: [] };
    return lenient(body, encoding, file);
  }

  const utf8 = tryDecode(body, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', issues: [] };
  const sjis = tryDecode(body, 'cp932');
  if (sjis !== null) return { text: sjis, encoding: 'cp932', issues: [] };
  const euc = tryDecode(body, 'euc-jp');
  if (euc !== null) return { text: euc, encoding: 'euc-jp', issues: [] };
  return lenient(body, 'cp932', file);
}

function lenient(body: Uint8Array, encoding: TextEncoding, file: string): DecodedText | ImportIssue {
  const text = new TextDecoder(decoderLabel[encoding]).decode(body);
  const replaced = countReplacements(text);
  // A handful of broken bytes (a cut-off character, one odd symbol) should not block a whole export.
  if (replaced <= Math.max(3, text.length / 1000)) {
    return {
      text,
      encoding,
      issues: [
        issue(
          'encoding_replaced',
          `${replaced} character(s) could not be read as ${encoding} and were replaced with "\uFFFD".`,
          { file },
          { count: replaced, encoding },
          'warning',
        ),
      ],
    };
  }
  return issue(
    'encoding_unknown',
    'The text encoding of the file could not be recognised (tried UTF-8, Shift_JIS/CP932 and EUC-JP).',
    { file },
  );
}
