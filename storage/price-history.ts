/**
 * Price history: the one module that records and reads price observations (retail products and wholesale
 * offers alike). Every origin records through `recordObservations` — the spotter (products.ts), searches,
 * harvesting, offer pages and scheduled refreshes (offers.ts) — so de-duplication and tiers are decided once.
 *
 * Points are written loose (one row each, cheap to add) and folded into per-subject blocks by the daily
 * maintenance (price-blocks.ts, cheap to read); every reader here reads both.
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
import { readBlockPoints } from './price-blocks';
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

/** A loose row as a point (its row id is storage's, not the point's: a folded point has none). */
function withoutId(row: PriceObservation): PriceObservation {
  const { id: _id, ...point } = row;
  return point;
}

/**
 * One subject's points in [from, to] (oldest first) and the last point before `from`, from its blocks and its
 * loose rows (those not folded yet, price-blocks.ts) read side by side. A loose point at a moment a block holds
 * is the same point (a merged backup's copy, dropped when it is folded): the block's stands.
 */
async function readPoints(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number; withBefore?: boolean },
): Promise<{ before: PriceObservation | undefined; inside: PriceObservation[] }> {
  const loose = database.priceObservations.where('[subjectKey+at]');
  const lower = range.from ?? Dexie.minKey;
  const upper = range.to ?? Dexie.maxKey;
  const [blocks, looseInside, looseBefore] = await Promise.all([
    readBlockPoints(database, subjectKey, range),
    loose
      .between([subjectKey, lower], [subjectKey, upper], true, true)
      .toArray()
      .then((rows) => rows.map(withoutId)),
    range.withBefore && range.from !== undefined
      ? loose.between([subjectKey, Dexie.minKey], [subjectKey, range.from], true, false).last()
      : undefined,
  ]);
  let before = blocks.before;
  if (looseBefore && (!before || looseBefore.at > before.at)) before = withoutId(looseBefore);
  if (looseInside.length === 0) return { before, inside: blocks.inside };
  // As a fold keeps them: one point per moment, a block's before a loose one, the first loose one written.
  const all = [...blocks.inside, ...looseInside].sort((a, b) => a.at - b.at);
  const inside = all.filter((p, i) => i === 0 || (all[i - 1] as PriceObservation).at !== p.at);
  return { before, inside };
}

/** One subject's points, oldest first, optionally within [from, to] (epoch ms). */
export async function readHistory(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number } = {},
): Promise<PriceObservation[]> {
  return (await readPoints(database, subjectKey, range)).inside;
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
