/** Assembling a normalised WholesaleOffer from the pieces a parser found. */
import { plainText } from '../../text/plain-text';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import { uniq } from '../util';
import { detailUrl } from './urls';

export const SOURCE_ID = '1688';

export function emptySupplier(): SupplierFacts {
  return {
    name: null,
    loginId: null,
    memberId: null,
    province: null,
    city: null,
    // 1688 is a domestic market but its answers do not state a country; not inferred.
    country: null,
    years: null,
    isFactory: null,
    badges: [],
    repurchaseRate: null,
    returnBuyerRate: null,
    shopUrl: null,
  };
}

/** Tiers sorted by minQty, one per minQty (the first seen wins), only positive quantities and sane prices. */
export function normaliseTiers(tiers: PriceTier[]): PriceTier[] {
  const seen = new Set<number>();
  const out: PriceTier[] = [];
  for (const t of [...tiers].sort((a, b) => a.minQty - b.minQty)) {
    if (!Number.isSafeInteger(t.minQty) || t.minQty < 1) continue;
    if (!Number.isSafeInteger(t.priceMinor) || t.priceMinor < 0) continue;
    if (seen.has(t.minQty)) continue;
    seen.add(t.minQty);
    out.push({ minQty: t.minQty, priceMinor: t.priceMinor });
  }
  return out;
}

export interface OfferParts {
  offerId: string;
  title: unknown;
  images: (string | null)[];
  tiers: PriceTier[];
  /** Other prices seen (a single price, range ends, SKU prices) that bound min/max. */
  extraPrices: (number | null)[];
  moq: number | null;
  unit: string | null;
  dropship: boolean | null;
  sales: number | null;
  isAd: boolean;
  shippingPromise: string | null;
  supplier: SupplierFacts;
}

export function buildOffer(parts: OfferParts): WholesaleOffer | null {
  const url = detailUrl(parts.offerId);
  if (!url) return null;
  const tiers = normaliseTiers(parts.tiers);
  const prices = [
    ...tiers.map((t) => t.priceMinor),
    ...parts.extraPrices.filter((p): p is number => p !== null && Number.isSafeInteger(p) && p >= 0),
  ];
  const moq = parts.moq !== null && parts.moq >= 1 ? parts.moq : (tiers[0]?.minQty ?? null);
  const unit = parts.unit ? plainText(parts.unit, 8) || null : null;
  const supplier = parts.supplier;
  return {
    source: SOURCE_ID,
    offerId: parts.offerId,
    title: plainText(parts.title, 300),
    url,
    images: uniq(parts.images.filter((u): u is string => typeof u === 'string')).slice(0, 20),
    currency: 'CNY',
    priceTiers: tiers,
    priceMinMinor: prices.length ? Math.min(...prices) : null,
    priceMaxMinor: prices.length ? Math.max(...prices) : null,
    moq,
    unit,
    dropship: parts.dropship,
    sales: parts.sales,
    isAd: parts.isAd,
    shippingPromise: parts.shippingPromise ? plainText(parts.shippingPromise, 40) || null : null,
    supplier: {
      ...supplier,
      name: supplier.name ? plainText(supplier.name, 120) || null : null,
      badges: uniq(supplier.badges.map((b) => plainText(b, 20)).filter(Boolean)),
    },
  };
}
