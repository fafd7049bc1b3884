import { describe, expect, it } from 'vitest';
import { loadShortlist, readHistories } from '../../../components/shortlist/data';
import { recordOffers } from '../../../storage/offers';
import { recordObservations } from '../../../storage/price-history';
import { keepOffer } from '../../../storage/shortlist';
import { offer } from '../../support/builders';
import { freshDatabase } from '../../support/fresh-db';

const db = freshDatabase('popup');

describe('the popup’s reads', () => {
  it('loads kept entries newest first with their offers; an offer gone from the store is left out of the map', async () => {
    await recordOffers(
      db(),
      [
        offer({ offerId: '600000000001', priceMinMinor: 1000 }),
        offer({ offerId: '600000000002', priceMinMinor: 900 }),
      ],
      'https://s.1688.com/',
      'search',
      1,
    );
    await keepOffer(db(), { offerKey: '1688:600000000001', productKey: 'taobao:1', tags: ['a'] }, 10);
    await keepOffer(db(), { offerKey: '1688:600000000002', productKey: null }, 20);
    await keepOffer(db(), { offerKey: '1688:600000000003', productKey: null }, 30);
    const data = await loadShortlist(db());
    expect(data.entries.map((e) => e.offerKey)).toEqual([
      '1688:600000000003',
      '1688:600000000002',
      '1688:600000000001',
    ]);
    expect([...data.offers.keys()].sort()).toEqual(['1688:600000000001', '1688:600000000002']);
    expect(data.products.size).toBe(0);
    expect(data).toMatchObject({ total: 3, complete: true });
    // The first frame's read: the newest only, and how many there are in all.
    const head = await loadShortlist(db(), 2);
    expect(head.entries.map((e) => e.offerKey)).toEqual(['1688:600000000003', '1688:600000000002']);
    expect(head).toMatchObject({ total: 3, complete: false });
    expect((await loadShortlist(db(), 5)).complete).toBe(true);
  });

  it('reads several histories at once, oldest first, each its own', async () => {
    const base = {
      subjectKind: 'offer' as const,
      maxMinor: null,
      currency: 'CNY',
      where: 'https://s.1688.com/',
      via: 'refresh' as const,
    };
    await recordObservations(db(), [
      { ...base, subjectKey: 'a', minor: 10, at: 1 },
      { ...base, subjectKey: 'b', minor: 20, at: 1 },
      { ...base, subjectKey: 'a', minor: 11, at: 2 },
    ]);
    const read = await readHistories(db(), ['a', 'b', 'c']);
    expect(read.get('a')?.map((p) => p.minor)).toEqual([10, 11]);
    expect(read.get('b')?.map((p) => p.minor)).toEqual([20]);
    expect(read.get('c')).toEqual([]);
    expect((await readHistories(db(), ['a'], 2)).get('a')?.map((p) => p.minor)).toEqual([11]);
  });
});
