import type { SourceLensDb } from './db';
import type { PriceObservation } from './types';

/**
 * Keeps the database small for years: price points older than the detail window become one daily min/max point
 * per subject, expired cached look-ups go, picture hashes no search used for a while go. Each day of history is
 * collapsed in its own transaction, so a service worker stopped midway leaves whole days, and running it again
 * carries on where it stopped (idempotent: a second run finds nothing left to do).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
export const LOOKUP_GRACE_DAYS = 7;

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
}

export interface RetentionResult {
  /** Full-detail points folded into daily points. */
  collapsedPoints: number;
  /** Daily points written (one per subject, currency and day). */
  dailyPoints: number;
  lookups: number;
  pictures: number;
}

/** The UTC day start before which points are collapsed: whole days only, so a day is never split. */
export function detailCutoff(now: number, detailDays: number): number {
  return Math.floor((now - detailDays * DAY_MS) / DAY_MS) * DAY_MS;
}

/** One subject's points of one day (detail, and a daily point from an earlier run if any) as one daily point. */
export function dailyPoint(points: PriceObservation[], day: number): PriceObservation {
  let low = points[0] as PriceObservation;
  let high = low.highMinor ?? low.minor;
  let maxMinor: number | null = null;
  for (const p of points) {
    if (p.minor < low.minor) low = p;
    high = Math.max(high, p.highMinor ?? p.minor);
    if (p.maxMinor !== null) maxMinor = Math.max(maxMinor ?? p.maxMinor, p.maxMinor);
  }
  // The lowest point's origin stands for the day (what a buyer asks: where was it cheapest).
  return {
    subjectKey: low.subjectKey,
    subjectKind: low.subjectKind,
    minor: low.minor,
    maxMinor,
    highMinor: high,
    currency: low.currency,
    at: day,
    where: low.where,
    via: low.via,
  };
}

/** Collapses the oldest day that still has full-detail points before `cutoff`; false when none is left. */
async function collapseOneDay(
  database: SourceLensDb,
  cutoff: number,
  result: RetentionResult,
): Promise<boolean> {
  return database.transaction('rw', database.priceObservations, async () => {
    const first = await database.priceObservations.where('detailAt').below(cutoff).first();
    if (!first) return false;
    const day = Math.floor(first.at / DAY_MS) * DAY_MS;
    const detail = await database.priceObservations
      .where('detailAt')
      .between(day, Math.min(day + DAY_MS, cutoff), true, false)
      .toArray();
    const subjects = [...new Set(detail.map((p) => p.subjectKey))];
    const dayRows = await Promise.all(
      subjects.map((key) =>
        database.priceObservations
          .where('[subjectKey+at]')
          .between([key, day], [key, day + DAY_MS], true, false)
          .toArray(),
      ),
    );
    const remove: number[] = [];
    const add: PriceObservation[] = [];
    for (const rows of dayRows) {
      const byCurrency = new Map<string, PriceObservation[]>();
      for (const row of rows) {
        remove.push(row.id as number);
        byCurrency.set(row.currency, [...(byCurrency.get(row.currency) ?? []), row]);
      }
      for (const points of byCurrency.values()) add.push(dailyPoint(points, day));
    }
    await database.priceObservations.bulkDelete(remove);
    await database.priceObservations.bulkAdd(add);
    result.collapsedPoints += detail.length;
    result.dailyPoints += add.length;
    return true;
  });
}

/** Folds every full-detail point before `cutoff` into daily points, one day per transaction, oldest first. */
export async function collapseHistory(
  database: SourceLensDb,
  cutoff: number,
  result: RetentionResult = emptyResult(),
): Promise<RetentionResult> {
  // Whole days only: a daily point must never swallow points of a day still in the detail window.
  const dayCutoff = Math.floor(cutoff / DAY_MS) * DAY_MS;
  while (await collapseOneDay(database, dayCutoff, result)) {
    // next day
  }
  return result;
}

const emptyResult = (): RetentionResult => ({ collapsedPoints: 0, dailyPoints: 0, lookups: 0, pictures: 0 });

/** Everything retention does, in order: history first (the bulk of the data), then the caches. */
export async function runRetention(
  database: SourceLensDb,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const result = emptyResult();
  await collapseHistory(database, detailCutoff(options.now, options.detailDays), result);
  const grace = (options.lookupGraceDays ?? LOOKUP_GRACE_DAYS) * DAY_MS;
  result.lookups = await database.lookups
    .where('expiresAt')
    .below(options.now - grace)
    .delete();
  result.pictures = await database.imageHashes
    .where('usedAt')
    .below(options.now - options.pictureDays * DAY_MS)
    .delete();
  return result;
}
