import { exportDB } from 'dexie-export-import';
import type { SourceLensDb } from '../db';
import { settleInbox } from '../price-inbox';
import { BACKUP_FORMAT, type BackupHeader } from './format';
import { ROW_SCHEMAS } from './schemas';

/**
 * Rows read per slice. Each slice is turned into JSON text and then a Blob part at once; the parts' bytes go to the
 * browser process, but the text stays in this page's heap as garbage until V8's next major collection
 * (scripts/bench/blob-memory.mjs). A price block holds up to a few hundred points (storage/price-blocks.ts), so a
 * slice of many rows is a large string, which goes straight to the old generation; small slices die young. But the
 * browser process keeps every part with a cost of its own (about 13 kB), so very small slices move memory from this
 * page to the browser rather than saving it. Peaks at 1,000,000 points (scripts/bench/backup.mjs: this page's
 * `backup_peak_mb`, the browser's `backup_browser_peak_mb`, `backup_s`; load about 2), page + browser:
 * 200 rows 240–261 + 192–200 MB in 11–15 s; 50 rows 206–235 + 199–201; 20 rows 199–239 + 207–208;
 * 10 rows 197–201 + 226–227 in 15–17 s; 3 rows 160–207 + 307 in 19–28 s. Ten rows is the smallest sum
 * measured, and the steadiest page.
 */
const ROWS_PER_SLICE = 10;

/**
 * Progress is passed on in steps of this share of the rows at least: one call a slice would redraw the page some
 * 1,600 times for 1,000,000 points.
 */
const PROGRESS_STEP = 0.005;

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
  let reported = 0;
  onProgress(0);
  const exported = await exportDB(database, {
    numRowsPerChunk: ROWS_PER_SLICE,
    skipTables: [...NOT_BACKED_UP],
    progressCallback: (p) => {
      const fraction = p.totalRows ? p.completedRows / p.totalRows : p.done ? 1 : 0;
      if (fraction - reported >= PROGRESS_STEP || (fraction === 1 && reported < 1)) {
        reported = fraction;
        onProgress(fraction);
      }
      return true;
    },
  });
  const header: BackupHeader = { format: BACKUP_FORMAT, schemaVersion: database.verno, createdAt: now };
  // The export is `{"formatName":…}`: our member goes in after its opening brace, the rest is shared as is.
  if ((await exported.slice(0, 1).text()) !== '{') throw new Error('unexpected export layout');
  if (reported < 1) onProgress(1);
  return new Blob([`{"sourcelens":${JSON.stringify(header)},`, exported.slice(1)], {
    type: 'application/json',
  });
}
