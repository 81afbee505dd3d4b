/** データの書き出し while it runs: progress in parts, cancelling, the saved file (Japanese, the source). */
export const dataExportJa = {
  preparing: '書き出しの準備をしています…',
  progress: '{{done}} / {{total}} 行',
  progressLabel: '書き出しの進み具合',
  running: '書き出しています…',
  hint: '件数が多いと時間がかかります。終わるまでこの画面を開いたままにしてください。',
  cancel: '中止',
  cancelled: '書き出しを中止しました。ファイルは保存していません。',
  saved: '「{{name}}」を保存しました（{{n}}行）。',
};
