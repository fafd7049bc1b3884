import type { SourceLensDb } from './db';
import { DAY_MS, dayOf, foldLoosePoints, makeBlock } from './price-blocks';
import { settleInbox } from './price-inbox';
import { isQuotaError } from './quota';
import type { BlockPoint, PriceBlock } from './types';

/**
 * Keeps the database small and fast for years: observations waiting in the inbox are settled (price-inbox.ts),
 * loose price points are folded into their subjects' blocks
 * (price-blocks.ts), points older than the detail window become one daily min/max point per subject, currency and
 * day, expired cached look-ups go, picture hashes no search used for a while go. Every step writes in small
 * transactions, so a service worker stopped midway leaves whole steps done, and running it again carries on
 * where it stopped (idempotent: a second run finds nothing left to do).
 */

export { DAY_MS } from './price-blocks';
export const LOOKUP_GRACE_DAYS = 7;

/** Blocks collapsed per transaction. */
const COLLAPSE_BATCH = 50;

export interface RetentionOptions {
  now: number;
  /** Points newer than this many days keep full detail. */
  detailDays: number;
  /** Picture hashes unused for this many days are purged. */
  pictureDays: number;
  /**
   * Cached look-ups are purged this many days after they expired (default 7): until then the side panel still
   * shows a stale answer at once while it fetches a fresh one (search-service.ts).
   */
  lookupGraceDays?: number;
  /** Runs between transactions (the background keeps its worker awake with it). */
  tick?: () => unknown;
}

export interface RetentionResult {
  /** Loose points folded into blocks. */
  foldedPoints: number;
  /** Block rows the fold added (it frees `foldedPoints - blocksAdded` rows). */
  blocksAdded: number;
  /** Full-detail points folded into daily points. */
  collapsedPoints: number;
  /** Daily points written (one per subject, currency and day). */
  dailyPoints: number;
  lookups: number;
  pictures: number;
}

/** The UTC day start before which points are collapsed: whole days only, so a day is never split. */
export function detailCutoff(now: number, detailDays: number): number {
  return dayOf(now - detailDays * DAY_MS);
}

/** One subject's points of one day (detail, and a daily point from an earlier run if any) as one daily point. */
export function dailyPoint(points: BlockPoint[], day: number): BlockPoint {
  let low = points[0] as BlockPoint;
  let high = low.highMinor ?? low.minor;
  let maxMinor: number | null = null;
  for (const p of points) {
    if (p.minor < low.minor) low = p;
    high = Math.max(high, p.highMinor ?? p.minor);
    if (p.maxMinor !== null) maxMinor = Math.max(maxMinor ?? p.maxMinor, p.maxMinor);
  }
  // The lowest point's origin stands for the day (what a buyer asks: where was it cheapest).
  return {
    minor: low.minor,
    maxMinor,
    highMinor: high,
    currency: low.currency,
    at: day,
    where: low.where,
    via: low.via,
  };
}

/**
 * A block with every day before `cutoff` that still has full-detail points as one daily point per currency (a
 * day's earlier daily point joins it); later days as they are. Blocks hold whole days, so no day is split.
 */
function collapseBlock(
  block: PriceBlock,
  cutoff: number,
): { block: PriceBlock; collapsed: number; daily: number } {
  const out: BlockPoint[] = [];
  let collapsed = 0;
  let daily = 0;
  let i = 0;
  const points = block.points;
  while (i < points.length) {
    const p = points[i] as BlockPoint;
    const day = dayOf(p.at);
    let end = i;
    while (end < points.length && dayOf((points[end] as BlockPoint).at) === day) end++;
    const ofDay = points.slice(i, end);
    i = end;
    if (day >= cutoff || !ofDay.some((q) => q.detailAt !== undefined)) {
      out.push(...ofDay);
      continue;
    }
    const byCurrency = new Map<string, BlockPoint[]>();
    for (const q of ofDay) {
      if (q.detailAt !== undefined) collapsed++;
      const list = byCurrency.get(q.currency);
      if (list) list.push(q);
      else byCurrency.set(q.currency, [q]);
    }
    for (const list of byCurrency.values()) out.push(dailyPoint(list, day));
    daily += byCurrency.size;
  }
  out.sort((a, b) => a.at - b.at);
  return { block: makeBlock(block.subjectKey, block.subjectKind, out), collapsed, daily };
}

/**
 * Settles the inbox and folds every loose point into its blocks, then collapses every full-detail day before `cutoff` (rounded down to
 * a whole day) into daily points, COLLAPSE_BATCH blocks per transaction.
 */
export async function collapseHistory(
  database: SourceLensDb,
  cutoff: number,
  result: RetentionResult = emptyResult(),
  tick: () => unknown = () => {},
): Promise<RetentionResult> {
  // Settled first, so the fold takes today's observations too. A disk too full to settle them must not stop the
  // fold and collapse below, which are what free space: they wait in the inbox, read as they will be settled.
  await settleInbox(database, tick).catch((error: unknown) => {
    if (!isQuotaError(error)) throw error;
  });
  const fold = await foldLoosePoints(database, tick);
  result.foldedPoints += fold.folded;
  result.blocksAdded += fold.blocksAdded;
  // Whole days only: a daily point must never swallow points of a day still in the detail window.
  const dayCutoff = dayOf(cutoff);
  for (;;) {
    const done = await database.transaction('rw', database.priceBlocks, async () => {
      const blocks = await database.priceBlocks
        .where('detailFrom')
        .below(dayCutoff)
        .limit(COLLAPSE_BATCH)
        .toArray();
      const next: PriceBlock[] = [];
      for (const block of blocks) {
        const c = collapseBlock(block, dayCutoff);
        result.collapsedPoints += c.collapsed;
        result.dailyPoints += c.daily;
        next.push(c.block);
      }
      // A day's daily point is at the day's start, so a block's first day keeps its key.
      await database.priceBlocks.bulkPut(next);
      return blocks.length < COLLAPSE_BATCH;
    });
    await tick();
    if (done) return result;
  }
}

const emptyResult = (): RetentionResult => ({
  foldedPoints: 0,
  blocksAdded: 0,
  collapsedPoints: 0,
  dailyPoints: 0,
  lookups: 0,
  pictures: 0,
});

/**
 * Everything retention does, in order: the caches first (they free space at once and need none, which matters when
 * a full disk asked for this run), then the history (the bulk of the data), which writes before it frees.
 */
export async function runRetention(
  database: SourceLensDb,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const result = emptyResult();
  const grace = (options.lookupGraceDays ?? LOOKUP_GRACE_DAYS) * DAY_MS;
  result.lookups = await database.lookups
    .where('expiresAt')
    .below(options.now - grace)
    .delete();
  result.pictures = await database.imageHashes
    .where('usedAt')
    .below(options.now - options.pictureDays * DAY_MS)
    .delete();
  await collapseHistory(database, detailCutoff(options.now, options.detailDays), result, options.tick);
  return result;
}
