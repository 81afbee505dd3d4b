import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_CHOOSE_FOLDER_CHANNEL, IPC_EVENT_CHANNEL } from '../../../shared/preload-api';
import { RESTORE_BUTTON } from '../../../electron/main/dialogs';
import type { FakeChild, FakeElectron } from './fake-electron';
import { japaneseIn } from './japanese';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

type Handler = (event: unknown, method: unknown, input: unknown) => Promise<unknown>;

let dataDir: string;
const mainDir = path.resolve('/opt/torihiki/out/main');

// The first import of the main module graph is slow on a busy machine; pay it once, outside any test's timeout.
beforeAll(async () => {
  await import('../../../electron/main/app');
}, 60_000);

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'torihiki-app-'));
  ((await import('electron')) as unknown as FakeElectron).fake.reset();
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Loads a fresh fake electron and app module, and starts the app against a temp data folder. */
async function launch(options: { gotLock?: boolean } = {}) {
  const electron = (await import('electron')) as unknown as FakeElectron;
  electron.app.requestSingleInstanceLock.mockReturnValue(options.gotLock ?? true);
  const { startDesktopApp } = await import('../../../electron/main/app');
  const desktop = startDesktopApp(mainDir, { TORIHIKI_DATA_DIR: dataDir });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const child = () => {
    const c = electron.fake.children.at(-1);
    if (!c) throw new Error('no backend process');
    return c;
  };
  const window = () => {
    const w = electron.fake.windows.at(-1);
    if (!w) throw new Error('no window');
    return w;
  };
  /** Fires `ready`, lets the backend report it opened, and waits for the window. */
  const open = async () => {
    electron.fake.ready();
    await settle();
    child().emit('message', { type: 'ready', schemaVersion: 1, preMigrationBackup: null });
    await settle();
  };
  const callHandler = () => electron.ipcMain.handle.mock.calls[0]?.[1] as Handler;
  return { electron, desktop, settle, child, window, open, callHandler };
}

/** Calls relayed for the renderer, leaving out main's own settings.get (it asks for the language on opening). */
const relayedCalls = (sent: Array<Record<string, unknown>>) =>
  sent.filter((m) => m.type === 'call' && m.method !== 'settings.get');

/** With fake timers: `ready`, and the backend opens the database. */
async function openOnFakeTimers(electron: FakeElectron, child: () => FakeChild) {
  electron.fake.ready();
  await vi.advanceTimersByTimeAsync(0);
  child().emit('message', { type: 'ready', schemaVersion: 1, preMigrationBackup: null });
  await vi.advanceTimersByTimeAsync(0);
}

/** With fake timers: the backend dies after each restart until main stops restarting it. */
async function crashUntilMainGivesUp(child: () => FakeChild) {
  for (let i = 0; i < 4; i++) {
    child().emit('exit', 134);
    await vi.advanceTimersByTimeAsync(1000);
    if (i < 3) child().emit('message', { type: 'ready', schemaVersion: 1, preMigrationBackup: null });
  }
}

const fromOurPage = { senderFrame: { url: 'app://torihiki/index.html', parent: null } };

describe('before ready', () => {
  it('sets the data folder before taking the single-instance lock, and registers app:// early', async () => {
    const { electron } = await launch();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    const setPathOrder = electron.app.setPath.mock.invocationCallOrder[0]!;
    const lockOrder = electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!;
    expect(setPathOrder).toBeLessThan(lockOrder);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    // Nothing that needs `ready` has happened yet.
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('quits a second instance without starting anything', async () => {
    const { electron, settle } = await launch({ gotLock: false });
    electron.fake.ready();
    await settle();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('starts the backend process on the ledger in the data folder, then opens a secure window', async () => {
    const { electron, child, window, open } = await launch();
    electron.fake.ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(
      path.join(mainDir, 'backend.js'),
      [],
      expect.objectContaining({ serviceName: 'Torihiki backend' }),
    );
    expect(child().sent[0]).toEqual({ type: 'open', dbPath: path.join(dataDir, 'torihiki.sqlite') });
    expect(electron.fake.windows).toHaveLength(0);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.ipcMain.handle).toHaveBeenCalledWith(IPC_CALL_CHANNEL, expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    await open();
    const win = window();
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://torihiki/index.html');
    expect(electron.fake.trays).toHaveLength(1);
    expect(electron.fake.trays[0]?.tooltip).toBe('Torihiki');
  });

  it('loads the dev server instead while developing', async () => {
    const electron = (await import('electron')) as unknown as FakeElectron;
    const { startDesktopApp } = await import('../../../electron/main/app');
    startDesktopApp(mainDir, { TORIHIKI_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    electron.fake.ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
    electron.fake.children[0]?.emit('message', { type: 'ready', schemaVersion: 1, preMigrationBackup: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.fake.windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it.each(['db_not_torihiki', 'db_corrupt', 'db_newer', 'db_unwritable'])(
    'shows a dialog and quits when the database refuses to open (%s)',
    async (code) => {
      const { electron, child, settle } = await launch();
      electron.fake.ready();
      await settle();
      child().emit('message', { type: 'open-failed', error: { code, message: 'left untouched' } });
      await settle();
      expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
      const options = electron.dialog.showMessageBox.mock.calls[0]?.[0] as unknown as {
        message: string;
        detail: string;
      };
      expect(options.detail).toContain('ファイルは変更も削除もしていません。');
      expect(options.detail).toContain(path.join(dataDir, 'torihiki.sqlite'));
      expect(electron.app.quit).toHaveBeenCalled();
      expect(electron.fake.windows).toHaveLength(0);
      expect(electron.shell.showItemInFolder).not.toHaveBeenCalled();
    },
  );

  it('shows the ledger in its folder when the user asks, and still quits', async () => {
    const { electron, child, settle } = await launch();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    electron.fake.ready();
    await settle();
    child().emit('message', { type: 'open-failed', error: { code: 'db_corrupt', message: 'x' } });
    await settle();
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(path.join(dataDir, 'torihiki.sqlite'));
    expect(electron.app.quit).toHaveBeenCalled();
  });
});

describe('start-up recovery', () => {
  /** A real ledger in the data folder with one verified backup, then damaged on disk. */
  async function damagedWithBackup() {
    const { createBackend } = await import('../../../electron/backend');
    const dbPath = path.join(dataDir, 'torihiki.sqlite');
    const backend = await createBackend({ dbPath });
    const made = await backend.call('backups.now', {});
    backend.close();
    if (!made.ok) throw new Error(made.error.message);
    fs.truncateSync(dbPath, Math.floor(fs.statSync(dbPath).size / 2));
    return { dbPath, backup: made.value.file, damaged: fs.readFileSync(dbPath) };
  }
  const openFailed = (backup: string) => ({
    type: 'open-failed',
    error: {
      code: 'db_corrupt',
      message: 'database disk image is malformed',
      issues: [
        { path: 'latestGoodBackup', message: backup },
        { path: 'latestGoodBackupAt', message: '2026-11-20T01:00:00.000Z' },
      ],
    },
  });

  it('restores the offered backup after stopping the backend, then relaunches instead of quitting', async () => {
    const { dbPath, backup, damaged } = await damagedWithBackup();
    const { electron, child, settle } = await launch();
    electron.dialog.showMessageBox.mockResolvedValueOnce({
      response: RESTORE_BUTTON,
      checkboxChecked: false,
    });
    electron.fake.ready();
    await settle();
    const backendProcess = child();
    backendProcess.emit('message', openFailed(backup));
    await vi.waitFor(() => expect(backendProcess.sent.some((m) => m.type === 'close')).toBe(true));
    backendProcess.emit('exit', 0);
    await vi.waitFor(() => expect(electron.app.relaunch).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(electron.app.exit).toHaveBeenCalledWith(0);
    expect(electron.app.quit).not.toHaveBeenCalled();
    const offer = electron.dialog.showMessageBox.mock.calls[0]?.[0] as { buttons: string[]; detail: string };
    expect(offer.buttons[RESTORE_BUTTON]).toBe('バックアップから復元して起動');
    expect(offer.detail).toContain(backup);
    expect(fs.readFileSync(dbPath).equals(fs.readFileSync(backup))).toBe(true);
    const undo = fs
      .readdirSync(path.join(dataDir, 'backups'))
      .find((f) => f.endsWith('-before-restore.sqlite'));
    expect(fs.readFileSync(path.join(dataDir, 'backups', undo!)).equals(damaged)).toBe(true);
    expect(electron.fake.windows).toHaveLength(0);
  });

  it('quits without touching the file when the seller declines the restore', async () => {
    const { dbPath, backup, damaged } = await damagedWithBackup();
    const { electron, child, settle } = await launch();
    electron.fake.ready();
    await settle();
    child().emit('message', openFailed(backup));
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.relaunch).not.toHaveBeenCalled();
    expect(fs.readFileSync(dbPath).equals(damaged)).toBe(true);
  });
});

describe('running', () => {
  it('relays renderer calls to the backend by id and answers with its Result', async () => {
    const { child, open, callHandler } = await launch();
    await open();
    const answer = callHandler()(fromOurPage, 'system.info', {});
    const call = relayedCalls(child().sent)[0] as { id: number; method: string };
    expect(call.method).toBe('system.info');
    child().emit('message', {
      type: 'reply',
      id: call.id,
      result: { ok: true, value: { appVersion: '0.1.0' } },
    });
    expect(await answer).toEqual({ ok: true, value: { appVersion: '0.1.0' } });
  });

  it('refuses calls from a frame that is not ours', async () => {
    const { child, open, callHandler } = await launch();
    await open();
    const answer = await callHandler()(
      { senderFrame: { url: 'https://evil.com/', parent: null } },
      'system.info',
      {},
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(relayedCalls(child().sent)).toHaveLength(0);
  });

  it('opens the native folder picker over the main window for our page', async () => {
    const { electron, open, window } = await launch();
    await open();
    const registered = electron.ipcMain.handle.mock.calls.find((c) => c[0] === IPC_CHOOSE_FOLDER_CHANNEL);
    expect(registered).toBeDefined();
    const choose = registered![1] as (event: unknown, request: unknown) => Promise<string | null>;
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb'] });
    expect(await choose(fromOurPage, { defaultPath: dataDir })).toBe('/media/usb');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(
      window(),
      expect.objectContaining({ properties: ['openDirectory', 'createDirectory'], defaultPath: dataDir }),
    );
    expect(await choose({ senderFrame: { url: 'https://evil.com/', parent: null } }, {})).toBeNull();
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledOnce();
  });

  it('relays backend events to every window', async () => {
    const { child, open, window } = await launch();
    await open();
    child().emit('message', { type: 'event', event: 'data.changed', payload: { topics: ['members'] } });
    child().emit('message', { type: 'event', event: 'not.in.contract', payload: {} });
    expect(window().webContents.send.mock.calls).toEqual([
      [IPC_EVENT_CHANNEL, 'data.changed', { topics: ['members'] }],
    ]);
  });

  it('puts the current member’s due count from the backend status event on the tray', async () => {
    const { electron, child, open, window } = await launch();
    await open();
    const status = { memberId: 1, due: 4, overduePromises: [] };
    child().emit('message', { type: 'event', event: 'followups.status', payload: status });
    expect(electron.fake.trays[0]?.tooltip).toBe('Torihiki（期限の来た対応 4件）');
    expect(window().webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'followups.status', status);
    child().emit('message', { type: 'event', event: 'followups.status', payload: { ...status, due: 0 } });
    expect(electron.fake.trays[0]?.tooltip).toBe('Torihiki');
  });

  it('asks the backend to re-evaluate reminders when the computer resumes or the screen is unlocked', async () => {
    const { electron, child, open } = await launch();
    const wakes = () => child().sent.filter((m) => m.type === 'wake').length;
    // Before the ledger is open there is nothing to re-evaluate (opening evaluates anyway).
    electron.powerMonitor.emit('resume');
    await open();
    expect(wakes()).toBe(0);
    electron.powerMonitor.emit('resume');
    expect(wakes()).toBe(1);
    // Resume and unlock usually arrive together: one re-evaluation is enough.
    electron.powerMonitor.emit('unlock-screen');
    expect(wakes()).toBe(1);
  });

  it('shows a notification and, on click, brings the window forward and sends the route', async () => {
    const { electron, child, open, window } = await launch();
    await open();
    window().hide();
    child().emit('message', {
      type: 'notify',
      request: { key: 'f:1', title: '対応期限', body: '山田様', route: '/followups/1' },
    });
    const notification = electron.fake.notifications[0]!;
    expect(notification.options).toEqual({ title: '対応期限', body: '山田様' });
    expect(notification.show).toHaveBeenCalled();
    notification.emit('click');
    expect(window().visible).toBe(true);
    expect(window().focus).toHaveBeenCalled();
    expect(window().webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'app.navigate', {
      route: '/followups/1',
    });
  });

  it('waits for the page to finish loading before sending the route', async () => {
    const { electron, child, open, window } = await launch();
    await open();
    window().webContents.loading = true;
    child().emit('message', { type: 'notify', request: { key: 'k', title: 't', body: 'b', route: '/x' } });
    electron.fake.notifications[0]!.emit('click');
    expect(window().webContents.send).not.toHaveBeenCalled();
    window().webContents.emit('did-finish-load');
    expect(window().webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'app.navigate', {
      route: '/x',
    });
  });

  it('focuses the existing window when Torihiki is launched again', async () => {
    const { electron, open, window } = await launch();
    await open();
    window().hide();
    window().minimized = true;
    electron.app.emit('second-instance', {}, [], '/');
    expect(window().restore).toHaveBeenCalled();
    expect(window().visible).toBe(true);
    expect(electron.fake.windows).toHaveLength(1);
  });

  it('guards every web contents against navigation, new windows and webviews', async () => {
    const { electron, open, window } = await launch();
    await open();
    const contents = window().webContents;
    const navigate = { url: 'https://jp.mercari.com/item/1', isMainFrame: true, preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://jp.mercari.com/item/1');
    const evil = { url: 'file:///etc/passwd', isMainFrame: true, preventDefault: vi.fn() };
    contents.emit('will-navigate', evil);
    expect(evil.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(openHandler({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('hides the window on close, remembers where it was, and restores it next time', async () => {
    const { open, window, desktop, electron } = await launch();
    await open();
    const win = window();
    win.bounds = { x: 200, y: 100, width: 1000, height: 700 };
    win.maximized = true;
    expect(win.userCloses()).toBe(false);
    expect(win.visible).toBe(false);
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 200, y: 100, width: 1000, height: 700 }, maximized: true });

    desktop.setDueCount(2);
    expect(electron.fake.trays[0]?.tooltip).toBe('Torihiki（期限の来た対応 2件）');

    // A new launch on the same data folder puts the window back.
    electron.fake.reset();
    const next = await launch();
    await next.open();
    expect(next.window().options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700 });
    next.window().emit('ready-to-show');
    expect(next.window().maximize).toHaveBeenCalled();
  });

  it('closes the backend before quitting, then quits for real', async () => {
    const { electron, child, open, window } = await launch();
    await open();
    electron.app.emit('before-quit');
    const willQuit = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', willQuit);
    expect(willQuit.preventDefault).toHaveBeenCalled();
    expect(child().sent.at(-1)).toEqual({ type: 'close' });
    expect(electron.app.quit).not.toHaveBeenCalled();
    child().emit('exit', 0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(electron.app.quit).toHaveBeenCalledOnce();
    const again = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    // While quitting, closing the window really closes it.
    expect(window().userCloses()).toBe(true);
  });

  it('tells the user and quits when the backend keeps crashing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { electron, child } = await launch();
      await openOnFakeTimers(electron, child);
      await crashUntilMainGivesUp(child);
      expect(electron.dialog.showMessageBox).toHaveBeenCalledOnce();
      const options = electron.dialog.showMessageBox.mock.calls[0]?.[0] as unknown as { message: string };
      expect(options.message).toMatch(/止まって/);
      await vi.advanceTimersByTimeAsync(0);
      expect(electron.app.quit).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('language', () => {
  const languageFile = () => path.join(dataDir, 'shell-language.json');
  const remembered = () => JSON.parse(fs.readFileSync(languageFile(), 'utf8')) as unknown;
  /** The template of the application menu main set last. */
  const appMenu = (electron: FakeElectron) =>
    (electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as { template: unknown }).template;
  const trayMenu = (electron: FakeElectron) =>
    (electron.fake.trays[0]?.menu as { template: unknown }).template;
  const settingsQuestions = (child: FakeChild) =>
    child.sent.filter((m) => m.type === 'call' && m.method === 'settings.get') as Array<{ id: number }>;
  /** Answers main's latest settings.get as a backend with this language would. */
  const answerLanguage = (child: FakeChild, language: string) => {
    const question = settingsQuestions(child).at(-1);
    if (!question) throw new Error('main did not ask for the settings');
    child.emit('message', {
      type: 'reply',
      id: question.id,
      result: { ok: true, value: { language, shopName: '' } },
    });
  };
  const dialogShown = (electron: FakeElectron) => electron.dialog.showMessageBox.mock.calls[0]?.[0];

  it('starts in Japanese, then speaks the language the backend reports and remembers it', async () => {
    const { electron, child, open, settle, desktop } = await launch();
    await open();
    expect(japaneseIn(appMenu(electron)).length).toBeGreaterThan(0);
    expect(settingsQuestions(child())).toHaveLength(1);

    answerLanguage(child(), 'en');
    await settle();
    const english = appMenu(electron);
    expect(japaneseIn(english)).toEqual([]);
    expect(english).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'Edit' })]));
    expect(japaneseIn(trayMenu(electron))).toEqual([]);
    desktop.setDueCount(2);
    expect(electron.fake.trays[0]?.tooltip).toBe('Torihiki (2 follow-ups due)');
    expect(remembered()).toEqual({ language: 'en' });
  });

  it('rebuilds the menu and the tray menu when the seller switches the language in settings', async () => {
    const { electron, child, open, settle } = await launch();
    await open();
    answerLanguage(child(), 'ja');
    await settle();
    // Already Japanese: nothing rebuilt, nothing written.
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect(fs.existsSync(languageFile())).toBe(false);

    // Something else changed: no question.
    child().emit('message', { type: 'event', event: 'data.changed', payload: { topics: ['deals'] } });
    expect(settingsQuestions(child())).toHaveLength(1);

    child().emit('message', { type: 'event', event: 'data.changed', payload: { topics: ['settings'] } });
    expect(settingsQuestions(child())).toHaveLength(2);
    answerLanguage(child(), 'en');
    await settle();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    expect(japaneseIn(appMenu(electron))).toEqual([]);
    expect(japaneseIn(trayMenu(electron))).toEqual([]);
    expect(remembered()).toEqual({ language: 'en' });

    child().emit('message', { type: 'event', event: 'data.changed', payload: { topics: ['settings'] } });
    answerLanguage(child(), 'ja');
    await settle();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(3);
    expect(appMenu(electron)).toEqual(expect.arrayContaining([expect.objectContaining({ label: '編集' })]));
    expect(trayMenu(electron)).toEqual(expect.arrayContaining([expect.objectContaining({ label: '開く' })]));
    expect(remembered()).toEqual({ language: 'ja' });
  });

  it('words the start-up dialogs and the first menu in the language remembered from last time', async () => {
    fs.writeFileSync(languageFile(), '{"language":"en"}\n');
    const { electron, child, settle } = await launch();
    electron.fake.ready();
    await settle();
    expect(japaneseIn(appMenu(electron))).toEqual([]);
    child().emit('message', { type: 'open-failed', error: { code: 'db_newer', message: 'schema 99' } });
    await settle();
    const options = dialogShown(electron);
    expect(options).toMatchObject({ buttons: ['Quit', 'Open Folder'] });
    expect(options?.message).toMatch(/newer version/);
    expect(japaneseIn(options)).toEqual([]);
    expect(electron.app.quit).toHaveBeenCalled();
  });

  it.each([
    ['garbage', '\u0000\u0001{{{'],
    ['a wrong value', '{"language":"fr"}'],
    ['huge', `{"language":"en","pad":"${'x'.repeat(2 * 1024 * 1024)}"}`],
  ])('falls back to Japanese for a remembered file with %s', async (_name, content) => {
    fs.writeFileSync(languageFile(), content);
    const { electron, child, settle } = await launch();
    electron.fake.ready();
    await settle();
    child().emit('message', { type: 'open-failed', error: { code: 'db_corrupt', message: 'malformed' } });
    await settle();
    expect(dialogShown(electron)).toMatchObject({
      message: 'データファイルが壊れているため、開けません。',
      buttons: ['終了', 'フォルダを開く'],
    });
    expect(appMenu(electron)).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'ファイル' })]),
    );
    // Nothing was "repaired" behind the seller's back.
    expect(fs.readFileSync(languageFile(), 'utf8')).toBe(content);
  });

  it('shows the last-resort error box in the remembered language', async () => {
    fs.writeFileSync(languageFile(), '{"language":"en"}');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { electron, settle } = await launch();
    electron.protocol.handle.mockImplementationOnce(() => {
      throw new Error('scheme taken');
    });
    electron.fake.ready();
    await settle();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Torihiki',
      'Torihiki could not start.\n\nscheme taken',
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('tells of a crashing backend in the language learned from it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { electron, child } = await launch();
      await openOnFakeTimers(electron, child);
      answerLanguage(child(), 'en');
      await vi.advanceTimersByTimeAsync(0);
      await crashUntilMainGivesUp(child);
      const options = dialogShown(electron);
      expect(options?.message).toMatch(/stopped working/);
      expect(japaneseIn(options)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
