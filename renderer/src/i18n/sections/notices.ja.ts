/** In-app reminder notices (browser mode). */
export const noticesJa = {
  close: 'このお知らせを消す（Esc）',
};
