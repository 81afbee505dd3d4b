import type { MenuItemConstructorOptions } from 'electron';

/**
 * A deliberately small menu: quitting, the edit commands (without them copy and paste shortcuts
 * do not work on macOS), zoom for small screens and older eyes, and developer tools only in an
 * unpackaged build. Labels are set explicitly so they are Japanese whatever the OS language.
 */
export function buildAppMenuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
}): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Torihiki',
      submenu: [
        { role: 'about', label: 'Torihiki について' },
        { type: 'separator' },
        { role: 'hide', label: 'Torihiki を隠す' },
        { role: 'hideOthers', label: 'ほかを隠す' },
        { role: 'unhide', label: 'すべてを表示' },
        { type: 'separator' },
        { role: 'quit', label: 'Torihiki を終了' },
      ],
    });
  }
  template.push(
    {
      label: 'ファイル',
      submenu: [mac ? { role: 'close', label: 'ウインドウを閉じる' } : { role: 'quit', label: '終了' }],
    },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直す' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべてを選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        { role: 'reload', label: '再読み込み' },
        { type: 'separator' },
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全画面表示' },
        ...(options.isPackaged
          ? []
          : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: '開発者ツール' } as const]),
      ],
    },
    {
      label: 'ウインドウ',
      submenu: [
        { role: 'minimize', label: '最小化' },
        mac ? { role: 'front', label: 'すべてを手前に移動' } : { role: 'close', label: '閉じる' },
      ],
    },
  );
  return template;
}
