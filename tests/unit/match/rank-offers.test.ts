import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES } from '../../../core/match/margin';
import {
  AD_MARGIN,
  clearTitleCache,
  prepareOffers,
  type RankableOffer,
  type RankProduct,
  rankOffers,
  rankPreparedOffers,
} from '../../../core/match/rank-offers';
import type { SupplierFacts } from '../../../core/sources/types';
import { scorableOffer } from '../../support/builders';

/** An offer known by its id and title only (every optional fact null), with `over` and supplier facts `sup`. */
function offer(
  id: string,
  title: string,
  over: Partial<RankableOffer> = {},
  sup: Partial<SupplierFacts> = {},
): RankableOffer {
  return scorableOffer({ offerId: id, title, ...over, supplier: over.supplier ?? sup });
}

const PHOTO = 'c8c8808c969292cc';
const product: RankProduct = {
  title: 'Insulated stainless steel water bottle 500ml',
  price: { minor: 1999, currency: 'USD' },
  imageHash: PHOTO,
};
const opts = { quantity: 2, rates: DEFAULT_RATES };

/** Only the supplier part counts: score = years / 10 (a way to set exact scores). */
const yearsOnly = { ...opts, weights: { title: 0, image: 0, price: 0, supplier: 1, moq: 0 } };
const byYears = (id: string, years: number, isAd = false) => offer(id, `item ${id}`, { isAd }, { years });

describe('rankOffers', () => {
  const offers = [
    offer(
      'reseller',
      'Water bottle stainless steel insulated 500ml hot sale',
      {
        imageHash: 'c8c8808c969292cd', // 1 bit from the product photo
        priceTiers: [{ minQty: 2, priceMinor: 2600 }],
        sales: 40,
      },
      { years: 2 },
    ),
    offer('mat', 'Yoga mat non slip 6mm', { imageHash: '0123456789abcdef', priceMinMinor: 1500 }),
    offer(
      'factory',
      '源头工厂 insulated stainless steel water bottle 500ml',
      {
        imageHash: 'c8c8808c969292ce', // 1 bit from the product photo, 2 from the reseller's
        priceTiers: [
          { minQty: 2, priceMinor: 1800 },
          { minQty: 100, priceMinor: 1500 },
        ],
        moq: 2,
        sales: 900,
      },
      { years: 8, isFactory: true, repurchaseRate: 0.4 },
    ),
    offer('bottle2', 'Plastic kids water bottle 350ml', { imageHash: null, priceMinMinor: 900 }),
    offer(
      'copy',
      'Vacuum flask 500ml insulated bottle',
      {
        imageHash: 'c8c8808c969292c8', // 1 bit from the product photo
        priceMinMinor: 2200,
        isAd: true,
      },
      { years: 1 },
    ),
  ];
  const r = rankOffers(product, offers, opts);

  it('puts the same photo + similar title first and the unrelated offer last', () => {
    expect(r.ranked.map((x) => x.offer.offerId)[0]).toBe('factory');
    expect(r.ranked.at(-1)?.offer.offerId).toBe('mat');
    expect(r.ranked[0]?.chips).toEqual(expect.arrayContaining(['same-photo', 'factory', 'yrs:8']));
    expect(r.ranked.find((x) => x.offer.offerId === 'copy')?.chips).toContain('ad');
    expect(r.ranked.map((x) => x.index).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('groups the same photo and names the factory as the probable source, with reasons', () => {
    expect(r.clusters).toHaveLength(1);
    const c = r.clusters[0];
    expect(c).toMatchObject({
      id: 0,
      size: 3,
      sourceKey: '1688:factory',
      sourceIndex: 2,
      members: [0, 2, 4],
    });
    expect(c?.reasons).toEqual(['factory', '8 yrs', 'lowest price', 'most sold']);
    for (const x of r.ranked) {
      expect(x.clusterId).toBe([0, 2, 4].includes(x.index) ? 0 : null);
      expect(x.isProbableSource).toBe(x.index === 2);
    }
  });

  it('numbers clusters in the order their best member ranks', () => {
    const os = [
      byYears('a1', 1),
      byYears('b1', 9),
      byYears('a2', 2),
      byYears('b2', 3),
      byYears('lone', 5),
    ].map((o, i) => ({
      ...o,
      imageHash: i === 4 ? null : i % 2 === 0 ? '00000000000000ff' : 'ffffffffffffff00',
    }));
    const res = rankOffers(product, os, yearsOnly);
    expect(res.clusters.map((c) => c.members)).toEqual([
      [1, 3],
      [0, 2],
    ]);
    expect(res.ranked.map((x) => [x.offer.offerId, x.clusterId])).toEqual([
      ['b1', 0],
      ['lone', null],
      ['b2', 0],
      ['a2', 1],
      ['a1', 1],
    ]);
  });

  it('re-ranking prepared offers gives the same result as ranking from scratch', () => {
    const prepared = prepareOffers(offers);
    const a = rankPreparedOffers(product, prepared, opts);
    expect(a).toEqual(r);
    const b = rankPreparedOffers(product, prepared, { ...opts, quantity: 100 }); // cached titles, new quantity
    expect(b).toEqual(rankOffers(product, offers, { ...opts, quantity: 100 }));
    // A different product title is not served from the cache.
    const other = { ...product, title: 'Yoga mat non slip' };
    expect(rankPreparedOffers(other, prepared, opts).ranked[0]?.offer.offerId).toBe('mat');
    expect(rankPreparedOffers(product, prepared, opts)).toEqual(r);
    clearTitleCache(prepared);
    expect(prepared.titleCache).toBeNull();
    expect(rankPreparedOffers(product, prepared, opts)).toEqual(r);
  });

  it('works without a product photo, price or usable title', () => {
    const res = rankOffers({ title: '', price: null, imageHash: null }, offers, opts);
    expect(res.ranked).toHaveLength(5);
    for (const x of res.ranked) {
      expect(x.parts.title).toBeNull();
      expect(x.parts.image).toBeNull();
      expect(x.chips).not.toContain('same-photo');
    }
    expect(rankOffers(product, [], opts)).toEqual({ ranked: [], clusters: [] });
  });
});

describe('paid placements', () => {
  it('an ad is not placed above the best non-ad unless its score is higher by more than the margin', () => {
    expect(AD_MARGIN).toBe(0.1);
    // Ad 0.90 vs non-ad 0.85: not clearly higher → below.
    let res = rankOffers(product, [byYears('ad', 9, true), byYears('org', 8.5)], yearsOnly);
    expect(res.ranked.map((x) => x.offer.offerId)).toEqual(['org', 'ad']);
    expect(res.ranked[1]?.score).toBeCloseTo(0.9, 12); // the reported score is untouched
    // Ad 1.00 vs non-ad 0.85: higher by 0.15 → first.
    res = rankOffers(product, [byYears('org', 8.5), byYears('ad', 10, true)], yearsOnly);
    expect(res.ranked.map((x) => x.offer.offerId)).toEqual(['ad', 'org']);
    // A custom margin.
    res = rankOffers(product, [byYears('org', 8.5), byYears('ad', 10, true)], {
      ...yearsOnly,
      adMargin: 0.2,
    });
    expect(res.ranked.map((x) => x.offer.offerId)).toEqual(['org', 'ad']);
    // Ads among themselves keep score order.
    res = rankOffers(product, [byYears('ad1', 2, true), byYears('ad2', 6, true)], yearsOnly);
    expect(res.ranked.map((x) => x.offer.offerId)).toEqual(['ad2', 'ad1']);
  });

  it('property: every ad above a non-ad beats it by more than the margin; order is otherwise by score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        (spec) => {
          const os = spec.map(([y, ad], i) => byYears(`o${i}`, y / 2, ad));
          const res = rankOffers(product, os, yearsOnly);
          const rk = res.ranked;
          for (let i = 0; i < rk.length; i++)
            for (let j = i + 1; j < rk.length; j++) {
              const a = rk[i] as (typeof rk)[number];
              const b = rk[j] as (typeof rk)[number];
              if (a.offer.isAd && !b.offer.isAd) expect(a.score - b.score).toBeGreaterThan(AD_MARGIN - 1e-9);
              if (a.offer.isAd === b.offer.isAd) expect(a.score).toBeGreaterThanOrEqual(b.score);
              if (!a.offer.isAd && b.offer.isAd)
                expect(b.score - a.score).toBeLessThanOrEqual(AD_MARGIN + 1e-9);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('stable sort', () => {
  it('property: offers with equal scores keep their input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (spec) => {
          const os = spec.map(([y, ad], i) => byYears(`o${i}`, y, ad));
          const rk = rankOffers(product, os, yearsOnly).ranked;
          for (let i = 1; i < rk.length; i++) {
            const a = rk[i - 1] as (typeof rk)[number];
            const b = rk[i] as (typeof rk)[number];
            if (a.score === b.score && a.offer.isAd === b.offer.isAd) expect(a.index).toBeLessThan(b.index);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('identical offers come out in input order', () => {
    const os = Array.from({ length: 25 }, (_, i) => offer(`o${i}`, 'same title here', { imageHash: PHOTO }));
    expect(rankOffers(product, os, opts).ranked.map((x) => x.index)).toEqual(os.map((_, i) => i));
  });
});
