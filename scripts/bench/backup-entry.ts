// Bundled by scripts/bench/backup.mjs and run in a plain Chromium page: the extension's own backup code
// (storage/backup, dexie-export-import, Dexie) over the history bench's database — 2,000 kept offers and
// 1,000,000 price points, seeded by history-entry.ts (imported here for its `__historyBench.seed`, so both benches
// use one data set in one reused profile).
import './history-entry';
import { createBackup, restoreBackup } from '../../storage/backup';
import { SourceLensDb } from '../../storage/db';

/** The history bench's database (history-entry.ts `NAME`). */
const NAME = 'sourcelens-bench-history';

function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The last backup made, kept for `restore` (another page.evaluate, so the backup's memory figures exclude it). */
let lastFile: Blob | null = null;

/** The whole database backed up as the options page does it; the file is measured and kept for `restore`. */
async function backup(): Promise<{ ms: number; bytes: number; rows: number; progressCalls: number }> {
  const db = new SourceLensDb(NAME);
  await db.open();
  let rows = 0;
  for (const table of db.tables) rows += await table.count();
  let progressCalls = 0;
  const t = performance.now();
  const blob = await createBackup(db, () => {
    progressCalls++;
  });
  const ms = performance.now() - t;
  db.close();
  lastFile = blob;
  return { ms, bytes: blob.size, rows, progressCalls };
}

/**
 * The floor: every row read with bare IndexedDB in slices of 2,000 by primary key (as the export reads them) in
 * one read transaction, each slice turned into JSON text and dropped — reading and serialising, nothing else.
 */
async function floor(): Promise<{ ms: number; chars: number }> {
  const db = new SourceLensDb(NAME);
  await db.open();
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const t = performance.now();
  const tx = idb.transaction(names, 'readonly');
  let chars = 0;
  for (const name of names) {
    const store = tx.objectStore(name);
    let lower: IDBValidKey | null = null;
    for (;;) {
      const range: IDBKeyRange | null = lower === null ? null : IDBKeyRange.lowerBound(lower, true);
      const [values, keys] = await Promise.all([
        new Promise<unknown[]>((resolve, reject) => {
          const r = store.getAll(range, 2000);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        }),
        new Promise<IDBValidKey[]>((resolve, reject) => {
          const r = store.getAllKeys(range, 2000);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        }),
      ]);
      if (values.length === 0) break;
      chars += JSON.stringify(values).length;
      lower = keys[keys.length - 1] ?? null;
      if (values.length < 2000) break;
    }
  }
  await txDone(tx);
  const ms = performance.now() - t;
  db.close();
  return { ms, chars };
}

/**
 * The last backup restored over the same database as the options page does it, replacing everything (the whole
 * file checked first, then written in one transaction): the database ends as it was, so the profile is reused.
 */
async function restore(): Promise<{ ms: number; checkMs: number; rows: number }> {
  if (!lastFile) throw new Error('no backup made yet');
  const db = new SourceLensDb(NAME);
  await db.open();
  let checkEnd = 0;
  const t = performance.now();
  const summary = await restoreBackup(lastFile, db, 'replace', (p) => {
    if (p.phase === 'writing' && checkEnd === 0) checkEnd = performance.now();
  });
  const ms = performance.now() - t;
  db.close();
  lastFile = null;
  return { ms, checkMs: checkEnd - t, rows: Object.values(summary.rows).reduce((a, b) => a + b, 0) };
}

(globalThis as unknown as Record<string, unknown>).__backupBench = { backup, floor, restore };
