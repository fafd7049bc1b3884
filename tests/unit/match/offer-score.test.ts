import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, type ExchangeRates } from '../../../core/match/margin';
import {
  DEFAULT_WEIGHTS,
  imageSimilarity,
  makeScoreContext,
  priceRatioScore,
  type ScorableOffer,
  type ScoreProduct,
  scoreOffer,
  supplierScore,
} from '../../../core/match/offer-score';
import { buildIdf } from '../../../core/match/similarity';
import { scoreTitlePair } from '../../../core/match/titles';
import type { SupplierFacts } from '../../../core/sources/types';
import { hex64 } from '../../support/arbitraries';
import { scorableOffer, supplier } from '../../support/builders';

/** An offer that knows nothing but its title (every optional fact null). */
function bare(
  title: string,
  over: Partial<ScorableOffer> = {},
  sup: Partial<SupplierFacts> = {},
): ScorableOffer {
  return scorableOffer({
    offerId: title.slice(0, 8),
    title,
    url: 'https://detail.1688.com/offer/1.html',
    ...over,
    supplier: over.supplier ?? sup,
  });
}

const titles = [
  'Stainless steel vacuum insulated water bottle 500ml double wall',
  'Insulated water bottle stainless steel 500 ml sports flask',
  'Plastic kids water bottle 350ml with straw',
  'Bluetooth speaker waterproof portable',
  'Yoga mat non slip 6mm',
];
const product: ScoreProduct = {
  title: 'Insulated Stainless Steel Water Bottle 500ml',
  price: { minor: 1999, currency: 'USD' }, // ≈ ¥141.93 with the defaults
  imageHash: '0f0f0f0f0f0f0f0f',
};
const ctx = makeScoreContext(product, titles, { quantity: 1, rates: DEFAULT_RATES });

describe('signal curves', () => {
  it('image similarity: 1 up to 6 bits, 0 from 24, linear between', () => {
    expect(imageSimilarity(0)).toBe(1);
    expect(imageSimilarity(6)).toBe(1);
    expect(imageSimilarity(15)).toBeCloseTo(0.5, 12);
    expect(imageSimilarity(24)).toBe(0);
    expect(imageSimilarity(64)).toBe(0);
  });

  it('price ratio: implausible above retail and under 3 %', () => {
    expect(priceRatioScore(1.01)).toBe(0);
    expect(priceRatioScore(0.029)).toBe(0);
    expect(priceRatioScore(0.03)).toBe(0.5);
    expect(priceRatioScore(0.2)).toBe(1);
    expect(priceRatioScore(1)).toBeCloseTo(0.3, 12);
    expect(priceRatioScore(Number.NaN)).toBe(0);
  });

  it('supplier quality from known facts only', () => {
    expect(supplierScore(supplier())).toBeNull();
    expect(supplierScore(supplier({ isFactory: true }))).toBe(1);
    expect(supplierScore(supplier({ badges: ['超级工厂'], years: 5 }))).toBe(0.75);
    expect(supplierScore(supplier({ isFactory: false, years: 10, repurchaseRate: 0.2 }))).toBeCloseTo(
      0.6,
      12,
    );
  });
});

describe('scoreOffer', () => {
  it('uses scoreTitlePair under the IDF of the search titles', () => {
    const s = scoreOffer(bare(titles[1] as string), ctx);
    const idf = buildIdf([product.title, ...titles]);
    expect(s.parts.title).toBeCloseTo(scoreTitlePair(product.title, titles[1] as string, idf), 12);
    expect(s.chips).toContain('similar-title');
    expect(scoreOffer(bare(titles[3] as string), ctx).chips).not.toContain('similar-title');
  });

  it('a title-only offer scores exactly its title part (missing signals are not bad)', () => {
    const s = scoreOffer(bare(titles[0] as string), ctx);
    expect(s.parts).toMatchObject({ image: null, price: null, supplier: null, moq: null });
    expect(s.score).toBeCloseTo(s.parts.title as number, 12);
    expect(s.chips).toEqual(['similar-title']);
  });

  it('known good facts raise the score, known bad facts lower it', () => {
    const t = titles[1] as string;
    const base = scoreOffer(bare(t), ctx).score;
    const good = scoreOffer(
      bare(t, { dropship: true }, { isFactory: true, years: 10, repurchaseRate: 0.5 }),
      ctx,
    );
    const bad = scoreOffer(bare(t, { moq: 500 }, { isFactory: false, years: 0, repurchaseRate: 0 }), ctx);
    expect(good.score).toBeGreaterThan(base);
    expect(bad.score).toBeLessThan(base);
    expect(good.chips).toEqual(['similar-title', 'factory', 'yrs:10', 'repurchase:50', 'dropship']);
    expect(bad.chips).toEqual(['similar-title', 'moq:500']);
    expect(bad.parts.moq).toBeCloseTo(1 / 500, 12);
  });

  it('the same photo is strong evidence; a different photo is weaker evidence against', () => {
    const t = titles[2] as string; // a related but different product
    const same = scoreOffer(bare(t, { imageHash: '0f0f0f0f0f0f0f0e' }), ctx);
    const other = scoreOffer(bare(t, { imageHash: 'f0f0f0f0f0f0f0f0' }), ctx);
    const none = scoreOffer(bare(t), ctx);
    expect(same.chips).toContain('same-photo');
    expect(same.parts).toMatchObject({ image: 1, imageDistance: 1 });
    expect(same.score).toBeGreaterThan(0.35);
    expect(other.parts).toMatchObject({ image: 0, imageDistance: 64 });
    expect(other.score).toBeLessThan(none.score);
    // Weighted mean with the image weight shrunk to 40 %: title × 0.45 / (0.45 + 0.3 × 0.4).
    expect(other.score).toBeCloseTo(((none.parts.title as number) * 0.45) / (0.45 + 0.12), 12);
    // Malformed hashes are ignored, not treated as far.
    expect(scoreOffer(bare(t, { imageHash: 'nope' }), ctx).score).toBe(none.score);
  });

  it('checks price plausibility against retail through the rates, at the buyer quantity', () => {
    const t = titles[1] as string;
    const tiers = (p1: number, p100 = p1) => ({
      priceTiers: [
        { minQty: 1, priceMinor: p1 },
        { minQty: 100, priceMinor: p100 },
      ],
    });
    expect(scoreOffer(bare(t, tiers(2500)), ctx).parts.price).toBe(1); // ¥25 of ¥141.93
    const high = scoreOffer(bare(t, tiers(15000)), ctx); // above retail
    expect(high.parts.price).toBe(0);
    expect(high.chips).toContain('price-implausible');
    const low = scoreOffer(bare(t, tiers(300)), ctx); // 2 % of retail
    expect(low.chips).toContain('price-implausible');
    // 100 units: the 100+ tier applies (¥3.50 of ¥141.93 = 2.5 %): implausible; 1 unit: ¥25, fine.
    const ctx100 = makeScoreContext(product, titles, { quantity: 100, rates: DEFAULT_RATES });
    expect(scoreOffer(bare(t, tiers(2500, 350)), ctx100).chips).toContain('price-implausible');
    expect(scoreOffer(bare(t, tiers(2500, 350)), ctx).chips).not.toContain('price-implausible');
    // Offer priced in USD: converted too.
    expect(scoreOffer(bare(t, { currency: 'USD', priceMinMinor: 350 }), ctx).parts.priceRatio).toBeCloseTo(
      2485 / 14193,
      3,
    );
  });

  it('leaves the price out when a currency has no rate or the product has no price', () => {
    const t = titles[1] as string;
    const noRate: ExchangeRates = { date: '2026-01-01' };
    const c1 = makeScoreContext(product, titles, { quantity: 1, rates: noRate });
    expect(scoreOffer(bare(t, { priceMinMinor: 100 }), c1).parts.price).toBeNull();
    const c2 = makeScoreContext({ ...product, price: null }, titles, { quantity: 1, rates: DEFAULT_RATES });
    const s = scoreOffer(bare(t, { priceMinMinor: 100 }), c2);
    expect(s.parts.price).toBeNull();
    expect(s.chips).not.toContain('price-implausible');
  });

  it('marks ads without changing the score', () => {
    const t = titles[1] as string;
    const ad = scoreOffer(bare(t, { isAd: true }), ctx);
    expect(ad.chips.at(-1)).toBe('ad');
    expect(ad.score).toBe(scoreOffer(bare(t), ctx).score);
  });

  it('honours custom weights', () => {
    const c = makeScoreContext(product, titles, {
      quantity: 1,
      rates: DEFAULT_RATES,
      weights: { title: 0, image: 0, price: 0, supplier: 1, moq: 0 },
    });
    expect(scoreOffer(bare(titles[3] as string, {}, { isFactory: true, years: 5 }), c).score).toBeCloseTo(
      0.75,
      12,
    );
    expect(DEFAULT_WEIGHTS.title + DEFAULT_WEIGHTS.image).toBeCloseTo(0.75, 12);
  });

  it('rejects a quantity that is not a positive integer', () => {
    expect(() => makeScoreContext(product, titles, { quantity: 0, rates: DEFAULT_RATES })).toThrow(
      RangeError,
    );
  });

  it('property: the score is in [0, 1] and between the smallest and largest known part', () => {
    const offerArb = fc.record({
      title: fc.constantFrom(...titles, '', '水杯 保温杯 不锈钢 500ml'),
      hash: fc.option(hex64),
      price: fc.option(fc.integer({ min: 1, max: 50000 })),
      moq: fc.option(fc.integer({ min: 1, max: 1000 })),
      dropship: fc.option(fc.boolean()),
      isAd: fc.boolean(),
      isFactory: fc.option(fc.boolean()),
      years: fc.option(fc.integer({ min: 0, max: 20 })),
      rep: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(offerArb, fc.integer({ min: 1, max: 200 }), (o, quantity) => {
        const c = makeScoreContext(product, titles, { quantity, rates: DEFAULT_RATES });
        const s = scoreOffer(
          bare(
            o.title,
            { imageHash: o.hash, priceMinMinor: o.price, moq: o.moq, dropship: o.dropship, isAd: o.isAd },
            { isFactory: o.isFactory, years: o.years, repurchaseRate: o.rep },
          ),
          c,
        );
        const known = [s.parts.title, s.parts.image, s.parts.price, s.parts.supplier, s.parts.moq].filter(
          (x): x is number => x !== null,
        );
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(1);
        if (known.length) {
          expect(s.score).toBeGreaterThanOrEqual(Math.min(...known) - 1e-12);
          expect(s.score).toBeLessThanOrEqual(Math.max(...known) + 1e-12);
        } else expect(s.score).toBe(0);
        expect(s.chips.includes('ad')).toBe(o.isAd);
      }),
      { numRuns: 300 },
    );
  });
});
