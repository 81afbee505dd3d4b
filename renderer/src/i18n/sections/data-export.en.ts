import type { Messages } from '../messages';

/** Data export while it runs, in English; same keys as data-export.ja.ts. */
export const dataExportEn: Messages['dataExport'] = {
  preparing: 'Preparing the export…',
  progress: '{{done}} / {{total}} rows',
  progressLabel: 'Export progress',
  running: 'Exporting…',
  hint: 'A large ledger takes a while. Keep this screen open until it is done.',
  cancel: 'Cancel',
  cancelled: 'The export was cancelled. No file was saved.',
  saved: 'Saved "{{name}}" ({{n}} rows).',
};
