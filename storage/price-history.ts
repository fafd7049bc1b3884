/**
 * Price history: the one module that records and reads price observations (retail products and wholesale
 * offers alike). Every origin records through `recordObservations` — the spotter (products.ts), searches,
 * harvesting, offer pages and scheduled refreshes (offers.ts) — so de-duplication and tiers are decided once.
 *
 * Observations are recorded as one inbox row per batch (price-inbox.ts, one request however many), settled soon
 * after into loose points (one row each) under the de-duplication rule (price-dedupe.ts), and folded by the daily
 * maintenance into per-subject blocks (price-blocks.ts, cheap to read); every reader here reads all three, so a
 * point reads the same wherever it is.
 *
 * For the UI (read-only, fine inside `liveQuery`):
 *   readHistory(database, subjectKey, { from?, to? }?): Promise<PriceObservation[]>   oldest first, epoch ms
 *   sparklinePoints(database, subjectKey, days, now?): Promise<SparkPoint[]>          {at, minor}, oldest first
 *   readHistories(database, keys, from?): Promise<Map<string, PriceObservation[]>>   several, one transaction
 *   priceRange(database, subjectKey): Promise<PriceRange | null>                      lowest/highest `minor` seen
 *   latestPrice(database, subjectKey): Promise<LatestPrice | undefined>               newest point, settled or not
 * A point's `via` says where it came from ('spotter' | 'search' | 'harvest' | 'offer-page' | 'refresh'); points
 * older than the detail window are daily min/max points (`highMinor` set, no `detailAt`, no `tiers`).
 */
import { Dexie } from 'dexie';
import type { SourceLensDb } from './db';
import { readBlockPoints } from './price-blocks';
import { isRepeat, type NewObservation } from './price-dedupe';
import { appendToInbox, historyTables, newestPoint, waitingPoints } from './price-inbox';
import { withQuotaGuard } from './quota';
import type { LatestPrice, PriceObservation } from './types';

export { isRepeat, type NewObservation, OBSERVATION_REFRESH_MS } from './price-dedupe';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SparkPoint {
  at: number;
  minor: number;
}

export interface PriceRange {
  lowMinor: number;
  highMinor: number;
  currency: string;
  /** When the first and last points of that currency were seen. */
  firstAt: number;
  lastAt: number;
}

/**
 * Records many observations at once, in order: one inbox row (price-inbox.ts), nothing read, so a search's answer
 * costs one request however many offers it has. Which of them become points (a changed price, or 12 hours since
 * the subject's last point) is decided when the inbox is settled, and readers see that already. Joins the caller's
 * transaction when there is one (it must include `priceInbox`).
 */
export function recordObservations(database: SourceLensDb, observations: NewObservation[]): Promise<void> {
  if (observations.length === 0) return Promise.resolve();
  return withQuotaGuard(() => appendToInbox(database, observations));
}

/**
 * Whether recording `observation` now would make a point (its subject's newest point, settled or waiting, does
 * not already say it). Read it in the same transaction as the recording, with `historyTables`.
 */
export async function wouldRecord(database: SourceLensDb, observation: NewObservation): Promise<boolean> {
  return !isRepeat(await newestPoint(database, observation.subjectKey), observation);
}

/** A loose row as a point (its row id is storage's, not the point's: a folded point has none). */
function withoutId(row: PriceObservation): PriceObservation {
  const { id: _id, ...point } = row;
  return point;
}

/**
 * One subject's points in [from, to] (oldest first) and the last point before `from`, from its blocks, its loose
 * rows (not folded yet, price-blocks.ts) and its observations still in the inbox (as settling will make them,
 * price-inbox.ts), read side by side in one transaction so nothing moves between them. A point at a moment an
 * earlier place holds is the same point (a merged backup's copy, dropped when it is folded): the block's stands,
 * then the first written.
 */
async function readPoints(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number; withBefore?: boolean },
): Promise<{ before: PriceObservation | undefined; inside: PriceObservation[] }> {
  return database.transaction('r', historyTables(database), () =>
    readPointsIn(database, subjectKey, range, waitingPoints(database, subjectKey)),
  );
}

/** `readPoints` inside the caller's read transaction, with the subject's waiting points read as the caller chose. */
async function readPointsIn(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number; withBefore?: boolean },
  waitingRead: Promise<PriceObservation[]>,
): Promise<{ before: PriceObservation | undefined; inside: PriceObservation[] }> {
  const loose = database.priceObservations.where('[subjectKey+at]');
  const lower = range.from ?? Dexie.minKey;
  const upper = range.to ?? Dexie.maxKey;
  const [blocks, looseInside, looseBefore, waiting] = await Promise.all([
    readBlockPoints(database, subjectKey, range),
    loose
      .between([subjectKey, lower], [subjectKey, upper], true, true)
      .toArray()
      .then((rows) => rows.map(withoutId)),
    range.withBefore && range.from !== undefined
      ? loose.between([subjectKey, Dexie.minKey], [subjectKey, range.from], true, false).last()
      : undefined,
    waitingRead,
  ]);
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  let before = blocks.before;
  const later = (p: PriceObservation | undefined) => p && (!before || p.at > before.at);
  if (later(looseBefore)) before = withoutId(looseBefore as PriceObservation);
  const extra = [...looseInside];
  for (const p of waiting) {
    if (p.at > to) continue;
    if (p.at >= from) extra.push(p);
    else if (range.withBefore && later(p)) before = p;
  }
  if (extra.length === 0) return { before, inside: blocks.inside };
  // As a fold keeps them: one point per moment, a block's before a loose one, the first written.
  const all = [...blocks.inside, ...extra].sort((a, b) => a.at - b.at);
  const inside = all.filter((p, i) => i === 0 || (all[i - 1] as PriceObservation).at !== p.at);
  return { before, inside };
}

/**
 * Several subjects' points from `from` on (oldest first), read side by side in one transaction (the requests are
 * pipelined): the popup's rows. The inbox is asked once whether anything waits, beside the history reads, and
 * only then about each subject.
 */
export function readHistories(
  database: SourceLensDb,
  keys: readonly string[],
  from?: number,
): Promise<Map<string, PriceObservation[]>> {
  if (keys.length === 0) return Promise.resolve(new Map());
  const range = from === undefined ? {} : { from };
  return database.transaction('r', historyTables(database), async () => {
    const anyWaiting = database.priceInbox.count().then((n) => n > 0);
    const lists = await Promise.all(
      keys.map((k) =>
        readPointsIn(
          database,
          k,
          range,
          anyWaiting.then((any) => (any ? waitingPoints(database, k) : [])),
        ),
      ),
    );
    return new Map(keys.map((k, i) => [k, lists[i]?.inside ?? []] as const));
  });
}

/** One subject's points, oldest first, optionally within [from, to] (epoch ms). */
export async function readHistory(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number } = {},
): Promise<PriceObservation[]> {
  return (await readPoints(database, subjectKey, range)).inside;
}

/** The subject's newest point, settled or waiting in the inbox; undefined when it was never priced. */
export async function latestPrice(
  database: SourceLensDb,
  subjectKey: string,
): Promise<LatestPrice | undefined> {
  return database.transaction('r', historyTables(database), () => newestPoint(database, subjectKey));
}

/**
 * The last `days` of a subject's price (its headline `minor`) for a sparkline, oldest first, in its newest
 * point's currency. The price in force when the window opened is carried to its start, so a price that did not
 * move still draws a line.
 */
export async function sparklinePoints(
  database: SourceLensDb,
  subjectKey: string,
  days: number,
  now = Date.now(),
): Promise<SparkPoint[]> {
  const from = now - days * DAY_MS;
  const { before, inside } = await readPoints(database, subjectKey, { from, to: now, withBefore: true });
  const currency = inside.at(-1)?.currency ?? before?.currency;
  const points: SparkPoint[] = [];
  if (before && before.currency === currency && inside[0]?.at !== from)
    points.push({ at: from, minor: before.minor });
  for (const p of inside) if (p.currency === currency) points.push({ at: p.at, minor: p.minor });
  return points;
}

/**
 * Lowest and highest headline price ever seen for a subject (daily points count with their low and high), in
 * its newest currency; null when it was never priced.
 */
export async function priceRange(database: SourceLensDb, subjectKey: string): Promise<PriceRange | null> {
  const history = await readHistory(database, subjectKey);
  const currency = history.at(-1)?.currency;
  if (currency === undefined) return null;
  let range: PriceRange | null = null;
  for (const p of history) {
    if (p.currency !== currency) continue;
    const high = p.highMinor ?? p.minor;
    if (!range) range = { lowMinor: p.minor, highMinor: high, currency, firstAt: p.at, lastAt: p.at };
    else {
      range.lowMinor = Math.min(range.lowMinor, p.minor);
      range.highMinor = Math.max(range.highMinor, high);
      range.lastAt = p.at;
    }
  }
  return range;
}
