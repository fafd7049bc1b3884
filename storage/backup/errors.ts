/**
 * Why a backup file was refused. The code picks the sentence the person reads (DataSection.tsx, in their
 * language); `detail` names the place (a table, a row, a field) in the file's own terms.
 */
export type BackupErrorCode =
  /** The file ends before its data does (a download cut short, a copy that failed). */
  | 'truncated'
  /** Not UTF-8 text. */
  | 'not-text'
  /** Broken JSON syntax somewhere. */
  | 'bad-json'
  /** JSON, but not a SourceLens backup (another app's export, or a different layout). */
  | 'not-backup'
  /** A SourceLens backup format this version does not know. */
  | 'unknown-format'
  /** Made by a newer SourceLens (a database schema this one does not have). */
  | 'newer-schema'
  /** Made by a SourceLens too old to restore from. */
  | 'older-schema'
  /** A table this database does not have. */
  | 'unknown-table'
  /** A row that does not hold what the app writes (tampered or damaged). */
  | 'bad-row'
  /** The file's table list and its rows disagree (rows missing or added). */
  | 'count-mismatch'
  /** Two kept offers for one offer (the shortlist keeps each offer once). */
  | 'duplicate'
  /** The whole file is over the size limit. */
  | 'file-too-large'
  /** One value is over its size limit. */
  | 'too-large'
  /** A table with more rows than any real database holds. */
  | 'too-many-rows';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BackupError';
  }
}
