import type { Messages } from '../messages';

/** Settings → Backups and data: choosing the backup folder with the system's folder picker (desktop app). */
export const backupFolderEn: Messages['backupFolder'] = {
  choose: 'Choose folder…',
  dialogTitle: 'Choose the folder for backups',
  chosen: 'Backups now go to {{folder}}',
};
