import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_POINTS,
  blockProblem,
  chunkPoints,
  countPricePoints,
  DAY_MS,
  dayOf,
  foldLoosePoints,
  makeBlock,
  thinCrowdedDays,
} from '../../../storage/price-blocks';
import { settle } from '../../../storage/price-dedupe';
import { readHistory, recordObservations, sparklinePoints } from '../../../storage/price-history';
import { historyTables, settleInbox } from '../../../storage/price-inbox';
import type { BlockPoint, LatestPrice, PriceObservation } from '../../../storage/types';
import { observation } from '../../support/builders';
import { freshDatabase } from '../../support/fresh-db';

const HOUR = 60 * 60 * 1000;

const point = observation;

const withoutId = ({ id: _id, ...p }: PriceObservation) => p;

const db = freshDatabase('blocks');

describe('chunking a subject’s points into blocks', () => {
  it('keeps every point in order, whole days per block, and closes a block at the first new day once full', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 * DAY_MS }), { maxLength: 700 }),
        (moments) => {
          const points: BlockPoint[] = [...moments]
            .sort((a, b) => a - b)
            .map((at) => (at % 3 ? { ...pointAt(at), detailAt: at } : pointAt(at)));
          const blocks = chunkPoints('1688:1', 'offer', points);
          expect(blocks.flatMap((b) => b.points)).toEqual(points);
          const days = new Set<number>();
          blocks.forEach((b, i) => {
            expect(blockProblem(b)).toBeNull();
            // No day is in two blocks.
            const own = new Set(b.points.map((p) => dayOf(p.at)));
            for (const d of own) expect(days.has(d)).toBe(false);
            for (const d of own) days.add(d);
            // Every block but the last is full; one more day would not have fitted the rule.
            if (i < blocks.length - 1) expect(b.size).toBeGreaterThanOrEqual(BLOCK_POINTS);
            // A block runs past BLOCK_POINTS only to finish its last day.
            const lastDay = dayOf((b.points.at(-1) as BlockPoint).at);
            expect(b.points.slice(0, BLOCK_POINTS).every((p) => dayOf(p.at) <= lastDay)).toBe(true);
            if (b.size > BLOCK_POINTS)
              expect(b.points.slice(BLOCK_POINTS - 1).every((p) => dayOf(p.at) === lastDay)).toBe(true);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('says what is wrong with a block the app would never write', () => {
    const good = makeBlock('1688:1', 'offer', [
      { ...pointAt(DAY_MS + HOUR), detailAt: DAY_MS + HOUR },
      { ...pointAt(DAY_MS + 2 * HOUR), detailAt: DAY_MS + 2 * HOUR },
    ]);
    expect(blockProblem(good)).toBeNull();
    expect(blockProblem({ ...good, start: 0 })).toMatch(/start/);
    expect(blockProblem({ ...good, size: 3 })).toMatch(/size/);
    expect(blockProblem({ ...good, points: [...good.points].reverse() })).toMatch(/out of order/);
    expect(blockProblem({ ...good, detailFrom: undefined })).toMatch(/detailFrom/);
    expect(blockProblem({ ...good, points: [], size: 0 })).toMatch(/without points/);
  });
});

function pointAt(at: number): BlockPoint {
  const { subjectKey: _k, subjectKind: _s, ...p } = point({ at });
  return p;
}

describe('folding loose points into blocks', () => {
  it('never changes what a history, a range of it or a sparkline reads, however writes, settles and folds interleave', async () => {
    const subjects = ['1688:1', '1688:2', 'taobao:3'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            batch: fc.array(
              fc.record({
                s: fc.integer({ min: 0, max: 2 }),
                // Mostly forward in time, sometimes a late report from weeks back.
                at: fc.integer({ min: 0, max: 300 * DAY_MS }),
                minor: fc.integer({ min: 100, max: 130 }),
              }),
              { minLength: 1, maxLength: 120 },
            ),
            settle: fc.boolean(),
            fold: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 300 * DAY_MS }),
        async (steps, from) => {
          await Promise.all(historyTables(db()).map((t) => t.clear()));
          // The model: the de-duplication rule applied to every batch in order (price-dedupe.ts, tested there).
          const newest = new Map<string, LatestPrice>();
          const written: PriceObservation[] = [];
          // One report per subject and moment (two at the same millisecond are one point once folded).
          const used = new Set<string>();
          for (const step of steps) {
            const batch = step.batch
              .filter((b) => !used.has(`${b.s}:${b.at}`) && used.add(`${b.s}:${b.at}`))
              .map((b) => point({ subjectKey: subjects[b.s], at: b.at, minor: b.minor }));
            await recordObservations(db(), batch);
            written.push(...settle(newest, batch).points);
            if (step.settle) await settleInbox(db());
            if (step.fold) await foldLoosePoints(db());
          }
          const expected = (key: string) =>
            written
              .filter((p) => p.subjectKey === key)
              .map(withoutId)
              .sort((a, b) => a.at - b.at);
          const check = async () => {
            for (const key of subjects) {
              const all = expected(key);
              expect((await readHistory(db(), key)).map((p) => p.at)).toEqual(all.map((p) => p.at));
              expect(await readHistory(db(), key, { from, to: from + 40 * DAY_MS })).toEqual(
                all.filter((p) => p.at >= from && p.at <= from + 40 * DAY_MS),
              );
              const before = all.filter((p) => p.at < from).at(-1);
              const inside = all.filter((p) => p.at >= from && p.at <= from + 30 * DAY_MS);
              const spark = await sparklinePoints(db(), key, 30, from + 30 * DAY_MS);
              const expectedSpark = [
                ...(before && inside[0]?.at !== from ? [{ at: from, minor: before.minor }] : []),
                ...inside.map((p) => ({ at: p.at, minor: p.minor })),
              ];
              expect(spark).toEqual(expectedSpark);
            }
            // Waiting, loose or in blocks, each point counted once.
            expect(await countPricePoints(db())).toBe(
              subjects.reduce((n, key) => n + expected(key).length, 0),
            );
          };
          await check();
          await settleInbox(db());
          await check();
          await foldLoosePoints(db());
          expect([await db().priceObservations.count(), await db().priceInbox.count()]).toEqual([0, 0]);
          for (const block of await db().priceBlocks.toArray()) expect(blockProblem(block)).toBeNull();
          await check();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('carries the price in force into a window that opens on a block’s first day before its first point', async () => {
    // One point a day at noon: the first block holds BLOCK_POINTS days, the next starts on the day after.
    const days = BLOCK_POINTS + 2;
    await recordObservations(
      db(),
      Array.from({ length: days }, (_, d) => point({ at: d * DAY_MS + 12 * HOUR, minor: 1000 + d })),
    );
    await settleInbox(db());
    await foldLoosePoints(db());
    expect((await db().priceBlocks.toArray()).map((b) => b.start)).toEqual([0, BLOCK_POINTS * DAY_MS]);
    // The window opens at 03:00 on the second block's first day: the price then is the first block's last.
    const from = BLOCK_POINTS * DAY_MS + 3 * HOUR;
    expect(await sparklinePoints(db(), '1688:1', 1, from + DAY_MS)).toEqual([
      { at: from, minor: 1000 + BLOCK_POINTS - 1 },
      { at: BLOCK_POINTS * DAY_MS + 12 * HOUR, minor: 1000 + BLOCK_POINTS },
    ]);
  });

  it('stores where a point was seen without the secrets older versions kept in addresses', async () => {
    // Written straight as a version before the rule did (recording strips them today).
    await db().priceObservations.bulkAdd([
      {
        ...point({
          at: DAY_MS,
          where: 'https://detail.1688.com/offer/1.html?spm=a26352.13672862&token=abc#access_token=x',
        }),
        detailAt: DAY_MS,
      },
      {
        ...point({ at: 2 * DAY_MS, minor: 900, where: 'https://detail.1688.com/offer/1.html' }),
        detailAt: 2 * DAY_MS,
      },
    ]);
    await foldLoosePoints(db());
    expect((await readHistory(db(), '1688:1')).map((p) => p.where)).toEqual([
      'https://detail.1688.com/offer/1.html',
      'https://detail.1688.com/offer/1.html',
    ]);
  });

  it('drops a loose copy of a point a block already holds (a merged backup’s), and counts each point once', async () => {
    await recordObservations(db(), [point({ at: 5 * DAY_MS }), point({ at: 6 * DAY_MS, minor: 900 })]);
    await settleInbox(db());
    await foldLoosePoints(db());
    await db().priceObservations.add({ ...point({ at: 5 * DAY_MS }), detailAt: 5 * DAY_MS });
    expect(await readHistory(db(), '1688:1')).toHaveLength(2);
    expect(await foldLoosePoints(db())).toEqual({ folded: 1, blocksAdded: 0 });
    expect(await countPricePoints(db())).toBe(2);
    expect((await db().priceBlocks.toArray()).map((b) => b.size)).toEqual([2]);
  });
});

describe('a day of a price that flips all day long', () => {
  it('is thinned to the day’s limit: first, last, lowest and highest kept, in order; other days untouched', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 3 * DAY_MS - 1 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 200, maxLength: 200 }),
        fc.integer({ min: 5, max: 40 }),
        (moments, prices, perDay) => {
          const points = [...moments]
            .sort((a, b) => a - b)
            .map((at, i) => ({ ...pointAt(at), minor: prices[i] as number }));
          const thinned = thinCrowdedDays(points, perDay);
          // A subset of the points, in the same order.
          let j = 0;
          for (const p of thinned) {
            while (j < points.length && points[j] !== p) j++;
            expect(j).toBeLessThan(points.length);
          }
          for (let day = 0; day < 3; day++) {
            const before = points.filter((p) => dayOf(p.at) === day * DAY_MS);
            const after = thinned.filter((p) => dayOf(p.at) === day * DAY_MS);
            if (before.length <= perDay) {
              expect(after).toEqual(before);
              continue;
            }
            expect(after).toHaveLength(perDay);
            expect(after[0]).toBe(before[0]);
            expect(after.at(-1)).toBe(before.at(-1));
            expect(Math.min(...after.map((p) => p.minor))).toBe(Math.min(...before.map((p) => p.minor)));
            expect(Math.max(...after.map((p) => p.minor))).toBe(Math.max(...before.map((p) => p.minor)));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
