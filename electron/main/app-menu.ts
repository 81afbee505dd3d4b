import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/contract/system';
import { DEFAULT_SHELL_LANGUAGE, shellText } from './text';

/**
 * A deliberately small menu: quitting, the edit commands (without them copy and paste shortcuts
 * do not work on macOS), zoom for small screens and older eyes, and developer tools only in an
 * unpackaged build. Labels are set explicitly so they are in the app's language whatever the OS
 * language; main rebuilds the menu when the seller changes it.
 */
export function buildAppMenuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  language?: Language;
}): MenuItemConstructorOptions[] {
  const { menu } = shellText(options.language ?? DEFAULT_SHELL_LANGUAGE);
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Torihiki',
      submenu: [
        { role: 'about', label: menu.app.about },
        { type: 'separator' },
        { role: 'hide', label: menu.app.hide },
        { role: 'hideOthers', label: menu.app.hideOthers },
        { role: 'unhide', label: menu.app.unhide },
        { type: 'separator' },
        { role: 'quit', label: menu.app.quit },
      ],
    });
  }
  template.push(
    {
      label: menu.file.label,
      submenu: [
        mac ? { role: 'close', label: menu.file.closeWindow } : { role: 'quit', label: menu.file.quit },
      ],
    },
    {
      label: menu.edit.label,
      submenu: [
        { role: 'undo', label: menu.edit.undo },
        { role: 'redo', label: menu.edit.redo },
        { type: 'separator' },
        { role: 'cut', label: menu.edit.cut },
        { role: 'copy', label: menu.edit.copy },
        { role: 'paste', label: menu.edit.paste },
        { role: 'selectAll', label: menu.edit.selectAll },
      ],
    },
    {
      label: menu.view.label,
      submenu: [
        { role: 'reload', label: menu.view.reload },
        { type: 'separator' },
        { role: 'resetZoom', label: menu.view.resetZoom },
        { role: 'zoomIn', label: menu.view.zoomIn },
        { role: 'zoomOut', label: menu.view.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: menu.view.fullScreen },
        ...(options.isPackaged
          ? []
          : [{ type: 'separator' } as const, { role: 'toggleDevTools', label: menu.view.devTools } as const]),
      ],
    },
    {
      label: menu.window.label,
      submenu: [
        { role: 'minimize', label: menu.window.minimize },
        mac ? { role: 'front', label: menu.window.front } : { role: 'close', label: menu.window.close },
      ],
    },
  );
  return template;
}
