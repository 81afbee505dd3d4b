import { createTheme } from '@mantine/core';

/**
 * Japanese-first font stack. Only fonts installed on the PC: the CSP forbids remote fonts and the app
 * must work offline. The Japanese fonts come before the generic UI font on purpose: they carry Latin
 * glyphs too, so a label like "CSVを取り込む" is set in one font with one weight instead of bold
 * Latin next to regular kana (what happens when system-ui supplies the Latin and IPA Gothic, which
 * has no bold, supplies the kana). macOS: Hiragino; Windows: Yu Gothic UI / Meiryo; Linux: Noto CJK
 * or IPA Gothic. Without any of them Japanese would fall back to tofu boxes.
 */
const japaneseSans = [
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  'Meiryo',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  '"IPAPGothic"',
  '"IPAGothic"',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: japaneseSans,
  headings: { fontFamily: japaneseSans },
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Consolas, "IPAGothic", monospace',
  defaultRadius: 'md',
});
