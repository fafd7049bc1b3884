import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMinor,
  DEFAULT_RATES,
  type ExchangeRates,
  effectiveMoq,
  landedCost,
  margin,
  rateOf,
  roundHalfAwayFromZero,
  tierPriceAt,
  toCnyMinor,
} from '../../../core/match/margin';
import type { PriceTier } from '../../../core/sources/types';

const tiers: PriceTier[] = [
  { minQty: 2, priceMinor: 1250 },
  { minQty: 100, priceMinor: 1100 },
  { minQty: 1000, priceMinor: 980 },
];

const rates: ExchangeRates = { date: '2026-01-02', USD: 7.2, EUR: 8, JPY: 0.05, KWD: 23.5 };

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero, including decimal halves blurred by binary floats', () => {
    expect(roundHalfAwayFromZero(2.5)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
    expect(roundHalfAwayFromZero(2.4999)).toBe(2);
    expect(roundHalfAwayFromZero(-0.4)).toBe(-0);
    expect(roundHalfAwayFromZero(1.005 * 100)).toBe(101); // 100.49999999999999 in binary
    expect(roundHalfAwayFromZero(7)).toBe(7);
  });
});

describe('tierPriceAt', () => {
  it('takes the tier with the largest minQty ≤ quantity', () => {
    expect(tierPriceAt(tiers, 2)).toEqual({ priceMinor: 1250, minQty: 2, belowMoq: false });
    expect(tierPriceAt(tiers, 99)).toEqual({ priceMinor: 1250, minQty: 2, belowMoq: false });
    expect(tierPriceAt(tiers, 100)).toEqual({ priceMinor: 1100, minQty: 100, belowMoq: false });
    expect(tierPriceAt(tiers, 5000)).toEqual({ priceMinor: 980, minQty: 1000, belowMoq: false });
  });

  it('does not rely on the order of the tiers', () => {
    const shuffled = [tiers[2], tiers[0], tiers[1]] as PriceTier[];
    for (const q of [2, 50, 100, 999, 1000, 7])
      expect(tierPriceAt(shuffled, q)).toEqual(tierPriceAt(tiers, q));
  });

  it('flags a quantity below the MOQ and gives the first tier price', () => {
    expect(tierPriceAt(tiers, 1)).toEqual({ priceMinor: 1250, minQty: 2, belowMoq: true });
  });

  it('returns null without tiers and rejects a bad quantity', () => {
    expect(tierPriceAt([], 3)).toBeNull();
    expect(() => tierPriceAt(tiers, 0)).toThrow(RangeError);
    expect(() => tierPriceAt(tiers, 1.5)).toThrow(RangeError);
  });

  it('property: the price is the one of some tier, and never belowMoq when quantity ≥ smallest minQty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ minQty: fc.integer({ min: 1, max: 500 }), priceMinor: fc.nat(100000) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 1000 }),
        (ts, q) => {
          const r = tierPriceAt(ts, q);
          expect(r).not.toBeNull();
          const min = Math.min(...ts.map((t) => t.minQty));
          expect(r?.belowMoq).toBe(q < min);
          if (q >= min) {
            const best = Math.max(...ts.filter((t) => t.minQty <= q).map((t) => t.minQty));
            expect(r?.minQty).toBe(best);
            expect(ts.find((t) => t.minQty === best)?.priceMinor).toBe(r?.priceMinor);
          }
        },
      ),
    );
  });
});

describe('landedCost', () => {
  const offer = { priceTiers: tiers, priceMinMinor: 980, moq: 2, currency: 'CNY' };

  it('multiplies the tier price and adds shipping, in integers', () => {
    expect(landedCost({ offer, quantity: 100, shippingPerUnitMinor: 35, currency: 'CNY' })).toEqual({
      currency: 'CNY',
      quantity: 100,
      unitPriceMinor: 1100,
      tierMinQty: 100,
      belowMoq: false,
      estimated: false,
      perUnitMinor: 1135,
      goodsMinor: 110000,
      shippingMinor: 3500,
      totalMinor: 113500,
    });
  });

  it('flags an MOQ above the quantity (offer MOQ larger than its first tier too)', () => {
    expect(landedCost({ offer, quantity: 1, shippingPerUnitMinor: 0, currency: 'CNY' })?.belowMoq).toBe(true);
    const strict = { ...offer, moq: 50 };
    const r = landedCost({ offer: strict, quantity: 10, shippingPerUnitMinor: 0, currency: 'CNY' });
    expect(r?.belowMoq).toBe(true);
    expect(r?.unitPriceMinor).toBe(1250);
    expect(effectiveMoq(strict)).toBe(50);
    expect(effectiveMoq({ priceTiers: [], moq: null })).toBeNull();
    expect(effectiveMoq({ priceTiers: tiers, moq: null })).toBe(2);
  });

  it('falls back to the lowest listed price when there are no tiers (estimated), null without any price', () => {
    const bare = { priceTiers: [], priceMinMinor: 777, moq: 3, currency: 'CNY' };
    const r = landedCost({ offer: bare, quantity: 5, shippingPerUnitMinor: 10, currency: 'CNY' });
    expect(r).toMatchObject({ unitPriceMinor: 777, estimated: true, belowMoq: false, totalMinor: 3935 });
    expect(landedCost({ offer: bare, quantity: 2, shippingPerUnitMinor: 0, currency: 'CNY' })?.belowMoq).toBe(
      true,
    );
    const none = { ...bare, priceMinMinor: null };
    expect(landedCost({ offer: none, quantity: 5, shippingPerUnitMinor: 0, currency: 'CNY' })).toBeNull();
  });

  it('refuses an offer priced in another currency instead of converting silently', () => {
    const usd = { ...offer, currency: 'USD' };
    expect(landedCost({ offer: usd, quantity: 5, shippingPerUnitMinor: 0, currency: 'CNY' })).toBeNull();
  });
});

describe('currency conversion', () => {
  it('converts through CNY per major unit, respecting minor-unit exponents', () => {
    expect(toCnyMinor({ minor: 1999, currency: 'USD' }, rates)).toBe(14393); // 19.99 × 7.2 = 143.928
    expect(toCnyMinor({ minor: 1999, currency: 'usd' }, rates)).toBe(14393);
    expect(toCnyMinor({ minor: 1500, currency: 'JPY' }, rates)).toBe(7500); // ¥1500 × 0.05 = ¥75.00
    expect(toCnyMinor({ minor: 1234, currency: 'KWD' }, rates)).toBe(2900); // 1.234 × 23.5 = 28.999
    expect(toCnyMinor({ minor: 1234, currency: 'CNY' }, rates)).toBe(1234);
    expect(convertMinor(720, 'CNY', 'USD', rates)).toBe(100);
    expect(convertMinor(1000, 'EUR', 'USD', rates)).toBe(1111); // 10 × 8 / 7.2 = 11.111
    expect(convertMinor(100, 'EUR', 'JPY', rates)).toBe(160); // €1 = ¥8 = 160 JPY
  });

  it('rounds a half away from zero at the conversion step', () => {
    const r: ExchangeRates = { date: 'x', USD: 0.5 };
    expect(toCnyMinor({ minor: 1, currency: 'USD' }, r)).toBe(1); // 0.5 fen → 1
    expect(toCnyMinor({ minor: 3, currency: 'USD' }, r)).toBe(2); // 1.5 fen → 2
  });

  it('gives null for a currency without a usable rate, never a guess', () => {
    expect(toCnyMinor({ minor: 100, currency: 'GBP' }, rates)).toBeNull();
    expect(rateOf({ date: 'x', XYZ: 0 }, 'XYZ')).toBeNull();
    expect(rateOf({ date: 'x', XYZ: Number.NaN }, 'XYZ')).toBeNull();
    expect(rateOf({ date: 'x' }, 'date')).toBeNull();
    expect(rateOf({ date: 'x', CNY: 3 }, 'CNY')).toBe(1);
    expect(convertMinor(100, 'GBP', 'USD', rates)).toBeNull();
  });

  it('ships a dated default table with the main shop currencies', () => {
    expect(DEFAULT_RATES.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const c of ['CNY', 'USD', 'EUR', 'GBP', 'JPY']) expect(rateOf(DEFAULT_RATES, c)).toBeGreaterThan(0);
    expect(Object.isFrozen(DEFAULT_RATES)).toBe(true);
  });
});

describe('margin', () => {
  it('computes retail, fee, profit and margin in fen', () => {
    const m = margin({
      retail: { minor: 1999, currency: 'USD' },
      rates,
      unitCostMinor: 2500,
      shippingPerUnitMinor: 1200,
      platformFeePct: 15,
    });
    // 143.928 → 14393; fee 14393 × 0.15 = 2158.95 → 2159; profit 14393 − 3700 − 2159 = 8534; 59.29 %.
    expect(m).toEqual({
      retailCnyMinor: 14393,
      costPerUnitMinor: 3700,
      feeMinor: 2159,
      profitPerUnitMinor: 8534,
      marginPct: 59.29,
      rateDate: '2026-01-02',
    });
  });

  it('rounds the fee half away from zero and can show a loss', () => {
    const m = margin({
      retail: { minor: 10, currency: 'CNY' },
      rates,
      unitCostMinor: 20,
      shippingPerUnitMinor: 0,
      platformFeePct: 5,
    });
    expect(m?.feeMinor).toBe(1); // 0.5 → 1
    expect(m?.profitPerUnitMinor).toBe(-11);
    expect(m?.marginPct).toBe(-110);
  });

  it('returns null for an unknown retail currency and marginPct null for a zero price', () => {
    const base = { rates, unitCostMinor: 100, shippingPerUnitMinor: 0, platformFeePct: 0 };
    expect(margin({ ...base, retail: { minor: 1000, currency: 'CHF' } })).toBeNull();
    expect(margin({ ...base, retail: { minor: 0, currency: 'CNY' } })?.marginPct).toBeNull();
  });

  it('rejects fractions, negatives and fees outside 0..100 %', () => {
    const base = {
      rates,
      retail: { minor: 1000, currency: 'CNY' },
      unitCostMinor: 100,
      shippingPerUnitMinor: 0,
    };
    expect(() => margin({ ...base, platformFeePct: 101 })).toThrow(RangeError);
    expect(() => margin({ ...base, platformFeePct: -1 })).toThrow(RangeError);
    expect(() => margin({ ...base, platformFeePct: 10, unitCostMinor: 1.5 })).toThrow(RangeError);
    expect(() => margin({ ...base, platformFeePct: 10, shippingPerUnitMinor: -1 })).toThrow(RangeError);
  });

  it('property: profit = retail − cost − fee − shipping exactly, all integers', () => {
    const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'KWD'];
    fc.assert(
      fc.property(
        fc.nat(10_000_000),
        fc.constantFrom(...currencies),
        fc.nat(5_000_000),
        fc.nat(500_000),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (retailMinor, currency, unitCostMinor, shippingPerUnitMinor, platformFeePct) => {
          const m = margin({
            retail: { minor: retailMinor, currency },
            rates: { ...DEFAULT_RATES, KWD: 23.5 },
            unitCostMinor,
            shippingPerUnitMinor,
            platformFeePct,
          });
          expect(m).not.toBeNull();
          if (!m) return;
          for (const v of [m.retailCnyMinor, m.costPerUnitMinor, m.feeMinor, m.profitPerUnitMinor])
            expect(Number.isSafeInteger(v)).toBe(true);
          expect(m.profitPerUnitMinor).toBe(
            m.retailCnyMinor - unitCostMinor - m.feeMinor - shippingPerUnitMinor,
          );
          expect(m.costPerUnitMinor).toBe(unitCostMinor + shippingPerUnitMinor);
          expect(Math.abs(m.feeMinor - (m.retailCnyMinor * platformFeePct) / 100)).toBeLessThanOrEqual(
            0.5 + 1e-9,
          );
          expect(m.feeMinor).toBeLessThanOrEqual(m.retailCnyMinor);
        },
      ),
      { numRuns: 500 },
    );
  });
});
