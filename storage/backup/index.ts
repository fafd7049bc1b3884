/** Backup and restore of the whole database (format.ts says what the file is; restore.ts what is checked). */
export { createBackup } from './backup';
export { BackupError, type BackupErrorCode } from './errors';
export { BACKUP_FORMAT, type BackupSummary } from './format';
export { inspectBackup, type RestoreMode, type RestoreProgress, restoreBackup } from './restore';
