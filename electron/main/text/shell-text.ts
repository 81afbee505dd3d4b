import type { Language } from '../../../shared/contract/system';

/** The database refusals that get their own wording in the failure dialogs. */
export type OpenFailureCode = 'db_not_torihiki' | 'db_corrupt' | 'db_newer' | 'db_unwritable';

export interface Explanation {
  message: string;
  advice: string;
}

/**
 * Every word the desktop shell (menus, tray, native dialogs) shows. Main cannot use the renderer's
 * i18next resources (it must not import renderer code), so it has its own small catalogue, one module
 * per language, both held to this shape by the compiler.
 */
export interface ShellText {
  /** Intl locale for the backup time in the restore offer (always shown in Japan time). */
  locale: string;
  menu: {
    /** The macOS application menu (its title is the app name in both languages). */
    app: { about: string; hide: string; hideOthers: string; unhide: string; quit: string };
    file: { label: string; closeWindow: string; quit: string };
    edit: {
      label: string;
      undo: string;
      redo: string;
      cut: string;
      copy: string;
      paste: string;
      selectAll: string;
    };
    view: {
      label: string;
      reload: string;
      resetZoom: string;
      zoomIn: string;
      zoomOut: string;
      fullScreen: string;
      devTools: string;
    };
    window: { label: string; minimize: string; front: string; close: string };
  };
  tray: {
    open: string;
    quit: string;
    /** The tooltip with follow-ups due (count >= 1). */
    due: (appName: string, count: number) => string;
  };
  dialogs: {
    buttons: { quit: string; showFolder: string; restoreAndStart: string };
    openFailure: Record<OpenFailureCode, Explanation>;
    /** Any other refusal to open. */
    unknownFailure: Explanation;
    untouched: string;
    location: (path: string) => string;
    backup: (file: string) => string;
    details: (reason: string) => string;
    backendStopped: Explanation;
    restoreOffer: {
      /** `when` is the backup's time as text, '' when it is unknown. */
      advice: (when: string) => string;
      warning: string;
    };
    noBackup: string[];
    restoreFailed: { message: string; advice: string };
    startupFailed: string;
  };
}

export type ShellTexts = Record<Language, ShellText>;
