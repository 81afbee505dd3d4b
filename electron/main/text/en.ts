import type { ShellText } from './shell-text';

/**
 * The shell in English. Terms match the English UI (e.g. the backup kind "Kept before a restore"), so
 * a dialog and the settings screen name the same thing the same way.
 */
export const en: ShellText = {
  // en-GB like the English UI: "Fri, 20 November 2026 at 10:00".
  locale: 'en-GB',
  menu: {
    app: {
      about: 'About Torihiki',
      hide: 'Hide Torihiki',
      hideOthers: 'Hide Others',
      unhide: 'Show All',
      quit: 'Quit Torihiki',
    },
    file: { label: 'File', closeWindow: 'Close Window', quit: 'Quit' },
    edit: {
      label: 'Edit',
      undo: 'Undo',
      redo: 'Redo',
      cut: 'Cut',
      copy: 'Copy',
      paste: 'Paste',
      selectAll: 'Select All',
    },
    view: {
      label: 'View',
      reload: 'Reload',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      fullScreen: 'Toggle Full Screen',
      devTools: 'Developer Tools',
    },
    window: { label: 'Window', minimize: 'Minimize', front: 'Bring All to Front', close: 'Close' },
  },
  tray: {
    open: 'Open',
    quit: 'Quit',
    due: (appName, count) => `${appName} (${count} ${count === 1 ? 'follow-up' : 'follow-ups'} due)`,
  },
  dialogs: {
    buttons: { quit: 'Quit', showFolder: 'Open Folder', restoreAndStart: 'Restore the Backup and Start' },
    openFailure: {
      db_not_torihiki: {
        message: 'This file is not Torihiki data, so it cannot be opened.',
        advice: 'A file from another app, or some other file that is not Torihiki data, is in its place.',
      },
      db_corrupt: {
        message: 'The data file is damaged, so it cannot be opened.',
        advice: 'Restore it from the latest backup.',
      },
      db_newer: {
        message: 'This data was saved by a newer version of Torihiki, so it cannot be opened.',
        advice: 'Update Torihiki to the latest version, then start it again.',
      },
      db_unwritable: {
        message: 'The data folder cannot be written to, so the data cannot be opened.',
        advice: 'Check the folder permissions and the free disk space.',
      },
    },
    unknownFailure: {
      message: 'The data could not be opened.',
      advice: 'Try starting Torihiki again. If that does not help, send us the details below.',
    },
    untouched: 'The file has not been changed or deleted.',
    location: (path) => `Location: ${path}`,
    backup: (file) => `Backup: ${file}`,
    details: (reason) => `Details: ${reason}`,
    backendStopped: {
      message: 'Torihiki stopped working and will now close.',
      advice: 'Please start it again. Your last action may not have been saved.',
    },
    restoreOffer: {
      advice: (when) =>
        when
          ? `Torihiki can go back to the latest good backup (${when}) and start.`
          : 'Torihiki can go back to the latest good backup and start.',
      warning:
        'Changes made after it are lost. The damaged file is not deleted: it is kept as "Kept before a restore".',
    },
    noBackup: [
      'No good backup was found. If you keep backups in another place,',
      'restore that file with `torihiki restore`.',
    ],
    restoreFailed: {
      message: 'The backup could not be restored.',
      advice: 'The data file is as it was. Start Torihiki again, or restore it with this command:',
    },
    startupFailed: 'Torihiki could not start.',
  },
};
