/** 設定 → バックアップとデータ: choosing the backup folder with the system's folder picker (desktop app). */
export const backupFolderJa = {
  choose: 'フォルダを選択…',
  dialogTitle: 'バックアップの保存先フォルダを選択',
  chosen: 'バックアップの保存先を {{folder}} にしました',
};
