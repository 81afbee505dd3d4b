import type { ShellText } from './shell-text';

/** The shell in Japanese, the app's default language: worded exactly as the shell has always been. */
export const ja: ShellText = {
  locale: 'ja-JP',
  menu: {
    app: {
      about: 'Torihiki について',
      hide: 'Torihiki を隠す',
      hideOthers: 'ほかを隠す',
      unhide: 'すべてを表示',
      quit: 'Torihiki を終了',
    },
    file: { label: 'ファイル', closeWindow: 'ウインドウを閉じる', quit: '終了' },
    edit: {
      label: '編集',
      undo: '元に戻す',
      redo: 'やり直す',
      cut: '切り取り',
      copy: 'コピー',
      paste: '貼り付け',
      selectAll: 'すべてを選択',
    },
    view: {
      label: '表示',
      reload: '再読み込み',
      resetZoom: '実際のサイズ',
      zoomIn: '拡大',
      zoomOut: '縮小',
      fullScreen: '全画面表示',
      devTools: '開発者ツール',
    },
    window: { label: 'ウインドウ', minimize: '最小化', front: 'すべてを手前に移動', close: '閉じる' },
  },
  tray: {
    open: '開く',
    quit: '終了',
    due: (appName, count) => `${appName}（期限の来た対応 ${count}件）`,
  },
  dialogs: {
    buttons: { quit: '終了', showFolder: 'フォルダを開く', restoreAndStart: 'バックアップから復元して起動' },
    openFailure: {
      db_not_torihiki: {
        message: 'このファイルは Torihiki のデータではないため、開けません。',
        advice: '別のアプリのファイルか、Torihiki のデータではないファイルが置かれています。',
      },
      db_corrupt: {
        message: 'データファイルが壊れているため、開けません。',
        advice: '最新のバックアップから復元してください。',
      },
      db_newer: {
        message: 'このデータは新しいバージョンの Torihiki で保存されているため、開けません。',
        advice: 'Torihiki を最新版に更新してから、もう一度起動してください。',
      },
      db_unwritable: {
        message: 'データの保存先に書き込めないため、開けません。',
        advice: 'フォルダの権限や、ディスクの空き容量を確認してください。',
      },
    },
    unknownFailure: {
      message: 'データを開けませんでした。',
      advice: 'もう一度起動してみてください。解決しない場合は、下の詳細をお知らせください。',
    },
    untouched: 'ファイルは変更も削除もしていません。',
    location: (path) => `場所: ${path}`,
    backup: (file) => `バックアップ: ${file}`,
    details: (reason) => `詳細: ${reason}`,
    backendStopped: {
      message: 'Torihiki の処理が止まってしまったため、終了します。',
      advice: 'もう一度起動してください。直前の操作は保存されていない可能性があります。',
    },
    restoreOffer: {
      advice: (when) =>
        when
          ? `最新の正常なバックアップ（${when}）に戻して起動できます。`
          : '最新の正常なバックアップに戻して起動できます。',
      warning: 'それ以降の変更は失われます。壊れたファイルは「復元前の控え」として残し、削除しません。',
    },
    noBackup: [
      '正常なバックアップが見つかりませんでした。バックアップを別の場所に保存している場合は、',
      'そのファイルを `torihiki restore` で復元してください。',
    ],
    restoreFailed: {
      message: 'バックアップから復元できませんでした。',
      advice: 'データファイルは元の状態のままです。もう一度起動するか、コマンドで復元してください:',
    },
    startupFailed: '起動できませんでした。',
  },
};
