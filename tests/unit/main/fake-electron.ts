import { EventEmitter } from 'node:events';
import { vi, type Mock } from 'vitest';

/**
 * A stand-in for the 'electron' module, for vi.mock('electron', ...). No Electron binary exists on
 * the build machines and requiring the real package tries to download one, so nothing a unit test
 * loads may reach it. Only what main uses is modelled; `fake` exposes the recorded state.
 */

type Fn = Mock<(...args: unknown[]) => void>;
const fn = (): Fn => vi.fn((..._args: unknown[]): void => undefined);

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeWebContents extends EventEmitter {
  send: Fn = fn();
  setWindowOpenHandler: Fn = fn();
  loading = false;
  isLoading = (): boolean => this.loading;
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => FakeBrowserWindow.all.filter((w) => !w.destroyed);
  static onCreated: (contents: FakeWebContents) => void = () => undefined;
  webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  maximized = false;
  bounds: Bounds;
  loadURL: Mock<(url: string) => Promise<void>> = vi.fn((_url: string) => Promise.resolve());
  show: Fn = vi.fn(() => {
    this.visible = true;
  });
  hide: Fn = vi.fn(() => {
    this.visible = false;
  });
  focus: Fn = fn();
  restore: Fn = vi.fn(() => {
    this.minimized = false;
  });
  maximize: Fn = vi.fn(() => {
    this.maximized = true;
    this.visible = true;
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: options.x as number,
      y: options.y as number,
      width: options.width as number,
      height: options.height as number,
    };
    FakeBrowserWindow.all.push(this);
    FakeBrowserWindow.onCreated(this.webContents);
  }
  isVisible = (): boolean => this.visible;
  isMinimized = (): boolean => this.minimized;
  isMaximized = (): boolean => this.maximized;
  isDestroyed = (): boolean => this.destroyed;
  getNormalBounds = (): Bounds => this.bounds;
  /** What the user clicking the close box does: a 'close' that may be prevented. Returns whether it closed. */
  userCloses(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}

export class FakeChild extends EventEmitter {
  static all: FakeChild[] = [];
  sent: Array<Record<string, unknown>> = [];
  kill: Fn = fn();
  constructor(
    readonly modulePath: string,
    readonly options: unknown,
  ) {
    super();
    FakeChild.all.push(this);
  }
  postMessage(message: Record<string, unknown>): void {
    this.sent.push(structuredClone(message));
  }
}

export class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  static isSupported = (): boolean => true;
  show: Fn = fn();
  close: Fn = fn();
  constructor(readonly options: { title: string; body: string }) {
    super();
    FakeNotification.all.push(this);
  }
}

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  tooltip = '';
  title = '';
  menu: unknown = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    FakeTray.all.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeImage {
  source: string;
  isEmpty(): boolean;
  resize(size: unknown): FakeImage;
}

function image(empty: boolean, source: string): FakeImage {
  const img: FakeImage = { source, isEmpty: () => empty, resize: () => img };
  return img;
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  setName: Fn = fn();
  setPath: Mock<(name: string, value: string) => void> = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  getPath: Mock<(name: string) => string> = vi.fn(
    (name: string) => this.paths.get(name) ?? `/default/${name}`,
  );
  getAppPath: Mock<() => string> = vi.fn(() => '/opt/torihiki');
  setAppUserModelId: Fn = fn();
  enableSandbox: Fn = fn();
  requestSingleInstanceLock: Mock<() => boolean> = vi.fn(() => true);
  quit: Fn = fn();
  exit: Fn = fn();
  relaunch: Fn = fn();
  private markReady: () => void = () => undefined;
  private ready = this.newReady();
  whenReady: Mock<() => Promise<void>> = vi.fn(() => this.ready);

  private newReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.markReady = resolve));
  }
  becomeReady(): void {
    this.markReady();
  }
  resetReady(): void {
    this.ready = this.newReady();
  }
}

export interface FakeControls {
  /** Resolves app.whenReady(). */
  ready(): void;
  windows: FakeBrowserWindow[];
  children: FakeChild[];
  notifications: FakeNotification[];
  trays: FakeTray[];
  /** File names nativeImage.createFromPath should find. */
  existingImages: Set<string>;
  /** A fresh process: no windows, listeners, recorded calls or readiness. Call in beforeEach. */
  reset(): void;
}

export interface FakeElectron {
  fake: FakeControls;
  app: FakeApp;
  BrowserWindow: typeof FakeBrowserWindow;
  Notification: typeof FakeNotification;
  Tray: typeof FakeTray;
  dialog: {
    showMessageBox: Mock<
      (options: Record<string, unknown>) => Promise<{ response: number; checkboxChecked: boolean }>
    >;
    showErrorBox: Fn;
    showOpenDialog: Mock<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>;
  };
  ipcMain: { handle: Fn };
  Menu: { buildFromTemplate: Mock<(template: unknown) => { template: unknown }>; setApplicationMenu: Fn };
  protocol: { registerSchemesAsPrivileged: Fn; handle: Fn };
  session: { defaultSession: { setPermissionRequestHandler: Fn; setPermissionCheckHandler: Fn } };
  shell: { openExternal: Mock<(url: string) => Promise<void>>; showItemInFolder: Fn };
  screen: {
    getPrimaryDisplay: () => { id: number };
    getAllDisplays: () => Array<{ id: number; workArea: Bounds }>;
  };
  nativeImage: {
    createFromPath: Mock<(path: string) => FakeImage>;
    createFromDataURL: Mock<(url: string) => FakeImage>;
  };
  utilityProcess: { fork: Mock<(modulePath: string, args: string[], options: unknown) => FakeChild> };
  /** Emit 'resume' / 'unlock-screen' on it to simulate waking up. */
  powerMonitor: EventEmitter;
}

export function createFakeElectron(): FakeElectron {
  const app = new FakeApp();
  const powerMonitor = new EventEmitter();
  const existingImages = new Set<string>();
  FakeBrowserWindow.onCreated = (contents) => app.emit('web-contents-created', {}, contents);

  const fake: FakeControls = {
    ready: () => app.becomeReady(),
    windows: FakeBrowserWindow.all,
    children: FakeChild.all,
    notifications: FakeNotification.all,
    trays: FakeTray.all,
    existingImages,
    reset() {
      FakeBrowserWindow.all.length = 0;
      FakeChild.all.length = 0;
      FakeNotification.all.length = 0;
      FakeTray.all.length = 0;
      existingImages.clear();
      app.paths.clear();
      app.removeAllListeners();
      powerMonitor.removeAllListeners();
      app.isPackaged = false;
      app.resetReady();
      vi.clearAllMocks();
    },
  };

  return {
    fake,
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    Tray: FakeTray,
    dialog: {
      showMessageBox: vi.fn(async (_options: Record<string, unknown>) => ({
        response: 0,
        checkboxChecked: false,
      })),
      showErrorBox: fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    },
    ipcMain: { handle: fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: fn() },
    protocol: { registerSchemesAsPrivileged: fn(), handle: fn() },
    session: { defaultSession: { setPermissionRequestHandler: fn(), setPermissionCheckHandler: fn() } },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()), showItemInFolder: fn() },
    screen: {
      getPrimaryDisplay: () => ({ id: 1 }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    nativeImage: {
      createFromPath: vi.fn((p: string) => image(![...existingImages].some((n) => p.endsWith(n)), p)),
      createFromDataURL: vi.fn((url: string) => image(false, url.slice(0, 30))),
    },
    utilityProcess: {
      fork: vi.fn(
        (modulePath: string, _args: string[], options: unknown) => new FakeChild(modulePath, options),
      ),
    },
    powerMonitor,
  };
}
