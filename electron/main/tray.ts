import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../shared/contract/system';
import { loadIcon } from './icon';
import { DEFAULT_SHELL_LANGUAGE, shellText } from './text';

export const TRAY_TOOLTIP = 'Torihiki';
export const TRAY_ICON_NAMES = ['tray.png', 'icon.png'] as const;

const normaliseCount = (count: number): number =>
  Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;

/** "Torihiki", or with follow-ups due: "Torihiki（期限の来た対応 3件）" / "Torihiki (3 follow-ups due)". */
export function trayTooltip(dueCount: number, language: Language = DEFAULT_SHELL_LANGUAGE): string {
  const n = normaliseCount(dueCount);
  return n === 0 ? TRAY_TOOLTIP : shellText(language).tray.due(TRAY_TOOLTIP, n);
}

/** The text beside the icon in the macOS menu bar: empty, or the count (capped at "99+"). */
export function trayTitle(dueCount: number): string {
  const n = normaliseCount(dueCount);
  if (n === 0) return '';
  return n > 99 ? '99+' : String(n);
}

export function trayMenuTemplate(
  actions: { open: () => void; quit: () => void },
  language: Language = DEFAULT_SHELL_LANGUAGE,
): MenuItemConstructorOptions[] {
  const { tray } = shellText(language);
  return [
    { label: tray.open, click: () => actions.open() },
    { type: 'separator' },
    { label: tray.quit, click: () => actions.quit() },
  ];
}

export interface TrayController {
  /** Shows how many follow-ups are due in the tooltip (and the menu-bar title on macOS). */
  setDueCount(count: number): void;
  /** Rewords the tooltip and the menu after the seller changed the app's language. */
  setLanguage(language: Language): void;
  destroy(): void;
}

export function createTray(options: {
  resourcesDir: string;
  platform: NodeJS.Platform;
  onOpen: () => void;
  onQuit: () => void;
  language?: Language;
}): TrayController {
  let language = options.language ?? DEFAULT_SHELL_LANGUAGE;
  let dueCount = 0;
  let icon = loadIcon(options.resourcesDir, TRAY_ICON_NAMES);
  // The macOS menu bar is 22pt high; a larger image would be drawn at full size.
  if (options.platform === 'darwin') icon = icon.resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  const showTooltip = () => tray.setToolTip(trayTooltip(dueCount, language));
  const setMenu = () =>
    tray.setContextMenu(
      Menu.buildFromTemplate(trayMenuTemplate({ open: options.onOpen, quit: options.onQuit }, language)),
    );
  showTooltip();
  setMenu();
  // Windows users expect a left click on the tray icon to bring the window back.
  tray.on('click', () => options.onOpen());

  return {
    setDueCount(count) {
      if (tray.isDestroyed()) return;
      dueCount = count;
      showTooltip();
      if (options.platform === 'darwin') tray.setTitle(trayTitle(count));
    },
    setLanguage(next) {
      if (tray.isDestroyed() || next === language) return;
      language = next;
      showTooltip();
      setMenu();
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
