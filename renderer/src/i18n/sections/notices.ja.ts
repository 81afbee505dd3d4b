/** In-app reminder notices (browser mode). */
export const noticesJa = {
  close: 'この通知を閉じる（Esc）',
};
