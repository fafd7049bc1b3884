import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterByHash,
  clusterParsed,
  isFactorySupplier,
  offerKey,
  parseHashes,
  probableSource,
  type SourceCandidate,
} from '../../../core/match/cluster';
import { hamming } from '../../../core/match/dhash';
import { DEFAULT_RATES } from '../../../core/match/margin';
import type { SupplierFacts } from '../../../core/sources/types';
import { hex64 } from '../../support/arbitraries';
import { offer, supplier } from '../../support/builders';

/** Flip `bits` distinct bits of a hash (positions from a seed). */
function flip(h: string, positions: number[]): string {
  let v = BigInt(`0x${h}`);
  for (const p of positions) v ^= 1n << BigInt(p);
  return v.toString(16).padStart(16, '0');
}

describe('clusterByHash', () => {
  it('groups hashes within the distance, keeps input order, leaves others alone', () => {
    const a = '0123456789abcdef';
    const b = flip(a, [0, 9, 20]); // 3 bits from a
    const c = 'fedcba9876543210';
    const d = flip(c, [63, 40, 33, 1, 2, 3, 4, 5]); // 8 bits from c
    const e = flip(c, [63, 40, 33, 1, 2, 3, 4, 5, 6]); // 9 bits from c
    const items = [
      { key: 'a', hash: a },
      { key: 'c', hash: c },
      { key: 'b', hash: b },
      { key: 'd', hash: d },
      { key: 'x', hash: null },
      { key: 'e', hash: e },
    ];
    expect(clusterByHash(items).map((g) => g.map((x) => x.key))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
      ['x'],
    ]);
    // e joins through d (1 bit from it): single link.
    expect(hamming(d, e)).toBe(1);
    expect(clusterByHash(items, 2).map((g) => g.map((x) => x.key))).toEqual([
      ['a'],
      ['c'],
      ['b'],
      ['d', 'e'],
      ['x'],
    ]);
  });

  it('treats malformed hashes as missing (alone), never throws', () => {
    const items = [
      { key: 'a', hash: 'zzzz' },
      { key: 'b', hash: '0000000000000000' },
      { key: 'c', hash: undefined },
      { key: 'd', hash: '0000000000000000' },
    ];
    expect(clusterByHash(items).map((g) => g.map((x) => x.key))).toEqual([['a'], ['b', 'd'], ['c']]);
    expect(clusterByHash([])).toEqual([]);
  });

  it('property: a partition whose groups are exactly the connected components of "distance ≤ d"', () => {
    fc.assert(
      fc.property(
        fc.array(hex64, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(5), fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 12 })), {
          maxLength: 25,
        }),
        fc.integer({ min: 0, max: 12 }),
        (bases, variants, d) => {
          const hashes = [
            ...bases,
            ...variants.map(([i, bits]) => flip(bases[i % bases.length] as string, bits)),
          ];
          const items = hashes.map((hash, i) => ({ key: String(i), hash }));
          const groups = clusterByHash(items, d);
          // Partition.
          const seen = groups.flat().map((x) => Number(x.key));
          expect([...seen].sort((x, y) => x - y)).toEqual(hashes.map((_, i) => i));
          // Reference: BFS over the distance graph.
          const comp = new Array<number>(hashes.length).fill(-1);
          let c = 0;
          for (let s = 0; s < hashes.length; s++) {
            if (comp[s] !== -1) continue;
            const q = [s];
            comp[s] = c;
            while (q.length) {
              const u = q.pop() as number;
              for (let v = 0; v < hashes.length; v++)
                if (comp[v] === -1 && hamming(hashes[u] as string, hashes[v] as string) <= d) {
                  comp[v] = c;
                  q.push(v);
                }
            }
            c++;
          }
          expect(groups).toHaveLength(c);
          for (const g of groups) {
            const ids = g.map((x) => Number(x.key));
            expect(new Set(ids.map((i) => comp[i])).size).toBe(1);
            expect(ids).toEqual([...ids].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('clusters 1,000 items (a correctness check at that size; timing is in the bench)', () => {
    const base = Array.from(
      { length: 40 },
      (_, i) => (BigInt(i + 1) * 0x9e3779b97f4a7c15n) & ((1n << 64n) - 1n),
    );
    const hashes = Array.from({ length: 1000 }, (_, i) => {
      const b = (base[i % 40] as bigint).toString(16).padStart(16, '0');
      return flip(b, [i % 64, (i * 7) % 64]);
    });
    const groups = clusterParsed(parseHashes(hashes), 8);
    expect(groups.length).toBeLessThanOrEqual(40);
    expect(groups.flat()).toHaveLength(1000);
  });
});

/** A candidate that knows only its id (every optional fact null), with `over` and supplier facts `sup` on top. */
function cand(
  id: string,
  over: Partial<SourceCandidate> = {},
  sup: Partial<SupplierFacts> = {},
): SourceCandidate {
  return offer({ offerId: id, ...over, supplier: over.supplier ?? sup });
}

describe('probableSource', () => {
  it('recognises factory flags and badges', () => {
    expect(isFactorySupplier(supplier({ isFactory: true }))).toBe(true);
    expect(isFactorySupplier(supplier({ badges: ['超级工厂'] }))).toBe(true);
    expect(isFactorySupplier(supplier({ badges: ['深度验厂'] }))).toBe(true);
    expect(isFactorySupplier(supplier({ badges: ['Verified Manufacturer'] }))).toBe(true);
    expect(isFactorySupplier(supplier({ badges: ['实力商家'] }))).toBe(false);
    expect(isFactorySupplier(supplier({ isFactory: false }))).toBe(false);
  });

  it('names the factory with the most years, lowest price and most sales, with reasons', () => {
    const offers = [
      cand('r1', { priceTiers: [{ minQty: 2, priceMinor: 1500 }], sales: 300 }, { years: 2 }),
      cand(
        'f1',
        {
          priceTiers: [
            { minQty: 100, priceMinor: 800 },
            { minQty: 3, priceMinor: 990 },
          ],
          sales: 1200,
        },
        { years: 8, isFactory: true },
      ),
      cand(
        'r2',
        { priceTiers: [{ minQty: 1, priceMinor: 1290 }], sales: 50 },
        { years: 5, badges: ['实力商家'] },
      ),
    ];
    const s = probableSource(offers);
    expect(s?.key).toBe('1688:f1');
    expect(s?.index).toBe(1);
    expect(s?.reasons).toEqual(['factory', '8 yrs', 'lowest price', 'most sold']);
  });

  it('compares first-tier prices, not the cheapest bulk tier', () => {
    const offers = [
      cand('bulk', {
        priceTiers: [
          { minQty: 1, priceMinor: 1000 },
          { minQty: 1000, priceMinor: 500 },
        ],
      }),
      cand('flat', { priceTiers: [{ minQty: 1, priceMinor: 900 }] }),
    ];
    expect(probableSource(offers)?.key).toBe('1688:flat');
  });

  it('compares prices across currencies only through the rates', () => {
    const offers = [
      cand('usd', { currency: 'USD', priceMinMinor: 100 }), // $1 ≈ ¥7.10
      cand('cny', { currency: 'CNY', priceMinMinor: 650 }),
    ];
    expect(probableSource(offers, DEFAULT_RATES)?.key).toBe('1688:cny');
    // Without rates the USD offer can't compete on price: the CNY one is the only priced offer, no reason.
    expect(probableSource(offers)?.reasons).toEqual([]);
  });

  it('breaks ties deterministically: lower price, more years, more sales, then input order', () => {
    expect(probableSource([cand('a'), cand('b')])?.key).toBe('1688:a');
    expect(probableSource([cand('a', { sales: 1 }), cand('b', { sales: 1 })])?.key).toBe('1688:a');
    // Equal points (factory 3 vs 2 × lowest-price + years 5 × 0.2 = 3): the lower price wins the tie.
    const tie = [
      cand('fac', { priceMinMinor: 1000 }, { isFactory: true }),
      cand('cheap', { priceMinMinor: 900 }, { years: 5 }),
    ];
    expect(probableSource(tie)?.key).toBe('1688:cheap');
    expect(probableSource([])).toBeNull();
  });

  it('property: the answer does not depend on the order of the offers when evidence differs', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (prices, factory) => {
          const offers = prices.map((p, i) =>
            cand(`o${i}`, { priceMinMinor: p, sales: p * 3 }, { isFactory: factory[i] ?? null, years: i }),
          );
          const a = probableSource(offers)?.key;
          const b = probableSource([...offers].reverse())?.key;
          expect(a).toBe(b);
          expect(offerKey(offers[0] as SourceCandidate)).toBe('1688:o0');
        },
      ),
    );
  });
});
