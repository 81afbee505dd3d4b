import type { Messages } from '../messages';

/** English separators between short facts on one line; same keys as separators.ja.ts. */
export const separatorsEn: Messages['separators'] = {
  dot: ' · ',
  bar: ' | ',
};
