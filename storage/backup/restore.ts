/**
 * Restoring a backup file: everything is checked first, then written in one transaction.
 *
 * 1. Check (nothing written): the file is read to its end — the header (our format, a schema version this
 *    database can take), dexie's layout and table list (known tables with our primary keys), every row against
 *    its table's schema (schemas.ts), the rows per table against the table list, one kept entry per offer.
 *    Any problem is a BackupError saying what and where, and the database is untouched.
 * 2. Write: one read-write transaction over every table (replace clears them first; merge keeps both, newer
 *    wins: merge.ts) while the file is read again and each row checked again — the file may have changed on disk
 *    in between; a problem now aborts the transaction, which undoes everything it wrote.
 */
import { Dexie } from 'dexie';
import * as v from 'valibot';
import { MAX_BLOCK_POINTS } from '../price-blocks';
import { storedKey, storedUrl } from '../stored-url';
import { BackupError } from './errors';
import {
  BACKUP_FORMAT,
  type BackupLimits,
  type BackupSummary,
  DEFAULT_LIMITS,
  HeaderSchema,
  MIN_BACKUP_SCHEMA,
  TablesSchema,
} from './format';
import { type BackupMeta, type BackupSource, readBackupFile } from './json-reader';
import { type RestoreMode, writeRows } from './merge';
import { type BackupTable, checkRow, isBackupTable } from './schemas';

export type { RestoreMode } from './merge';

export interface RestoreProgress {
  phase: 'checking' | 'writing';
  /** Share of the file read in this phase, 0..1. */
  fraction: number;
}

type Row = Record<string, unknown>;

/**
 * Rows of a backup made under an older schema version, brought to the current one before they are checked:
 * for each version after MIN_BACKUP_SCHEMA, what its `upgrade()` in storage/db.ts does to a row, per table.
 * A test holds this list to the database's versions.
 */
export const ROW_UPGRADES: Record<number, Partial<Record<BackupTable, (row: Row) => Row>>> = {
  // Version 7: addresses and `url:` keys without the secrets older versions kept in them (storage/stored-url.ts).
  7: {
    products: (row) => ({ ...row, key: keyOf(row.key), url: urlOf(row.url) }),
    priceObservations: (row) => ({ ...row, subjectKey: keyOf(row.subjectKey), where: urlOf(row.where) }),
    priceLatest: (row) => ({ ...row, subjectKey: keyOf(row.subjectKey), where: urlOf(row.where) }),
    shortlist: (row) => ({ ...row, productKey: keyOf(row.productKey) }),
  },
  // Version 8 added price blocks; no row changed shape.
  8: {},
  // Version 9 added the price inbox, which backups leave out (backup.ts); no row changed shape.
  9: {},
};

/** A stored address or key as version 7 writes it; anything that is not a string is left for the schema to judge. */
function urlOf(value: unknown): unknown {
  return typeof value === 'string' ? storedUrl(value) : value;
}
function keyOf(value: unknown): unknown {
  return typeof value === 'string' ? storedKey(value) : value;
}

function checkMeta(
  meta: BackupMeta,
  database: Dexie,
): { header: BackupSummary['header']; rowCounts: Map<string, number> } {
  const header = v.safeParse(HeaderSchema, meta.sourcelens);
  if (!header.success) throw new BackupError('not-backup', 'no SourceLens header');
  const h = header.output;
  if (h.format !== BACKUP_FORMAT) throw new BackupError('unknown-format', String(h.format));
  if (meta.formatName !== 'dexie' || meta.formatVersion !== 1)
    throw new BackupError('not-backup', 'not a dexie export');
  if (meta.databaseName !== database.name)
    throw new BackupError('not-backup', `database “${String(meta.databaseName).slice(0, 40)}”`);
  if (meta.databaseVersion !== h.schemaVersion)
    throw new BackupError('not-backup', 'the header and the export disagree on the schema version');
  if (h.schemaVersion > database.verno) throw new BackupError('newer-schema', String(h.schemaVersion));
  if (h.schemaVersion < MIN_BACKUP_SCHEMA) throw new BackupError('older-schema', String(h.schemaVersion));
  const tables = v.safeParse(TablesSchema, meta.tables);
  if (!tables.success) throw new BackupError('not-backup', 'the table list');
  const rowCounts = new Map<string, number>();
  for (const t of tables.output) {
    if (!isBackupTable(t.name) || !database.tables.some((d) => d.name === t.name))
      throw new BackupError('unknown-table', t.name);
    if (rowCounts.has(t.name)) throw new BackupError('not-backup', `table ${t.name} listed twice`);
    // dexie writes each table's schema as "primary key, index, …": the primary key must be ours.
    if (t.schema.split(',')[0]?.trim() !== database.table(t.name).schema.primKey.src)
      throw new BackupError('not-backup', `table ${t.name} has another primary key`);
    rowCounts.set(t.name, t.rowCount);
  }
  return { header: h, rowCounts };
}

/**
 * dexie-export-import writes rows through typeson, which marks every array it meets
 * (`"$types": {"images": "arrayNonindexKeys", "supplier.badges": …}`) while the array itself stays plain JSON.
 * That mark is the only one accepted — the app stores nothing else typeson encodes (dates, Blobs, Maps, typed
 * arrays) — and it must name an array; then it is dropped. Null for a mark that is anything else.
 */
export function withoutTypeMarks(row: unknown): unknown {
  if (!row || typeof row !== 'object' || Array.isArray(row) || !Object.hasOwn(row, '$types')) return row;
  const { $types: marks, ...rest } = row as Row;
  if (!marks || typeof marks !== 'object' || Array.isArray(marks)) return null;
  const entries = Object.entries(marks);
  // One mark per array in the row: a price block has one for each point with tiers (up to MAX_BLOCK_POINTS). The
  // row's text is already bounded, and so is the work: each mark is a short path walked once.
  if (entries.length > 2 * MAX_BLOCK_POINTS + 100) return null;
  for (const [path, type] of entries) {
    if (type !== 'arrayNonindexKeys') return null;
    let at: unknown = rest;
    for (const part of path.split('.')) {
      // typeson escapes "~" and "." in member names; the app's names have neither.
      at = at && typeof at === 'object' && Object.hasOwn(at, part) ? (at as Row)[part] : undefined;
    }
    if (!Array.isArray(at)) return null;
  }
  return rest;
}

function upgrade(table: BackupTable, row: unknown, fromVersion: number, toVersion: number): unknown {
  let out = row;
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    const step = ROW_UPGRADES[version]?.[table];
    if (step && out && typeof out === 'object') out = step(out as Row);
  }
  return out;
}

/**
 * Reads the whole file once, checking everything; `onBatch` gets each batch of checked, current-shape rows.
 * Returns what the file holds.
 */
async function scan(
  file: BackupSource,
  database: Dexie,
  limits: BackupLimits,
  onBatch: (table: BackupTable, rows: Row[]) => void | Promise<void>,
  onFraction: (fraction: number) => void,
  wait?: <T>(p: Promise<T>) => Promise<T>,
): Promise<BackupSummary> {
  let checked: ReturnType<typeof checkMeta> | null = null;
  const seen = new Map<string, number>();
  const keptOffers = new Set<string>();
  let prices = 0;
  await readBackupFile(file, limits, {
    wait,
    onMeta: (meta) => {
      checked = checkMeta(meta, database);
    },
    onBytes: (read, total) => onFraction(total ? read / total : 1),
    onRows: (name, rows, first) => {
      const c = checked as ReturnType<typeof checkMeta> | null;
      if (!c) throw new BackupError('not-backup', 'rows before the header');
      if (!isBackupTable(name) || !c.rowCounts.has(name)) throw new BackupError('unknown-table', name);
      const out: Row[] = [];
      for (let i = 0; i < rows.length; i++) {
        const plain = withoutTypeMarks(rows[i]);
        if (plain === null)
          throw new BackupError(
            'bad-row',
            `${name} row ${first + i + 1}: a value of a type the app never stores`,
          );
        const checkedInput = upgrade(name, plain, c.header.schemaVersion, database.verno) as Row;
        const result = checkRow(name, checkedInput);
        if (!result.ok) throw new BackupError('bad-row', `${name} row ${first + i + 1}: ${result.problem}`);
        if (name === 'shortlist') {
          const offerKey = result.row.offerKey as string;
          if (keptOffers.has(offerKey)) throw new BackupError('duplicate', `${name} row ${first + i + 1}`);
          keptOffers.add(offerKey);
        }
        if (name === 'priceObservations') prices++;
        else if (name === 'priceBlocks') prices += (result.row.points as unknown[]).length;
        // The row as the file has it (checked): the schema's output would reorder its members.
        out.push(checkedInput);
      }
      return onBatch(name, out);
    },
    onTableEnd: (name, count) => {
      if (seen.has(name)) throw new BackupError('not-backup', `table ${name} appears twice`);
      seen.set(name, count);
    },
  });
  const c = checked as ReturnType<typeof checkMeta> | null;
  if (!c) throw new BackupError('not-backup');
  for (const [name, declared] of c.rowCounts) {
    const found = seen.get(name) ?? 0;
    if (found !== declared) throw new BackupError('count-mismatch', `${name}: ${found} of ${declared} rows`);
  }
  return { header: c.header, rows: Object.fromEntries(c.rowCounts), prices, bytes: file.size };
}

/** Checks a whole file without writing anything: what it holds, or a BackupError saying what is wrong. */
export function inspectBackup(
  file: BackupSource,
  database: Dexie,
  onProgress: (p: RestoreProgress) => void = () => {},
  limits: BackupLimits = DEFAULT_LIMITS,
): Promise<BackupSummary> {
  return scan(
    file,
    database,
    limits,
    () => {},
    (fraction) => onProgress({ phase: 'checking', fraction }),
  );
}

/**
 * Restores a file (checked in full first, then written in one transaction). On any error the database is as it
 * was. Returns what the file held.
 */
export async function restoreBackup(
  file: BackupSource,
  database: Dexie,
  mode: RestoreMode,
  onProgress: (p: RestoreProgress) => void = () => {},
  limits: BackupLimits = DEFAULT_LIMITS,
): Promise<BackupSummary> {
  await inspectBackup(file, database, onProgress, limits);
  return database.transaction('rw', database.tables, async (tx) => {
    // The transaction is named, not taken from Dexie's zone: the reader's own awaits need not keep the zone, so
    // every write goes through `tx.table()` and every read of the file through `tx.waitFor()` (what
    // `Dexie.waitFor` calls: it keeps the transaction open with small reads while the file is read).
    const keepOpen = tx as unknown as { waitFor<T>(p: Promise<T>): Promise<T> };
    if (mode === 'replace') for (const table of database.tables) await tx.table(table.name).clear();
    return scan(
      file,
      database,
      limits,
      (name, rows) => writeRows((n) => tx.table(n), name, rows, mode),
      (fraction) => Dexie.ignoreTransaction(() => onProgress({ phase: 'writing', fraction })),
      (p) => keepOpen.waitFor(p),
    );
  });
}
