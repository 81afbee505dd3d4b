import type { Messages } from '../messages';

/** In-app reminder notices (browser mode). */
export const noticesEn: Messages['notices'] = {
  close: 'Dismiss this notice (Esc)',
};
