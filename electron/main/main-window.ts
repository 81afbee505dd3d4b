import { BrowserWindow, screen, type NativeImage } from 'electron';
import { secureWebPreferences } from './security/web-preferences';
import {
  clampBoundsToDisplays,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
  type DisplayArea,
} from './window-state';

export interface MainWindowOptions {
  preload: string;
  url: string;
  icon: NativeImage;
  stateFile: string;
  allowDevTools: boolean;
  /** While true, closing the window hides it and Torihiki keeps running in the tray. */
  keepRunningOnClose: () => boolean;
}

// If the page never reports ready (a renderer crash on load), show the window anyway rather
// than leave a running app with nothing on screen.
const SHOW_ANYWAY_AFTER_MS = 5_000;

function currentDisplays(): DisplayArea[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({ workArea: d.workArea, primary: d.id === primaryId }));
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFile);
  const bounds = clampBoundsToDisplays(saved?.bounds ?? null, currentDisplays());
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Torihiki',
    icon: options.icon,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preload, options.allowDevTools),
  });

  let shown = false;
  const showFirstTime = () => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    if (saved?.maximized) win.maximize();
    win.show();
  };
  win.once('ready-to-show', showFirstTime);
  const fallback = setTimeout(showFirstTime, SHOW_ANYWAY_AFTER_MS);
  win.once('closed', () => clearTimeout(fallback));

  win.on('close', (event) => {
    saveWindowState(options.stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    if (options.keepRunningOnClose()) {
      event.preventDefault();
      win.hide();
    }
  });

  win.loadURL(options.url).catch((e: unknown) => {
    console.error('[window] could not load the UI', e);
  });
  return win;
}

/** Brings a window forward from minimised, hidden or behind other windows. */
export function revealWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
