/**
 * The SourceLens backup file: dexie-export-import's JSON ("formatName": "dexie") with one member of ours first,
 *
 *   {"sourcelens": {"format": 1, "schemaVersion": 4, "createdAt": 1765000000000},
 *    "formatName": "dexie", "formatVersion": 1,
 *    "data": {"databaseName": "sourcelens", "databaseVersion": 4, "tables": [{name, schema, rowCount}, …],
 *             "data": [{"tableName": "products", "inbound": true, "rows": [ {...}, … ]}, …]}}
 *
 * `format` is ours: bump it when the file's layout changes. `schemaVersion` is the Dexie schema the rows were
 * written under (storage/db.ts); older ones are brought up to date by ROW_UPGRADES before they are checked.
 */
import * as v from 'valibot';

export const BACKUP_FORMAT = 1;

/**
 * The oldest Dexie schema version a backup can have been made with: the first release with backups wrote version 6
 * (version 6 rewrote product keys across tables, which no row-by-row upgrade could do).
 */
export const MIN_BACKUP_SCHEMA = 6;

/** The limits a file must keep (a restore reads files from anywhere; nothing unbounded is held in memory). */
export interface BackupLimits {
  /** Whole file, bytes. */
  maxFileBytes: number;
  /** One row's JSON text, characters. */
  maxRowChars: number;
  /**
   * Tables whose rows may be longer, with their own limit: a price block holds whole days of one subject's
   * points (storage/price-blocks.ts, at most MAX_BLOCK_POINTS).
   */
  maxRowCharsOf: Readonly<Record<string, number>>;
  /** Rows' text handed on at once (a batch ends at this many characters, or at 2,000 rows). */
  maxBatchChars: number;
  /** Any value outside the rows (the header, the tables list), characters. */
  maxMetaChars: number;
  /** Rows per table. */
  maxRowsPerTable: number;
}

export const DEFAULT_LIMITS: BackupLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxRowChars: 256 * 1024,
  maxRowCharsOf: { priceBlocks: 4 * 1024 * 1024 },
  maxBatchChars: 16 * 1024 * 1024,
  maxMetaChars: 64 * 1024,
  maxRowsPerTable: 20_000_000,
};

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const HeaderSchema = v.strictObject({
  format: v.pipe(v.number(), v.integer()),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: count,
});
export type BackupHeader = v.InferOutput<typeof HeaderSchema>;

export const TablesSchema = v.pipe(
  v.array(
    v.strictObject({
      name: v.pipe(v.string(), v.maxLength(60)),
      schema: v.pipe(v.string(), v.maxLength(500)),
      rowCount: count,
    }),
  ),
  v.maxLength(50),
);
export type BackupTables = v.InferOutput<typeof TablesSchema>;

/** What a file holds, shown before anything is written. */
export interface BackupSummary {
  header: BackupHeader;
  /** Rows per table, as read (and as the file's own table list says: they must agree). */
  rows: Record<string, number>;
  /** Price points it holds, loose and in blocks. */
  prices: number;
  bytes: number;
}
