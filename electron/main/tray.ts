import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import { loadIcon } from './icon';

export const TRAY_TOOLTIP = 'Torihiki';
export const TRAY_ICON_NAMES = ['tray.png', 'icon.png'] as const;

const normaliseCount = (count: number): number =>
  Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;

/** "Torihiki", or with follow-ups due: "Torihiki（期限の来た対応 3件）". */
export function trayTooltip(dueCount: number): string {
  const n = normaliseCount(dueCount);
  return n === 0 ? TRAY_TOOLTIP : `${TRAY_TOOLTIP}（期限の来た対応 ${n}件）`;
}

/** The text beside the icon in the macOS menu bar: empty, or the count (capped at "99+"). */
export function trayTitle(dueCount: number): string {
  const n = normaliseCount(dueCount);
  if (n === 0) return '';
  return n > 99 ? '99+' : String(n);
}

export function trayMenuTemplate(actions: {
  open: () => void;
  quit: () => void;
}): MenuItemConstructorOptions[] {
  return [
    { label: '開く', click: () => actions.open() },
    { type: 'separator' },
    { label: '終了', click: () => actions.quit() },
  ];
}

export interface TrayController {
  /** Shows how many follow-ups are due in the tooltip (and the menu-bar title on macOS). */
  setDueCount(count: number): void;
  destroy(): void;
}

export function createTray(options: {
  resourcesDir: string;
  platform: NodeJS.Platform;
  onOpen: () => void;
  onQuit: () => void;
}): TrayController {
  let icon = loadIcon(options.resourcesDir, TRAY_ICON_NAMES);
  // The macOS menu bar is 22pt high; a larger image would be drawn at full size.
  if (options.platform === 'darwin') icon = icon.resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  tray.setToolTip(trayTooltip(0));
  tray.setContextMenu(
    Menu.buildFromTemplate(trayMenuTemplate({ open: options.onOpen, quit: options.onQuit })),
  );
  // Windows users expect a left click on the tray icon to bring the window back.
  tray.on('click', () => options.onOpen());

  return {
    setDueCount(count) {
      if (tray.isDestroyed()) return;
      tray.setToolTip(trayTooltip(count));
      if (options.platform === 'darwin') tray.setTitle(trayTitle(count));
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
