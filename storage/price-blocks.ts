/**
 * Price history in blocks: a subject's points packed many to a row (`priceBlocks`), whole UTC days per block.
 *
 * Why two places for points: one row per point (`priceObservations`) is cheap to write — a search's answer adds
 * its points without reading or rewriting anything — but slow to read back, because IndexedDB pays per row: a
 * kept offer's 500 points took 10–13 ms to read as 500 rows and about 1.5 ms as four blocks (history bench). So
 * points are written loose, and the daily maintenance (retention.ts) folds them into their subjects' blocks;
 * readers read both (price-history.ts), so a point is visible from the moment it is written.
 *
 * Blocks hold whole days (a day is never split), so a block's key (`start`, the day of its first point) is unique
 * per subject, folding a late point finds its day's block by key order, and retention collapses a day inside one
 * row. A block is closed at the first new day once it holds BLOCK_POINTS points.
 */
import { Dexie } from 'dexie';
import type { SourceLensDb } from './db';
import { countWaiting, historyTables } from './price-inbox';
import { mayHoldSecret, storedUrl } from './stored-url';
import type { BlockPoint, PriceBlock, PriceObservation } from './types';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Points a block reaches before the next day starts a new one (a busy day may take it past this). */
export const BLOCK_POINTS = 128;

/**
 * Loose points folded per transaction, oldest written first. Large, because each subject in a batch costs a block
 * rewrite (a day's points of a subject should fold together), yet a transaction of it takes a second or two, so
 * a stopped worker loses little work.
 */
const FOLD_BATCH = 20_000;

export const dayOf = (at: number) => Math.floor(at / DAY_MS) * DAY_MS;

/**
 * A point as a block holds it: its subject is the block's, a loose row's id is dropped, and where it was seen is
 * stored as addresses are stored now (storage/stored-url.ts) — points written before secrets were stripped from
 * addresses lose them as they are folded, without a pass over the whole history.
 */
export function blockPoint(o: PriceObservation): BlockPoint {
  const { id: _id, subjectKey: _key, subjectKind: _kind, ...point } = o;
  if (mayHoldSecret(point.where)) point.where = storedUrl(point.where);
  return point;
}

/** One of a block's points as an observation (its subject back on it). */
const observationOf = (block: PriceBlock, p: BlockPoint): PriceObservation => ({
  subjectKey: block.subjectKey,
  subjectKind: block.subjectKind,
  ...p,
});

/** A block's points as observations, oldest first. */
export function pointsOf(block: PriceBlock): PriceObservation[] {
  return block.points.map((p) => observationOf(block, p));
}

/** A block of these points (oldest first, non-empty), with its key and the oldest detail point marked. */
export function makeBlock(
  subjectKey: string,
  subjectKind: PriceBlock['subjectKind'],
  points: BlockPoint[],
): PriceBlock {
  const block: PriceBlock = {
    subjectKey,
    start: dayOf((points[0] as BlockPoint).at),
    subjectKind,
    points,
    size: points.length,
  };
  const detail = points.find((p) => p.detailAt !== undefined);
  if (detail) block.detailFrom = detail.at;
  return block;
}

/**
 * One subject's points (oldest first) as blocks: a block takes points until it holds BLOCK_POINTS, then ends
 * before the next new day. Deterministic, so re-chunking from any block's start gives that block's start again.
 */
export function chunkPoints(
  subjectKey: string,
  subjectKind: PriceBlock['subjectKind'],
  points: BlockPoint[],
): PriceBlock[] {
  const blocks: PriceBlock[] = [];
  let current: BlockPoint[] = [];
  for (const p of points) {
    const last = current.at(-1);
    if (last && current.length >= BLOCK_POINTS && dayOf(p.at) !== dayOf(last.at)) {
      blocks.push(makeBlock(subjectKey, subjectKind, current));
      current = [];
    }
    current.push(p);
  }
  if (current.length) blocks.push(makeBlock(subjectKey, subjectKind, current));
  return blocks;
}

/**
 * The most points one block may hold (a restore refuses more, so a file never asks it to hold an unbounded row).
 * Blocks hold whole days, so this bounds a day's points of one subject: recording keeps one point per price change
 * or 12 hours and a tab's reports are rate-limited, so only a price that flips all day long comes near it — and
 * the fold thins such a day (MAX_DAY_POINTS) rather than write a block a restore would refuse.
 */
export const MAX_BLOCK_POINTS = 10_000;

/**
 * The most points of one subject the fold keeps for one day. A block closes at the first new day once it holds
 * BLOCK_POINTS, so the days before a day in its block hold fewer than that: a day of at most this many points
 * never takes a block past MAX_BLOCK_POINTS.
 */
export const MAX_DAY_POINTS = MAX_BLOCK_POINTS - BLOCK_POINTS;

/**
 * A subject's points (oldest first) with every day of more than `perDay` points thinned to `perDay`: the day's
 * first and last point, its lowest and its highest price, and the rest evenly spaced through the day, so its
 * chart keeps its shape and its range. Days within the limit are returned as they are (the same array when none
 * is over).
 */
export function thinCrowdedDays(points: BlockPoint[], perDay: number = MAX_DAY_POINTS): BlockPoint[] {
  const out: BlockPoint[] = [];
  let crowded = false;
  let i = 0;
  while (i < points.length) {
    const day = dayOf((points[i] as BlockPoint).at);
    let end = i;
    while (end < points.length && dayOf((points[end] as BlockPoint).at) === day) end++;
    const ofDay = points.slice(i, end);
    i = end;
    if (ofDay.length <= perDay) {
      out.push(...ofDay);
      continue;
    }
    crowded = true;
    // A daily point (retention's) carries the day's high beside its low.
    const top = (q: BlockPoint) => q.highMinor ?? q.minor;
    let low = 0;
    let high = 0;
    ofDay.forEach((p, k) => {
      if (p.minor < (ofDay[low] as BlockPoint).minor) low = k;
      if (top(p) > top(ofDay[high] as BlockPoint)) high = k;
    });
    const keep = new Set([0, ofDay.length - 1, low, high]);
    const spaced = perDay - keep.size;
    for (let k = 0; keep.size < perDay && k < spaced; k++)
      keep.add(Math.round(((k + 1) * (ofDay.length - 1)) / (spaced + 1)));
    // Rounding may land on an index already kept: fill from the start with those left out, still in order.
    for (let k = 1; keep.size < perDay && k < ofDay.length; k++) keep.add(k);
    for (const k of [...keep].sort((a, b) => a - b)) out.push(ofDay[k] as BlockPoint);
  }
  return crowded ? out : points;
}

/** What is wrong with a block as the app would never write it, or null: the checks a restore makes. */
export function blockProblem(block: PriceBlock): string | null {
  const points = block.points;
  const first = points[0];
  if (!first) return 'a block without points';
  if (block.start !== dayOf(first.at)) return 'start is not the day of its first point';
  if (block.size !== points.length) return 'size is not its number of points';
  for (let i = 1; i < points.length; i++)
    if ((points[i] as BlockPoint).at <= (points[i - 1] as BlockPoint).at)
      return `point ${i + 1} is out of order`;
  if (block.detailFrom !== points.find((p) => p.detailAt !== undefined)?.at)
    return 'detailFrom is not its oldest full-detail point';
  return null;
}

const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;

/**
 * A subject's blocks that hold its points from `from` on (up to `to`), plus the one before them when `withBefore`
 * (it holds the last point before `from`). Key order: blocks of one subject never overlap.
 */
async function blocksFrom(
  database: SourceLensDb,
  subjectKey: string,
  from: number | undefined,
  to: number | undefined,
  withBefore: boolean,
): Promise<PriceBlock[]> {
  const range = database.priceBlocks.where('[subjectKey+start]');
  const upper: [string, unknown] = [subjectKey, to ?? Dexie.maxKey];
  if (from === undefined) return range.between([subjectKey, Dexie.minKey], upper, true, true).toArray();
  const day = dayOf(from);
  const [before, inside] = await Promise.all([
    // The block holding `from`'s day starts at or before it; the one before that holds earlier points only.
    range
      .between([subjectKey, Dexie.minKey], [subjectKey, day], true, true)
      .reverse()
      .limit(withBefore ? 2 : 1)
      .toArray(),
    range.between([subjectKey, day], upper, false, true).toArray(),
  ]);
  return [...before.reverse(), ...inside];
}

/**
 * One subject's points from its blocks: those within [from, to] (oldest first), and the last one before `from`.
 * Loose points are not included (price-history.ts reads both).
 */
export async function readBlockPoints(
  database: SourceLensDb,
  subjectKey: string,
  range: { from?: number; to?: number; withBefore?: boolean } = {},
): Promise<{ before: PriceObservation | undefined; inside: PriceObservation[] }> {
  const blocks = await blocksFrom(database, subjectKey, range.from, range.to, range.withBefore ?? false);
  const from = range.from ?? Number.NEGATIVE_INFINITY;
  const to = range.to ?? Number.POSITIVE_INFINITY;
  let before: PriceObservation | undefined;
  const inside: PriceObservation[] = [];
  for (const block of blocks)
    for (const p of block.points) {
      if (p.at < from) before = observationOf(block, p);
      else if (p.at <= to) inside.push(observationOf(block, p));
    }
  return { before, inside };
}

/**
 * Folds one subject's loose points (oldest first, non-empty) into its blocks, inside the caller's transaction:
 * the block holding the first loose point's day and every block after it are re-chunked with the loose points
 * (a point at a moment a block already holds is a copy — a merged backup's — and is dropped). The caller deletes
 * the loose rows. Returns how many blocks it added (new rows; negative when re-chunking left fewer).
 */
async function foldSubject(
  database: SourceLensDb,
  subjectKey: string,
  loose: PriceObservation[],
): Promise<number> {
  const first = loose[0] as PriceObservation;
  const range = database.priceBlocks.where('[subjectKey+start]');
  const day = dayOf(first.at);
  const [holding, after] = await Promise.all([
    range.between([subjectKey, Dexie.minKey], [subjectKey, day], true, true).last(),
    range.between([subjectKey, day], [subjectKey, Dexie.maxKey], false, true).toArray(),
  ]);
  const old = holding ? [holding, ...after] : after;
  const points = old.flatMap((b) => b.points);
  const moments = new Set(points.map((p) => p.at));
  for (const o of loose) {
    if (moments.has(o.at)) continue;
    moments.add(o.at);
    points.push(blockPoint(o));
  }
  points.sort(byAt);
  // A day of a price flipping all day long is thinned, so no block grows past what a restore takes back.
  const next = chunkPoints(subjectKey, old[0]?.subjectKind ?? first.subjectKind, thinCrowdedDays(points));
  const kept = new Set(next.map((b) => b.start));
  const gone = old.filter((b) => !kept.has(b.start)).map((b) => [subjectKey, b.start] as [string, number]);
  if (gone.length) await database.priceBlocks.bulkDelete(gone);
  await database.priceBlocks.bulkPut(next);
  return next.length - old.length;
}

/**
 * Folds every loose point into its subject's blocks, FOLD_BATCH rows per transaction in the order they were
 * written (a worker stopped midway leaves whole batches folded; the next run carries on). A batch's rows are the
 * oldest ids, so they go in one key-range delete: deleting them one by one took 25 times as long as the rest of
 * the fold together. `tick` runs between transactions (the background uses it to stay awake). Returns the loose
 * rows folded and the blocks that added (rows: the difference is what the fold freed).
 */
export async function foldLoosePoints(
  database: SourceLensDb,
  tick: () => unknown = () => {},
): Promise<{ folded: number; blocksAdded: number }> {
  let folded = 0;
  let blocksAdded = 0;
  for (;;) {
    const rows = await database.transaction(
      'rw',
      database.priceObservations,
      database.priceBlocks,
      async () => {
        const batch = await database.priceObservations.orderBy(':id').limit(FOLD_BATCH).toArray();
        const first = batch[0]?.id;
        const last = batch.at(-1)?.id;
        if (first === undefined || last === undefined) return 0;
        const bySubject = new Map<string, PriceObservation[]>();
        for (const o of batch) {
          const list = bySubject.get(o.subjectKey);
          if (list) list.push(o);
          else bySubject.set(o.subjectKey, [o]);
        }
        // Written order is not time order (a late report); a stable sort keeps the first written of one moment.
        for (const [key, loose] of bySubject)
          blocksAdded += await foldSubject(database, key, loose.sort(byAt));
        await database.priceObservations.where(':id').between(first, last, true, true).delete();
        return batch.length;
      },
    );
    folded += rows;
    await tick();
    if (rows < FOLD_BATCH) return { folded, blocksAdded };
  }
}

/**
 * How many price points are stored — in blocks, loose, and the points waiting in the inbox will make — from the
 * primary key and the blocks' size index, reading no block (the inbox is a few rows). One read transaction, so a
 * settle or fold cannot move points between the counts.
 */
export function countPricePoints(database: SourceLensDb): Promise<number> {
  return database.transaction('r', historyTables(database), async () => {
    const [loose, sizes, waiting] = await Promise.all([
      database.priceObservations.count(),
      database.priceBlocks.orderBy('size').keys(),
      countWaiting(database),
    ]);
    return sizes.reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), loose + waiting);
  });
}
