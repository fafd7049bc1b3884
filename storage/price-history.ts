/**
 * Price history: the one module that records and reads price observations (retail products and wholesale
 * offers alike). Every origin records through `recordObservations` — the spotter (products.ts), searches,
 * harvesting, offer pages and scheduled refreshes (offers.ts) — so de-duplication and tiers are decided once.
 *
 * For the UI (read-only, fine inside `liveQuery`):
 *   readHistory(database, subjectKey, { from?, to? }?): Promise<PriceObservation[]>   oldest first, epoch ms
 *   sparklinePoints(database, subjectKey, days, now?): Promise<SparkPoint[]>          {at, minor}, oldest first
 *   priceRange(database, subjectKey): Promise<PriceRange | null>                      lowest/highest `minor` seen
 *   latestPrice(database, subjectKey): Promise<LatestPrice | undefined>               newest point, one get
 * A point's `via` says where it came from ('spotter' | 'search' | 'harvest' | 'offer-page' | 'refresh'); points
 * older than the detail window are daily min/max points (`highMinor` set, no `detailAt`, no `tiers`).
 */
import { Dexie } from 'dexie';
import type { PriceTier } from '../core/sources/types';
import type { SourceLensDb } from './db';
import { withQuotaGuard } from './quota';
import type { LatestPrice, PriceObservation } from './types';

/** A point is written when the price changed, or when the subject's last point is older than this. */
export const OBSERVATION_REFRESH_MS = 12 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A price seen now, before de-duplication. */
export type NewObservation = Omit<PriceObservation, 'id' | 'detailAt' | 'highMinor'>;

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

const sameTiers = (a: PriceTier[] | undefined, b: PriceTier[] | undefined) =>
  (a ?? []).length === (b ?? []).length &&
  (a ?? []).every((t, i) => t.minQty === b?.[i]?.minQty && t.priceMinor === b?.[i]?.priceMinor);

/** Whether `next` says nothing `last` did not, recently enough to skip it. */
export function isRepeat(last: LatestPrice | undefined, next: NewObservation): boolean {
  if (!last) return false;
  const same =
    last.minor === next.minor &&
    last.maxMinor === next.maxMinor &&
    last.currency === next.currency &&
    // Tiers unknown this time (a search's range) are not a change; different known tiers are.
    (!next.tiers?.length || sameTiers(last.tiers, next.tiers));
  return same && next.at - last.at < OBSERVATION_REFRESH_MS && next.at >= last.at;
}

/**
 * Records many observations at once, in order, in one transaction: each is written when its subject's price
 * changed or its last point is `OBSERVATION_REFRESH_MS` old. The subjects' newest points come from
 * `priceLatest` in one bulk read — no history is read — so batches of thousands are cheap. Joins the caller's
 * transaction when there is one (it must include `priceObservations` and `priceLatest`). Returns the points
 * written.
 */
export function recordObservations(
  database: SourceLensDb,
  observations: NewObservation[],
): Promise<PriceObservation[]> {
  if (observations.length === 0) return Promise.resolve([]);
  return withQuotaGuard(() =>
    database.transaction('rw', database.priceObservations, database.priceLatest, async () => {
      const keys = [...new Set(observations.map((o) => o.subjectKey))];
      const stored = await database.priceLatest.bulkGet(keys);
      const latest = new Map<string, LatestPrice>();
      keys.forEach((key, i) => {
        const row = stored[i];
        if (row) latest.set(key, row);
      });
      const written: PriceObservation[] = [];
      const changed = new Map<string, LatestPrice>();
      for (const o of observations) {
        if (isRepeat(latest.get(o.subjectKey), o)) continue;
        const point: PriceObservation = { ...o, detailAt: o.at };
        if (!o.tiers?.length) delete point.tiers;
        written.push(point);
        const { detailAt: _d, ...newest } = point;
        // A late report (older than the stored newest) is history, not the price now.
        const prev = latest.get(o.subjectKey);
        if (!prev || prev.at <= o.at) {
          latest.set(o.subjectKey, newest);
          changed.set(o.subjectKey, newest);
        }
      }
      if (written.length) {
        await database.priceObservations.bulkAdd(written);
        await database.priceLatest.bulkPut([...changed.values()]);
      }
      return written;
    }),
  );
}

/** One subject's points, oldest first, optionally within [from, to] (epoch ms): one indexed range read. */
export function readHistory(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number } = {},
): Promise<PriceObservation[]> {
  return database.priceObservations
    .where('[subjectKey+at]')
    .between([subjectKey, range.from ?? Dexie.minKey], [subjectKey, range.to ?? Dexie.maxKey], true, true)
    .toArray();
}

/** The subject's newest point (one key read), or undefined when it was never priced. */
export function latestPrice(database: SourceLensDb, subjectKey: string): Promise<LatestPrice | undefined> {
  return database.priceLatest.get(subjectKey);
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
  const [before, inside] = await Promise.all([
    database.priceObservations
      .where('[subjectKey+at]')
      .between([subjectKey, Dexie.minKey], [subjectKey, from], true, false)
      .last(),
    readHistory(database, subjectKey, { from, to: now }),
  ]);
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
