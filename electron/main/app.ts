import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  utilityProcess,
  type MessageBoxOptions,
} from 'electron';
import path from 'node:path';
import { IPC_CALL_CHANNEL, IPC_CHOOSE_FOLDER_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/preload-api';
import type { AppError } from '../../shared/result';
import { defaultDataDir, defaultDbPath } from '../backend/paths';
import { buildAppMenuTemplate } from './app-menu';
import { createBackendBridge, type BackendBridge, type BackendChild } from './backend-bridge';
import { backendStoppedDialog, SHOW_FOLDER_BUTTON, startupFailedBox } from './dialogs';
import { loadIcon } from './icon';
import { createCallHandler, createChooseFolderHandler } from './ipc';
import { createMainWindow, revealWindow } from './main-window';
import { createLanguageFollower } from './language-follower';
import { createNotificationCentre, NAVIGATE_EVENT, type NavigatePayload } from './notifications';
import { dueCountOf } from './notifications-badge';
import { desktopPaths } from './paths';
import { watchWakeUps } from './power-events';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { openExternalIfAllowed } from './security/external-links';
import { attachNavigationGuards } from './security/navigation';
import { APP_ENTRY_URL, APP_SCHEME, devServerUrl, trustedOrigins } from './security/origins';
import { installPermissionHandlers } from './security/permissions';
import { loadShellLanguage, saveShellLanguage, SHELL_LANGUAGE_FILE } from './shell-language';
import { claimSingleInstance } from './single-instance';
import { recoverAtStartup } from './startup-recovery';
import { createTray, type TrayController } from './tray';
import { WINDOW_STATE_FILE } from './window-state';

export const APP_NAME = 'Torihiki';
/** Windows shows notifications only for an app with a user model id; match the installer's appId. */
export const APP_USER_MODEL_ID = 'jp.torihiki.desktop';
const WINDOW_ICON_NAMES = ['icon.png'] as const;

export interface DesktopApp {
  /** Updates the tray with the number of follow-ups due (no-op until the tray exists). */
  setDueCount(count: number): void;
}

/**
 * Wires the desktop shell. Everything that must happen before `ready` (data folder, single-instance
 * lock, privileged scheme, sandbox) runs synchronously here; the rest waits for `ready`.
 * `mainDir` is the folder of the main bundle, passed in from the entry file.
 */
export function startDesktopApp(mainDir: string, env: NodeJS.ProcessEnv = process.env): DesktopApp {
  app.setName(APP_NAME);
  // The same folder the CLI and browser mode use, so all three find one ledger. It also holds
  // Electron's single-instance lock, hence before requestSingleInstanceLock.
  app.setPath('userData', defaultDataDir(env));
  const dbPath = defaultDbPath(env);
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  let tray: TrayController | null = null;
  let bridge: BackendBridge | null = null;
  let started = false;
  let quitting = false;
  let backendStopped = false;

  const handle: DesktopApp = { setDueCount: (count) => tray?.setDueCount(count) };
  if (!claimSingleInstance(app, () => showMainWindow())) return handle;

  const paths = desktopPaths(mainDir, app.getAppPath());
  const languageFile = path.join(app.getPath('userData'), SHELL_LANGUAGE_FILE);
  // Until the backend answers (and for the dialogs about a database that will not open at all), the
  // language the seller had last time.
  let language = loadShellLanguage(languageFile);
  const devUrl = devServerUrl(env, app.isPackaged);
  const origins = trustedOrigins(devUrl);
  const openExternal = (url: string) => {
    openExternalIfAllowed(url, (href) => shell.openExternal(href));
  };

  function showMainWindow(): BrowserWindow | null {
    // Before the database is open there is nothing to show; the launch in progress will open it.
    if (!started) return null;
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({
        preload: paths.preload,
        url: devUrl ?? APP_ENTRY_URL,
        icon: loadIcon(paths.resourcesDir, WINDOW_ICON_NAMES),
        stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
        allowDevTools: !app.isPackaged,
        keepRunningOnClose: () => !quitting && tray !== null,
      });
      mainWindow.once('closed', () => {
        mainWindow = null;
      });
    }
    revealWindow(mainWindow);
    return mainWindow;
  }

  const broadcast = (event: string, payload: unknown) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  };

  const navigateTo = (route: string) => {
    const win = showMainWindow();
    if (!win) return;
    const payload: NavigatePayload = { route };
    const send = () => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, NAVIGATE_EVENT, payload);
    };
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  };

  const notifications = createNotificationCentre({
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    onActivate: navigateTo,
  });

  const setApplicationMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildAppMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, language }),
      ),
    );

  const failAndQuit = async (options: MessageBoxOptions) => {
    try {
      const { response } = await dialog.showMessageBox(options);
      if (response === SHOW_FOLDER_BUTTON) shell.showItemInFolder(dbPath);
    } finally {
      quitting = true;
      app.quit();
    }
  };

  const spawnBackend = (): BackendChild => {
    const child = utilityProcess.fork(paths.backendEntry, [], {
      serviceName: 'Torihiki backend',
      stdio: 'inherit',
    });
    child.on('error', (type, location) => console.error(`[backend] ${type} at ${location}`));
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => {
        child.on('message', listener);
      },
      onExit: (listener) => {
        child.on('exit', listener);
      },
      kill: () => {
        child.kill();
      },
    };
  };

  app.on('web-contents-created', (_event, contents) => {
    attachNavigationGuards(contents, { trustedOrigins: origins, openExternal, log: console.warn });
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // With a tray, windows hide instead of closing and Torihiki keeps reminding; without one,
  // closing the last window quits (except on macOS, where the Dock brings it back).
  app.on('window-all-closed', () => {
    if (!tray && process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => showMainWindow());
  app.on('will-quit', (event) => {
    tray?.destroy();
    tray = null;
    if (backendStopped || !bridge) return;
    // Let the backend close the database (and checkpoint its WAL) before the process goes.
    event.preventDefault();
    void bridge.stop().finally(() => {
      backendStopped = true;
      app.quit();
    });
  });

  const onReady = async () => {
    installPermissionHandlers(session.defaultSession, origins);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));
    setApplicationMenu();

    const follower = createLanguageFollower({
      initial: language,
      // Asked only once the backend below has opened the database.
      fetchSettings: () => backend.call('settings.get', {}),
      onChange: (next) => {
        language = next;
        setApplicationMenu();
        tray?.setLanguage(next);
        saveShellLanguage(languageFile, next);
      },
    });
    const backend = createBackendBridge({
      spawn: spawnBackend,
      dbPath,
      onEvent: (event, payload) => {
        broadcast(event, payload);
        follower.onEvent(event, payload);
        const due = dueCountOf(event, payload);
        if (due !== null) tray?.setDueCount(due);
      },
      onNotify: (request) => notifications.show(request),
      onFatal: (error: AppError) => void failAndQuit(backendStoppedDialog(error, dbPath, language)),
    });
    bridge = backend;
    ipcMain.handle(IPC_CALL_CHANNEL, createCallHandler({ call: backend.call, trustedOrigins: origins }));
    ipcMain.handle(
      IPC_CHOOSE_FOLDER_CHANNEL,
      createChooseFolderHandler({
        trustedOrigins: origins,
        // Attached to the window (a sheet on macOS), so it cannot end up behind it.
        showOpenDialog: (options) =>
          mainWindow && !mainWindow.isDestroyed()
            ? dialog.showOpenDialog(mainWindow, options)
            : dialog.showOpenDialog(options),
      }),
    );

    const opened = await backend.start();
    if (!opened.ok) {
      // A damaged file with a good backup can be restored here, before anything opens it again.
      const outcome = await recoverAtStartup(
        opened.error,
        dbPath,
        {
          showDialog: async (options) => (await dialog.showMessageBox(options)).response,
          restore: async (file) => {
            await backend.stop();
            backendStopped = true;
            const { restoreBeforeOpen } = await import('./startup-restore');
            return restoreBeforeOpen(dbPath, file);
          },
          relaunch: () => {
            quitting = true;
            app.relaunch();
            app.exit(0);
          },
          showFolder: () => shell.showItemInFolder(dbPath),
        },
        language,
      ).catch((e: unknown) => {
        console.error('[main] start-up recovery failed', e);
        return 'quit' as const;
      });
      if (outcome === 'quit') {
        quitting = true;
        app.quit();
      }
      return;
    }
    if (opened.value.preMigrationBackup) {
      console.log(`[backend] copy saved before upgrading the database: ${opened.value.preMigrationBackup}`);
    }
    started = true;
    void follower.refresh();
    // Timers stop during sleep: on waking, reminders that came due meanwhile are shown at once.
    watchWakeUps(powerMonitor, () => backend.wake());
    try {
      tray = createTray({
        resourcesDir: paths.resourcesDir,
        platform: process.platform,
        onOpen: () => showMainWindow(),
        onQuit: () => app.quit(),
        language,
      });
    } catch (e) {
      // Some Linux desktops have no tray; then closing the window quits instead of hiding it.
      console.warn('[tray] unavailable', e);
    }
    showMainWindow();
  };

  app
    .whenReady()
    .then(onReady)
    .catch((e: unknown) => {
      console.error('[main] start-up failed', e);
      dialog.showErrorBox(...startupFailedBox((e as Error)?.message ?? String(e), language));
      app.exit(1);
    });

  return handle;
}
