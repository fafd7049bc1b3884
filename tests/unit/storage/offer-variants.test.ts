import { describe, expect, it } from 'vitest';
import { MAX_STORED_SKUS } from '../../../core/sources/offer-schema';
import type { OfferSku } from '../../../core/sources/provider';
import { SourceLensDb } from '../../../storage/db';
import { recordOffers, recordOfferVariants } from '../../../storage/offers';
import { offer } from '../../support/builders';

const sku = (n: number, over: Partial<OfferSku> = {}): OfferSku => ({
  spec: `颜色${n}>M`,
  skuId: String(5000 + n),
  specId: null,
  priceMinor: 1500 + n,
  discountPriceMinor: null,
  stock: 10 * n,
  ...over,
});

async function withOffer(): Promise<SourceLensDb> {
  const db = new SourceLensDb(`variants-${Math.random()}`);
  await recordOffers(db, [offer({ offerId: '600000000001' })], 'https://s.1688.com/', 'search', 1000);
  return db;
}

describe('an offer keeps its variants as its page last showed them', () => {
  it('stores the variants read, with when, and a search seeing the offer again keeps them', async () => {
    const db = await withOffer();
    await recordOfferVariants(db, '1688:600000000001', [sku(1), sku(2)], true, 5000);
    // A later search answer rewrites the row's facts, not what the page showed.
    await recordOffers(
      db,
      [offer({ offerId: '600000000001', title: '新标题' })],
      'https://s.1688.com/',
      'search',
      9000,
    );
    const row = await db.offers.get('1688:600000000001');
    expect(row?.title).toBe('新标题');
    expect(row?.variants).toEqual({ skus: [sku(1), sku(2)], total: 2, skusKnown: true, readAt: 5000 });
    db.close();
  });

  it('a newer read replaces the last one, "not loaded" included', async () => {
    const db = await withOffer();
    await recordOfferVariants(db, '1688:600000000001', [sku(1)], true, 5000);
    await recordOfferVariants(db, '1688:600000000001', [], false, 6000);
    expect((await db.offers.get('1688:600000000001'))?.variants).toEqual({
      skus: [],
      total: 0,
      skusKnown: false,
      readAt: 6000,
    });
    db.close();
  });

  it('keeps the first MAX_STORED_SKUS and how many the page listed; cuts long specs; leaves out impossible numbers', async () => {
    const db = await withOffer();
    const many = Array.from({ length: 500 }, (_, i) => sku(i + 1));
    many[0] = sku(1, { spec: 'x'.repeat(5000) });
    many[1] = sku(2, { priceMinor: -5 });
    many[2] = sku(3, { stock: Number.NaN });
    const stored = await recordOfferVariants(db, '1688:600000000001', many, true, 5000);
    expect(stored?.total).toBe(500);
    expect(stored?.skus).toHaveLength(MAX_STORED_SKUS);
    expect(stored?.skus[0]?.spec).toHaveLength(200);
    expect(stored?.skus.map((s) => s.skuId)).not.toContain('5002');
    expect(stored?.skus.map((s) => s.skuId)).not.toContain('5003');
    expect((await db.offers.get('1688:600000000001'))?.variants).toEqual(stored);
    db.close();
  });

  it('does nothing for an offer that is not stored', async () => {
    const db = await withOffer();
    expect(await recordOfferVariants(db, '1688:999', [sku(1)], true, 5000)).toBeNull();
    expect(await db.offers.get('1688:999')).toBeUndefined();
    db.close();
  });
});
