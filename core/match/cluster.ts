/**
 * Same-photo clusters among the offers of one search, and which seller of a cluster is most likely the
 * original source (the others re-using its photo).
 */

import type { WholesaleOffer } from '../sources/types';
import { isDhash } from './dhash';
import { convertMinor, type ExchangeRates } from './margin';

export interface HashedItem {
  key: string;
  /** dHash (16 hex); null or malformed → the item stays alone. */
  hash: string | null | undefined;
}

/** Hashes parsed to two 32-bit halves; `valid[i]` is 0 for a missing or malformed hash. */
export interface ParsedHashes {
  /** High 32 bits (as signed int32, so engines keep them as small integers). */
  hi: Int32Array;
  lo: Int32Array;
  valid: Uint8Array;
}

/** Parse a list of hashes once (for repeated clustering or scoring). */
export function parseHashes(hashes: readonly (string | null | undefined)[]): ParsedHashes {
  const n = hashes.length;
  const hi = new Int32Array(n);
  const lo = new Int32Array(n);
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashes[i];
    if (isDhash(h)) {
      hi[i] = Number.parseInt(h.slice(0, 8), 16);
      lo[i] = Number.parseInt(h.slice(8), 16);
      valid[i] = 1;
    }
  }
  return { hi, lo, valid };
}

/**
 * Bits set in a 32-bit integer. A local copy of dhash's `popcount32`: a call across modules is not inlined
 * under some loaders (tsx/CommonJS interop turns it into a property read), which made the pair loop 8×
 * slower in Node.
 */
function pop32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Single-link groups of indices: i and j share a group when a chain of hashes each at most `maxDistance`
 * bits from the next joins them. Every index is in exactly one group (missing hashes alone); members in
 * ascending order, groups ordered by their first member. O(n²) pair tests on integers (1,000 items ≈ 500,000
 * XOR + popcount), union-find with path halving.
 */
export function clusterParsed(p: ParsedHashes, maxDistance = 8): number[][] {
  const n = p.valid.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) {
      const g = parent[parent[r] as number] as number;
      parent[r] = g;
      r = g;
    }
    return r;
  };
  const { hi, lo, valid } = p;
  for (let i = 0; i < n; i++) {
    if (!valid[i]) continue;
    const hi0 = hi[i] as number;
    const lo0 = lo[i] as number;
    for (let j = i + 1; j < n; j++) {
      if (!valid[j]) continue;
      const dh = pop32(hi0 ^ (hi[j] as number));
      if (dh > maxDistance) continue;
      if (dh + pop32(lo0 ^ (lo[j] as number)) > maxDistance) continue;
      const a = find(i);
      const b = find(j);
      // Union towards the smaller index so a group's root is its first member.
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  const byRoot = new Map<number, number[]>();
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = byRoot.get(r);
    if (!g) {
      g = [];
      byRoot.set(r, g);
      groups.push(g);
    }
    g.push(i);
  }
  return groups;
}

/**
 * Same-photo groups of items (single link within `maxDistance` bits, default 8). Every item is in exactly one
 * group; items without a valid hash are alone. Groups and their members keep input order.
 */
export function clusterByHash<T extends HashedItem>(items: readonly T[], maxDistance = 8): T[][] {
  const groups = clusterParsed(parseHashes(items.map((x) => x.hash)), maxDistance);
  return groups.map((g) => g.map((i) => items[i] as T));
}

/** Badges that say the seller makes the goods (1688: 超级工厂, 深度验厂, 源头工厂, 生产厂家; Alibaba: manufacturer). */
const FACTORY_BADGE = /工厂|厂家|验厂|源头|制造|factory|manufactur/i;

export function isFactorySupplier(s: WholesaleOffer['supplier']): boolean {
  return s.isFactory === true || s.badges.some((b) => FACTORY_BADGE.test(b));
}

export type SourceCandidate = Pick<
  WholesaleOffer,
  'source' | 'offerId' | 'priceTiers' | 'priceMinMinor' | 'currency' | 'sales' | 'supplier'
>;

export interface ProbableSource {
  /** Index into the offers given. */
  index: number;
  /** `${source}:${offerId}` of that offer. */
  key: string;
  /** Short evidence, strongest first: "factory", "8 yrs", "lowest price", "most sold". */
  reasons: string[];
  /** Evidence points (see `probableSource`). */
  points: number;
}

/** Stable key of an offer: provider and its id. */
export function offerKey(o: Pick<WholesaleOffer, 'source' | 'offerId'>): string {
  return `${o.source}:${o.offerId}`;
}

/** Price of the smallest tier (the first price a buyer sees), or the lowest listed price. */
function firstTierPrice(o: SourceCandidate): number | null {
  let best: { minQty: number; priceMinor: number } | null = null;
  for (const t of o.priceTiers) if (!best || t.minQty < best.minQty) best = t;
  return best ? best.priceMinor : o.priceMinMinor;
}

/** Evidence points (guesses, no labelled data): factory 3, years ≤ 2 (0.2 a year, up to 10), lowest price 2, most sold 1. */
const POINTS = { factory: 3, perYear: 0.2, maxYears: 10, lowestPrice: 2, mostSold: 1 } as const;

/**
 * The offer of a same-photo cluster most likely to be the original seller: factory evidence (flag or badge),
 * years on the platform, the lowest first-tier price (compared in CNY; offers in a currency without a rate
 * don't compete on price), the most sales. Ties: lower first-tier price, more years, more sales, earlier in
 * the list. Null for an empty list. `rates` defaults to "CNY only" (other currencies are not compared).
 */
export function probableSource(
  offers: readonly SourceCandidate[],
  rates: ExchangeRates = { date: '' },
): ProbableSource | null {
  if (offers.length === 0) return null;
  const price = offers.map((o) => {
    const p = firstTierPrice(o);
    return p === null ? null : convertMinor(p, o.currency, 'CNY', rates);
  });
  let minPrice = Number.POSITIVE_INFINITY;
  let maxSales = 0;
  let maxYears = 0;
  let priced = 0;
  for (let i = 0; i < offers.length; i++) {
    const p = price[i];
    if (p != null) priced++;
    if (p != null && p < minPrice) minPrice = p;
    const o = offers[i] as SourceCandidate;
    if (o.sales !== null && o.sales > maxSales) maxSales = o.sales;
    if (o.supplier.years !== null && o.supplier.years > maxYears) maxYears = o.supplier.years;
  }
  const n = offers.length;
  const scored = offers.map((o, index) => {
    const reasons: string[] = [];
    let points = 0;
    if (isFactorySupplier(o.supplier)) {
      points += POINTS.factory;
      reasons.push('factory');
    }
    const years = o.supplier.years;
    if (years !== null && years > 0) {
      points += POINTS.perYear * Math.min(years, POINTS.maxYears);
      if (years === maxYears) reasons.push(`${years} yrs`);
    }
    const p = price[index];
    // "Lowest" only means something against another priced offer.
    if (p != null && p === minPrice && priced > 1) {
      points += POINTS.lowestPrice;
      reasons.push('lowest price');
    }
    if (o.sales !== null && o.sales > 0 && o.sales === maxSales && n > 1) {
      points += POINTS.mostSold;
      reasons.push('most sold');
    }
    return {
      index,
      points: Math.round(points * 1000) / 1000, // no float noise in ties
      reasons,
      price: p ?? Number.POSITIVE_INFINITY,
      years: years ?? -1,
      sales: o.sales ?? -1,
    };
  });
  scored.sort(
    (a, b) =>
      b.points - a.points || a.price - b.price || b.years - a.years || b.sales - a.sales || a.index - b.index,
  );
  const best = scored[0] as (typeof scored)[number];
  return {
    index: best.index,
    key: offerKey(offers[best.index] as SourceCandidate),
    reasons: best.reasons,
    points: best.points,
  };
}
