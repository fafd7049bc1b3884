/**
 * Writing one batch of checked rows of a restore, inside the restore's transaction.
 *
 * Replace: the tables were cleared first; rows go in as they are (their own ids).
 * Merge: both are kept, and where the file and the database have the same row the newer one wins:
 *   products, offers      by `lastSeenAt` (the earlier `firstSeenAt` is kept)
 *   lookups               by `fetchedAt`
 *   imageHashes           by `at` (the later `usedAt` is kept)
 *   priceLatest           by `at`
 *   shortlist             the same offer (`offerKey`): by its last change (status history, else when kept); the
 *                         database's id stays
 *   priceObservations     one point per subject and moment (`subjectKey` + `at`): a point already there is
 *                         skipped, new ones get new ids
 *   priceBlocks           their points, the same way, as loose points: the next maintenance folds them into the
 *                         database's blocks (storage/price-blocks.ts), where a moment a block holds is a copy
 * A tie keeps what the database has.
 */
import type { Table } from 'dexie';
import { pointsOf } from '../price-blocks';
import type { PriceBlock } from '../types';
import type { BackupTable } from './schemas';

export type RestoreMode = 'merge' | 'replace';
type Row = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The time that says which copy of a row is newer, per table (observations are deduplicated instead). */
const NEWEST: Record<
  Exclude<BackupTable, 'priceObservations' | 'priceBlocks' | 'shortlist'>,
  (r: Row) => number
> = {
  products: (r) => num(r.lastSeenAt),
  offers: (r) => num(r.lastSeenAt),
  lookups: (r) => num(r.fetchedAt),
  imageHashes: (r) => num(r.at),
  priceLatest: (r) => num(r.at),
};

/** When a kept offer last changed: its latest status change, or when it was kept. */
export function shortlistChangedAt(r: Row): number {
  let at = num(r.addedAt);
  if (Array.isArray(r.statusHistory))
    for (const h of r.statusHistory as { at?: unknown }[]) at = Math.max(at, num(h?.at));
  return at;
}

/** Fields kept from either copy whichever wins (the earliest first sighting, the latest use). */
function combine(table: BackupTable, winner: Row, other: Row): Row {
  if (table === 'products' || table === 'offers')
    return { ...winner, firstSeenAt: Math.min(num(winner.firstSeenAt), num(other.firstSeenAt)) };
  if (table === 'imageHashes' && (winner.usedAt !== undefined || other.usedAt !== undefined))
    return { ...winner, usedAt: Math.max(num(winner.usedAt), num(other.usedAt)) };
  return winner;
}

async function mergeKeyed(table: Table, name: keyof typeof NEWEST, rows: Row[]): Promise<void> {
  const keyPath = table.schema.primKey.keyPath as string;
  const existing = (await table.bulkGet(rows.map((r) => r[keyPath] as string))) as (Row | undefined)[];
  const newest = NEWEST[name];
  const out: Row[] = [];
  rows.forEach((row, i) => {
    const old = existing[i];
    if (!old) out.push(row);
    else if (newest(row) > newest(old)) out.push(combine(name, row, old));
    else {
      // The database's row stays; it is written only when the file's copy moves a kept field.
      const kept = combine(name, old, row);
      if (kept.firstSeenAt !== old.firstSeenAt || kept.usedAt !== old.usedAt) out.push(kept);
    }
  });
  if (out.length) await table.bulkPut(out);
}

async function mergeShortlist(table: Table, rows: Row[]): Promise<void> {
  const existing = (await table
    .where('offerKey')
    .anyOf(rows.map((r) => r.offerKey as string))
    .toArray()) as Row[];
  const byOffer = new Map(existing.map((r) => [r.offerKey as string, r]));
  const out: Row[] = [];
  for (const row of rows) {
    const old = byOffer.get(row.offerKey as string);
    const { id: _id, ...fields } = row;
    if (!old) out.push(fields);
    else if (shortlistChangedAt(row) > shortlistChangedAt(old)) out.push({ ...fields, id: old.id });
  }
  if (out.length) await table.bulkPut(out);
}

async function mergeObservations(table: Table, rows: Row[]): Promise<void> {
  const moment = (r: Row) => [r.subjectKey as string, r.at as number] as [string, number];
  const there = await table.where('[subjectKey+at]').anyOf(rows.map(moment)).keys();
  const seen = new Set(there.map((k) => JSON.stringify(k)));
  const out: Row[] = [];
  for (const row of rows) {
    const k = JSON.stringify(moment(row));
    if (seen.has(k)) continue;
    seen.add(k);
    const { id: _id, ...fields } = row;
    out.push(fields);
  }
  if (out.length) await table.bulkAdd(out);
}

/** Writes one batch of checked rows of `name`; `tableOf` gives the restore transaction's tables. */
export async function writeRows(
  tableOf: (name: BackupTable) => Table,
  name: BackupTable,
  rows: Row[],
  mode: RestoreMode,
) {
  const table = tableOf(name);
  if (mode === 'replace') {
    await table.bulkPut(rows);
    return;
  }
  if (name === 'priceObservations') await mergeObservations(table, rows);
  else if (name === 'priceBlocks')
    await mergeObservations(
      tableOf('priceObservations'),
      rows.flatMap((r) => pointsOf(r as unknown as PriceBlock) as unknown as Row[]),
    );
  else if (name === 'shortlist') await mergeShortlist(table, rows);
  else await mergeKeyed(table, name, rows);
}
