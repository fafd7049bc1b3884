import { exportDB } from 'dexie-export-import';
import type { SourceLensDb } from '../db';
import { settleInbox } from '../price-inbox';
import { BACKUP_FORMAT, type BackupHeader } from './format';
import { ROW_SCHEMAS } from './schemas';

/**
 * Rows read per slice: each slice becomes a Blob part at once, so the script holds about this many rows. A price
 * block holds up to a few hundred points (storage/price-blocks.ts): 2,000 of them in a slice took the page's heap
 * to 186 MB; with 200, 50, 20 or 10 it peaked at 80–110 MB, and the page's resident memory at 190–250 MB, run to
 * run, whichever of them (scripts/bench/backup.mjs, 1,000,000 points).
 */
const ROWS_PER_SLICE = 200;

/**
 * Tables a backup leaves out: the price inbox is settled into the history just before the export (observations
 * recorded after that are as much after the backup as those recorded after its read), so a file never carries
 * half-recorded batches whose row ids would clash on a merge.
 */
export const NOT_BACKED_UP: readonly string[] = ['priceInbox'];

/**
 * The whole database as a backup file (format.ts): dexie-export-import reads each table in slices inside one
 * read transaction (a consistent copy) and turns every slice into a Blob part straight away, so the script's heap
 * holds about a slice, not the database. (The parts' bytes live in the browser process; this page's resident
 * memory still peaks well above the heap in use, with the slices' JSON text waiting for V8's next major
 * collection — scripts/bench/backup.mjs, `backup_peak_mb`.) Our header is put in front as the first member.
 * `onProgress` gets the share of rows done, 0..1.
 */
export async function createBackup(
  database: SourceLensDb,
  onProgress: (fraction: number) => void = () => {},
  now = Date.now(),
): Promise<Blob> {
  const missing = database.tables
    .map((t) => t.name)
    .filter((n) => !Object.hasOwn(ROW_SCHEMAS, n) && !NOT_BACKED_UP.includes(n));
  // A table restore could not check would make a backup that cannot be restored: refuse now, not then.
  if (missing.length) throw new Error(`no backup schema for table ${missing.join(', ')}`);
  await settleInbox(database);
  const exported = await exportDB(database, {
    numRowsPerChunk: ROWS_PER_SLICE,
    skipTables: [...NOT_BACKED_UP],
    progressCallback: (p) => {
      onProgress(p.totalRows ? p.completedRows / p.totalRows : p.done ? 1 : 0);
      return true;
    },
  });
  const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion: database.verno, createdAt: now };
  // The export is `{"formatName":…}`: our member goes in after its opening brace, the rest is shared as is.
  if ((await exported.slice(0, 1).text()) !== '{') throw new Error('unexpected export layout');
  onProgress(1);
  return new Blob([`{"sourcelens":${JSON.stringify(header)},`, exported.slice(1)], {
    type: 'application/json',
  });
}
