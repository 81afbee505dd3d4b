import type { Messages } from '../messages';

/** English separators between short facts on one line; same keys as separators.ja.ts. */
export const separatorsEn: Messages['separators'] = {
  dot: ' · ',
  bar: ' | ',
  list: ', ',
  quoted: '"{{text}}"',
  named: '{{text}} "{{name}}"',
  aside: '{{text}} ({{aside}})',
  range: '–',
};
