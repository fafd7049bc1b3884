import { beforeEach, describe, expect, it } from 'vitest';
import { recordOffers } from '../../../storage/offers';
import {
  latestPrice,
  type NewObservation,
  OBSERVATION_REFRESH_MS,
  priceRange,
  readHistory,
  recordObservations,
  sparklinePoints,
} from '../../../storage/price-history';
import { settleInbox } from '../../../storage/price-inbox';
import { priceHistory } from '../../../storage/products';
import type { PriceObservation } from '../../../storage/types';
import { observation, offer } from '../../support/builders';
import { freshDatabase } from '../../support/fresh-db';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const point = observation;

/**
 * Records one batch and returns the points it made, as readers see them at once (waiting in the inbox), by subject
 * then time; settles the inbox and checks the history reads the same after.
 */
async function recorded(observations: NewObservation[]): Promise<PriceObservation[]> {
  const keys = [...new Set(observations.map((o) => o.subjectKey))];
  const seen = async () => (await Promise.all(keys.map((k) => readHistory(db(), k)))).flat();
  const before = new Set((await seen()).map((p) => `${p.subjectKey}@${p.at}`));
  await recordObservations(db(), observations);
  const waiting = await seen();
  await settleInbox(db());
  expect(await seen()).toEqual(waiting);
  return waiting.filter((p) => !before.has(`${p.subjectKey}@${p.at}`));
}

const db = freshDatabase('history');

describe('recording price observations', () => {
  it('writes a point when the price changed or 12 hours passed, and keeps the newest beside the history', async () => {
    expect(OBSERVATION_REFRESH_MS).toBe(12 * HOUR);
    await recorded([point({ at: 0 })]);
    expect(await recorded([point({ at: 11 * HOUR })])).toEqual([]);
    expect(await recorded([point({ at: 12 * HOUR })])).toHaveLength(1);
    expect(await recorded([point({ at: 13 * HOUR, minor: 900 })])).toHaveLength(1);
    expect(await recorded([point({ at: 14 * HOUR, currency: 'USD', minor: 900 })])).toHaveLength(1);
    expect(
      await recorded([point({ at: 15 * HOUR, currency: 'USD', minor: 900, maxMinor: 1200 })]),
    ).toHaveLength(1);
    const history = await readHistory(db(), '1688:1');
    expect(history.map((p) => p.at)).toEqual([0, 12 * HOUR, 13 * HOUR, 14 * HOUR, 15 * HOUR]);
    expect(history.every((p) => p.detailAt === p.at)).toBe(true);
    expect(await latestPrice(db(), '1688:1')).toMatchObject({
      at: 15 * HOUR,
      maxMinor: 1200,
      currency: 'USD',
    });
  });

  it('de-duplicates within one batch, in order, per subject', async () => {
    const written = await recorded([
      point({ at: 0 }),
      point({ at: 1, subjectKey: '1688:2' }),
      point({ at: 2 }),
      point({ at: 3, minor: 990 }),
      point({ at: 4, subjectKey: '1688:2' }),
    ]);
    expect(written.map((p) => [p.subjectKey, p.at])).toEqual([
      ['1688:1', 0],
      ['1688:1', 3],
      ['1688:2', 1],
    ]);
    expect(await db().priceObservations.count()).toBe(3);
    expect(await db().priceLatest.count()).toBe(2);
  });

  it('keeps tier prices on the point; new tiers are a change, unknown tiers are not', async () => {
    const tiers = [
      { minQty: 2, priceMinor: 1000 },
      { minQty: 50, priceMinor: 800 },
    ];
    await recorded([point({ at: 0, minor: 800, tiers })]);
    expect(await recorded([point({ at: 1, minor: 800 })])).toEqual([]);
    expect(await recorded([point({ at: 2, minor: 800, tiers })])).toEqual([]);
    const cheaper = [{ minQty: 2, priceMinor: 950 }, tiers[1] as (typeof tiers)[number]];
    expect(await recorded([point({ at: 3, minor: 800, tiers: cheaper })])).toHaveLength(1);
    const history = await readHistory(db(), '1688:1');
    expect(history.map((p) => p.tiers)).toEqual([tiers, cheaper]);
  });

  it('a late report is history, not the price now', async () => {
    await recorded([point({ at: 100 * HOUR, minor: 500 })]);
    await recorded([point({ at: 10 * HOUR, minor: 700 })]);
    expect((await latestPrice(db(), '1688:1'))?.minor).toBe(500);
    expect((await readHistory(db(), '1688:1')).map((p) => p.minor)).toEqual([700, 500]);
  });

  it('offers record their lowest price with tiers read this time, through the same rule (refresh included)', async () => {
    const tiered = offer({
      priceMinMinor: 800,
      priceMaxMinor: 1000,
      priceTiers: [
        { minQty: 2, priceMinor: 1000 },
        { minQty: 50, priceMinor: 800 },
      ],
    });
    await recordOffers(db(), [tiered], 'https://detail.1688.com/offer/600000000001.html', 'offer-page', 0);
    // A search shows only the range: no tiers on its point, and no new point since nothing moved.
    await recordOffers(db(), [{ ...tiered, priceTiers: [] }], 'https://s.1688.com/', 'search', HOUR);
    await recordOffers(db(), [{ ...tiered, priceMinMinor: 750 }], 'https://x/', 'refresh', 2 * HOUR);
    const history = await priceHistory(db(), '1688:600000000001');
    expect(history.map((p) => [p.via, p.minor, p.tiers?.length ?? 0])).toEqual([
      ['offer-page', 800, 2],
      ['refresh', 750, 2],
    ]);
    // The offer row keeps the tiers it knew.
    expect((await db().offers.get('1688:600000000001'))?.priceTiers).toHaveLength(2);
  });
});

describe('reading price history', () => {
  beforeEach(async () => {
    await recordObservations(
      db(),
      [5, 4, 6, 3, 5].map((yuan, i) => point({ at: i * DAY, minor: yuan * 100 })),
    );
    await recordObservations(db(), [point({ subjectKey: '1688:10', at: 0, minor: 1 })]);
  });

  it('reads one subject oldest first, within a range when asked (ends included)', async () => {
    expect((await readHistory(db(), '1688:1')).map((p) => p.minor)).toEqual([500, 400, 600, 300, 500]);
    expect((await readHistory(db(), '1688:1', { from: DAY, to: 3 * DAY })).map((p) => p.minor)).toEqual([
      400, 600, 300,
    ]);
    expect(await readHistory(db(), '1688:1', { from: 10 * DAY })).toEqual([]);
    // A key that is a prefix of another's reads only its own points.
    expect(await readHistory(db(), '1688:')).toEqual([]);
  });

  it('gives sparkline points for the last days, carrying the price in force when the window opened', async () => {
    expect(await sparklinePoints(db(), '1688:1', 2, 4 * DAY)).toEqual([
      { at: 2 * DAY, minor: 600 },
      { at: 3 * DAY, minor: 300 },
      { at: 4 * DAY, minor: 500 },
    ]);
    expect(await sparklinePoints(db(), '1688:1', 2, 4.5 * DAY)).toEqual([
      { at: 2.5 * DAY, minor: 600 },
      { at: 3 * DAY, minor: 300 },
      { at: 4 * DAY, minor: 500 },
    ]);
    expect(await sparklinePoints(db(), 'none', 30, 4 * DAY)).toEqual([]);
  });

  it('gives the lowest and highest price seen, counting daily points with their high', async () => {
    expect(await priceRange(db(), '1688:1')).toEqual({
      lowMinor: 300,
      highMinor: 600,
      currency: 'CNY',
      firstAt: 0,
      lastAt: 4 * DAY,
    });
    await db().priceObservations.add({ ...point({ at: -DAY, minor: 350 }), highMinor: 900 });
    expect((await priceRange(db(), '1688:1'))?.highMinor).toBe(900);
    expect(await priceRange(db(), 'none')).toBeNull();
  });
});
