import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceLensDb } from '../../../storage/db';
import { recordOffers } from '../../../storage/offers';
import {
  type NewObservation,
  priceRange,
  readHistory,
  recordObservations,
} from '../../../storage/price-history';
import { settleInbox } from '../../../storage/price-inbox';
import { collapseHistory, DAY_MS, detailCutoff, runRetention } from '../../../storage/retention';
import { observation, offer } from '../../support/builders';

const HOUR = 60 * 60 * 1000;
const NOW = 400 * DAY_MS + 10 * HOUR;

const point = observation;

let database: SourceLensDb;
beforeEach(() => {
  database = new SourceLensDb(`retention-${Math.random()}`);
});
afterEach(async () => {
  await database.delete();
});

/** Three points a day (every 8 h, price moving each time) for two subjects over `days` days before NOW. */
async function seed(days: number) {
  const points: NewObservation[] = [];
  for (let d = days; d >= 0; d--)
    for (const h of [1, 9, 17])
      for (const subjectKey of ['1688:1', 'taobao:2'])
        points.push(
          point({
            subjectKey,
            at: NOW - d * DAY_MS - 10 * HOUR + h * HOUR,
            minor: 1000 + ((d * 7 + h) % 13) * 10,
            maxMinor: subjectKey === '1688:1' ? 2000 + h : null,
            via: h === 9 ? 'refresh' : 'search',
            tiers: h === 1 ? [{ minQty: 1, priceMinor: 1000 }] : undefined,
          }),
        );
  await recordObservations(database, points);
}

describe('retention', () => {
  it('keeps full detail inside the window and one daily min/max point per subject before it', async () => {
    await seed(120);
    const before = await readHistory(database, '1688:1');
    const rangeBefore = await priceRange(database, '1688:1');
    const cutoff = detailCutoff(NOW, 90);
    const result = await runRetention(database, { now: NOW, detailDays: 90, pictureDays: 30 });
    // Recorded into the inbox: retention settled it before folding.
    expect(await database.priceInbox.count()).toBe(0);

    const after = await readHistory(database, '1688:1');
    const old = after.filter((p) => p.at < cutoff);
    const recent = after.filter((p) => p.at >= cutoff);
    expect(recent).toEqual(before.filter((p) => p.at >= cutoff));
    expect(old.map((p) => p.at)).toEqual([
      ...new Set(before.filter((p) => p.at < cutoff).map((p) => Math.floor(p.at / DAY_MS) * DAY_MS)),
    ]);
    for (const daily of old) {
      const ofDay = before.filter((p) => p.at >= daily.at && p.at < daily.at + DAY_MS);
      expect(daily.minor).toBe(Math.min(...ofDay.map((p) => p.minor)));
      expect(daily.highMinor).toBe(Math.max(...ofDay.map((p) => p.minor)));
      expect(daily.maxMinor).toBe(Math.max(...ofDay.map((p) => p.maxMinor as number)));
      expect(daily.detailAt).toBeUndefined();
      expect(daily.tiers).toBeUndefined();
      // The day's lowest point says where the day's price came from.
      expect(daily.via).toBe(ofDay.find((p) => p.minor === daily.minor)?.via);
    }
    expect(result.foldedPoints).toBe(before.length * 2);
    expect(result.collapsedPoints).toBe(before.filter((p) => p.at < cutoff).length * 2);
    expect(result.dailyPoints).toBe(old.length * 2);
    // Lowest and highest seen do not change by collapsing (the first point is now its day's start).
    const { firstAt: _f, ...extremes } = rangeBefore ?? {};
    expect(await priceRange(database, '1688:1')).toMatchObject(extremes);
    // Every point was folded into blocks on the way.
    expect(await database.priceObservations.count()).toBe(0);
    // Nothing left to do: a second run changes nothing.
    const rows = await database.priceBlocks.toArray();
    expect(await runRetention(database, { now: NOW, detailDays: 90, pictureDays: 30 })).toEqual({
      foldedPoints: 0,
      blocksAdded: 0,
      collapsedPoints: 0,
      dailyPoints: 0,
      lookups: 0,
      pictures: 0,
    });
    expect(await database.priceBlocks.toArray()).toEqual(rows);
  });

  it('folds points that arrive later for an already collapsed day into its daily point', async () => {
    await seed(100);
    await runRetention(database, { now: NOW, detailDays: 90, pictureDays: 30 });
    const day = detailCutoff(NOW, 95);
    await recordObservations(database, [
      point({ at: day + HOUR, minor: 1 }),
      point({ at: day + 2 * HOUR, minor: 99999 }),
    ]);
    await collapseHistory(database, detailCutoff(NOW, 90));
    const ofDay = await readHistory(database, '1688:1', { from: day, to: day + DAY_MS - 1 });
    expect(ofDay).toHaveLength(1);
    expect(ofDay[0]).toMatchObject({ at: day, minor: 1, highMinor: 99999 });
  });

  it('purges look-ups expired for a week and picture hashes unused for the set days', async () => {
    const lookup = {
      source: '1688',
      query: 'q',
      offerKeys: [],
      paging: {
        hasMore: false,
        pageId: null,
        total: null,
        imageId: null,
        lastPage: null,
        filteredHere: [],
        sortedHere: false,
      },
      fetchedAt: 0,
    };
    await database.lookups.bulkPut([
      { ...lookup, key: 'old', expiresAt: NOW - 7 * DAY_MS - 1 },
      // Expired a day ago: still shown at once (stale) while a fresh answer is fetched.
      { ...lookup, key: 'stale', expiresAt: NOW - DAY_MS },
      { ...lookup, key: 'fresh', expiresAt: NOW + 1 },
    ]);
    await database.imageHashes.bulkPut([
      { url: 'https://img/a', hash: '0'.repeat(16), error: null, at: 0, usedAt: NOW - 31 * DAY_MS },
      { url: 'https://img/b', hash: '0'.repeat(16), error: null, at: 0, usedAt: NOW - 29 * DAY_MS },
    ]);
    const result = await runRetention(database, { now: NOW, detailDays: 90, pictureDays: 30 });
    expect(result).toMatchObject({ lookups: 1, pictures: 1 });
    expect(await database.lookups.toCollection().primaryKeys()).toEqual(['fresh', 'stale']);
    // Under disk pressure every expired one goes.
    await runRetention(database, { now: NOW, detailDays: 90, pictureDays: 30, lookupGraceDays: 0 });
    expect(await database.lookups.toCollection().primaryKeys()).toEqual(['fresh']);
    expect(await database.imageHashes.toCollection().primaryKeys()).toEqual(['https://img/b']);
  });

  it('a settle, a fold or a collapse that fails midway leaves every row exactly as it was', async () => {
    await seed(92);
    const fail = () => {
      throw new Error('stopped mid-write');
    };
    // The settle: points and newest prices are written before the inbox rows go, in one transaction.
    const inbox = await database.priceInbox.toArray();
    database.priceLatest.hook('creating', fail);
    await expect(collapseHistory(database, detailCutoff(NOW, 90))).rejects.toThrow('stopped mid-write');
    database.priceLatest.hook('creating').unsubscribe(fail);
    expect(await database.priceInbox.toArray()).toEqual(inbox);
    expect([await database.priceObservations.count(), await database.priceLatest.count()]).toEqual([0, 0]);
    await settleInbox(database);

    // The fold: blocks are written before the loose rows go, in one transaction.
    const loose = await database.priceObservations.toArray();
    database.priceBlocks.hook('creating', fail);
    await expect(collapseHistory(database, detailCutoff(NOW, 90))).rejects.toThrow('stopped mid-write');
    database.priceBlocks.hook('creating').unsubscribe(fail);
    expect(await database.priceObservations.toArray()).toEqual(loose);
    expect(await database.priceBlocks.count()).toBe(0);

    // The collapse: folded first (nothing old enough yet), then the old days' rewrite fails.
    await collapseHistory(database, 0);
    const blocks = await database.priceBlocks.toArray();
    expect(blocks.length).toBeGreaterThan(0);
    database.priceBlocks.hook('updating', fail);
    await expect(collapseHistory(database, detailCutoff(NOW, 90))).rejects.toThrow('stopped mid-write');
    database.priceBlocks.hook('updating').unsubscribe(fail);
    expect(await database.priceBlocks.toArray()).toEqual(blocks);
  });
});

describe('writes are transactional', () => {
  it('offers whose price history write fails midway leave no offer row, point or newest price behind', async () => {
    const fail = () => {
      throw new Error('stopped mid-write');
    };
    database.priceInbox.hook('creating', fail);
    await expect(
      recordOffers(
        database,
        [offer({ offerId: '1', priceMinMinor: 500 }), offer({ offerId: '2', priceMinMinor: 600 })],
        'https://s.1688.com/',
        'search',
        1,
      ),
    ).rejects.toThrow('stopped mid-write');
    database.priceInbox.hook('creating').unsubscribe(fail);
    expect(await database.offers.count()).toBe(0);
    expect(await database.priceInbox.count()).toBe(0);
    // And the same write then goes through whole.
    await recordOffers(
      database,
      [offer({ offerId: '1', priceMinMinor: 500 })],
      'https://s.1688.com/',
      'search',
      2,
    );
    expect([await database.offers.count(), await database.priceInbox.count()]).toEqual([1, 1]);
    await settleInbox(database);
    expect([
      await database.offers.count(),
      await database.priceInbox.count(),
      await database.priceObservations.count(),
      await database.priceLatest.count(),
    ]).toEqual([1, 0, 1, 1]);
  });
});
