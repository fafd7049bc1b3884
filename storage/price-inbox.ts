/**
 * The price inbox: where recording puts observations, one row per batch (`priceInbox`), before they are settled
 * into the history.
 *
 * Why: IndexedDB charges per request. Recording a search's answer the direct way — read each subject's newest
 * point, add each new point, write each newest point back — made three requests a point and managed about 2,900
 * points a second (history bench, 1,000,000 points stored). Appending the batch as one row is one request
 * whatever its size. The de-duplication rule (price-dedupe.ts) is applied when the inbox is settled (`settleInbox`,
 * soon after by the background, and before every maintenance run), and readers apply it to what is still waiting,
 * against the same newest points, so the history reads the same before and after.
 *
 * A row lists its subjects (`*subjects`, a multi-entry index) so a reader finds the few rows about one subject.
 */
import type { SourceLensDb } from './db';
import { type NewObservation, settle } from './price-dedupe';
import type { InboxBatch, LatestPrice, PriceObservation } from './types';

/**
 * Observations settled per transaction (whole rows, at least one): settling runs at 2,500–3,100 a second on the
 * history bench, so a transaction takes about a second and a stopped worker loses little. Rows are read this many
 * at a time to find them.
 */
const SETTLE_POINTS = 2_000;
const SETTLE_ROWS = 40;

/** The tables a reader of the whole history needs in its transaction (blocks, loose points, inbox, newest points). */
export const historyTables = (database: SourceLensDb) => [
  database.priceBlocks,
  database.priceObservations,
  database.priceInbox,
  database.priceLatest,
];

let onAppend: (() => void) | null = null;

/** Who settles the inbox in this context (the background): told after each append. */
export function whenInboxAppended(listener: (() => void) | null): void {
  onAppend = listener;
}

/**
 * Appends observations (in the order seen) as one inbox row, reading nothing. Joins the caller's transaction when
 * there is one (it must include `priceInbox`).
 */
export async function appendToInbox(
  database: SourceLensDb,
  observations: readonly NewObservation[],
): Promise<void> {
  if (observations.length === 0) return;
  const subjects = [...new Set(observations.map((o) => o.subjectKey))];
  await database.priceInbox.add({ subjects, points: [...observations] });
  onAppend?.();
}

/** A subject's inbox rows, in the order they were written (one index key's rows come in primary-key order). */
const rowsAbout = (database: SourceLensDb, subjectKey: string) =>
  database.priceInbox.where('subjects').equals(subjectKey).toArray();

/** What settling will make of a subject's rows: its points, and its newest point after them. */
async function settleRows(
  database: SourceLensDb,
  subjectKey: string,
  rows: InboxBatch[],
): Promise<{ points: PriceObservation[]; newest: LatestPrice | undefined }> {
  const stored = await database.priceLatest.get(subjectKey);
  if (rows.length === 0) return { points: [], newest: stored };
  const latest = new Map<string, LatestPrice>(stored ? [[subjectKey, stored]] : []);
  const mine = rows.flatMap((r) => r.points.filter((o) => o.subjectKey === subjectKey));
  const { points } = settle(latest, mine);
  return { points, newest: latest.get(subjectKey) };
}

/**
 * One subject's observations still in the inbox, as the points settling will make of them. Read inside a
 * transaction with `historyTables`, so a settle cannot run between these reads and the history's. Usually the
 * inbox holds nothing about the subject: then it is one index read.
 */
export async function waitingPoints(database: SourceLensDb, subjectKey: string): Promise<PriceObservation[]> {
  const rows = await rowsAbout(database, subjectKey);
  return rows.length ? (await settleRows(database, subjectKey, rows)).points : [];
}

/** A subject's newest point, settled or waiting (in a transaction with `historyTables`, as above). */
export async function newestPoint(
  database: SourceLensDb,
  subjectKey: string,
): Promise<LatestPrice | undefined> {
  return (await settleRows(database, subjectKey, await rowsAbout(database, subjectKey))).newest;
}

/** What settling `rows` (in the order written) makes, against their subjects' stored newest points. */
async function settleAll(database: SourceLensDb, rows: InboxBatch[]): Promise<ReturnType<typeof settle>> {
  const observations = rows.flatMap((r) => r.points);
  const keys = [...new Set(observations.map((o) => o.subjectKey))];
  const stored = await database.priceLatest.bulkGet(keys);
  const latest = new Map<string, LatestPrice>();
  keys.forEach((key, i) => {
    const row = stored[i];
    if (row) latest.set(key, row);
  });
  return settle(latest, observations);
}

/**
 * Settles the inbox into the history, oldest rows first, about SETTLE_POINTS observations per transaction: the rule
 * decides which observations become loose points (price-blocks.ts folds those later), each subject's newest point is
 * updated, and the rows go. `tick` runs between transactions. Returns the rows settled and the points they made.
 */
export async function settleInbox(
  database: SourceLensDb,
  tick: () => unknown = () => {},
): Promise<{ rows: number; points: number }> {
  let rows = 0;
  let points = 0;
  for (;;) {
    const done = await database.transaction(
      'rw',
      database.priceInbox,
      database.priceObservations,
      database.priceLatest,
      async () => {
        const read: InboxBatch[] = await database.priceInbox.orderBy(':id').limit(SETTLE_ROWS).toArray();
        let taken = 0;
        const batch = read.filter((r, i) => {
          taken += r.points.length;
          return i === 0 || taken <= SETTLE_POINTS;
        });
        const first = batch[0]?.id;
        const last = batch.at(-1)?.id;
        if (first === undefined || last === undefined) return { rows: 0, points: 0, more: false };
        const settled = await settleAll(database, batch);
        if (settled.points.length) {
          await database.priceObservations.bulkAdd(settled.points);
          await database.priceLatest.bulkPut([...settled.changed.values()]);
        }
        // The oldest ids, so one key-range delete.
        await database.priceInbox.where(':id').between(first, last, true, true).delete();
        return {
          rows: batch.length,
          points: settled.points.length,
          more: read.length > batch.length || read.length === SETTLE_ROWS,
        };
      },
    );
    rows += done.rows;
    points += done.points;
    await tick();
    if (!done.more) return { rows, points };
  }
}

/** How many points the inbox will make when settled (in a transaction with `historyTables`: a few rows). */
export async function countWaiting(database: SourceLensDb): Promise<number> {
  const rows = await database.priceInbox.toArray();
  return rows.length ? (await settleAll(database, rows)).points.length : 0;
}
