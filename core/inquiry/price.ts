/**
 * The numbers a message or a summary quotes: the buyer's quantity, the unit price at that quantity (the tier it
 * falls in, by core/match/margin.ts — the same price the panel's margin uses), the minimum order, and the unit,
 * each written for the message's language with Intl.
 *
 * API:
 *   buyerQuantity(value)                    a usable quantity: a whole number 1..MAX_QUANTITY (1 for junk)
 *   unitPriceAt(offer, quantity)            { money, tierMinQty, belowMoq, estimated } | null (no usable price)
 *   minimumOrder(offer)                     the smallest order the offer takes, or null
 *   formatCount(n, locale)                  "1,000"
 *   unitWord(unit, language)                the offer's unit in that language ("件"; "pcs", "sets"…)
 *   localeOf(language)                      'zh-CN' | 'en-US': how a message in that language writes numbers
 */
import { effectiveMoq, offerTiers, tierPriceAt } from '../match/margin';
import type { Money } from '../money';
import type { WholesaleOffer } from '../sources/types';
import { plainText } from '../text/plain-text';

export type InquiryLanguage = 'zh' | 'en';

/** What the price and the minimum order are read from. */
export type PricedOffer = Pick<WholesaleOffer, 'currency' | 'priceTiers' | 'priceMinMinor' | 'moq' | 'unit'>;

/** The largest quantity a message quotes: beyond it a number is a slip, not an order. */
export const MAX_QUANTITY = 10_000_000;

/** A whole number of units 1..MAX_QUANTITY from what the settings or the person gave; 1 for anything unusable. */
export function buyerQuantity(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) return 1;
  return Math.min(Math.floor(value), MAX_QUANTITY);
}

export interface UnitPrice {
  money: Money;
  /** The smallest quantity of the tier used. */
  tierMinQty: number;
  /** The quantity is below the offer's minimum order: the price is the first tier's, not one the buyer gets. */
  belowMoq: boolean;
  /** The offer gave no tiers: the price is its lowest listed one. */
  estimated: boolean;
}

/** A currency a person can be quoted in: an ISO code that is not XXX (the code for "the page did not say"). */
function quotable(currency: string): boolean {
  return /^[A-Z]{3}$/.test(currency) && currency !== 'XXX';
}

/**
 * The unit price at `quantity` (see margin.ts `tierPriceAt`), or null when the offer has no price, no known
 * currency, or a price that is not a whole non-negative count of minor units.
 */
export function unitPriceAt(offer: PricedOffer, quantity: number): UnitPrice | null {
  if (!quotable(offer.currency)) return null;
  const tiers = offerTiers(offer);
  if (!tiers) return null;
  const q = buyerQuantity(quantity);
  const at = tierPriceAt(tiers.tiers, q);
  if (!at || !Number.isSafeInteger(at.priceMinor) || at.priceMinor < 0) return null;
  const moq = minimumOrder(offer);
  return {
    money: { minor: at.priceMinor, currency: offer.currency },
    tierMinQty: at.minQty,
    belowMoq: at.belowMoq || (moq !== null && q < moq),
    estimated: tiers.estimated,
  };
}

/** The smallest order the offer takes (its MOQ or smallest tier, whichever is larger), or null when unknown. */
export function minimumOrder(offer: Pick<WholesaleOffer, 'priceTiers' | 'moq'>): number | null {
  const moq = effectiveMoq(offer);
  return moq !== null && Number.isSafeInteger(moq) && moq >= 1 ? moq : null;
}

export function localeOf(language: InquiryLanguage): string {
  return language === 'zh' ? 'zh-CN' : 'en-US';
}

/** A whole count as the locale writes it ("1,000"); the plain digits when the locale is unknown. */
export function formatCount(n: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  } catch {
    return String(Math.round(n));
  }
}

/** Chinese counting units and the English word a buyer would use for them. */
const UNIT_EN: Readonly<Record<string, string>> = {
  件: 'pcs',
  个: 'pcs',
  只: 'pcs',
  支: 'pcs',
  条: 'pcs',
  把: 'pcs',
  张: 'pcs',
  块: 'pcs',
  台: 'units',
  套: 'sets',
  双: 'pairs',
  对: 'pairs',
  箱: 'cartons',
  包: 'packs',
  盒: 'boxes',
  袋: 'bags',
  瓶: 'bottles',
  卷: 'rolls',
  米: 'm',
  千克: 'kg',
  公斤: 'kg',
  斤: 'jin',
  吨: 't',
};

const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The offer's unit for a message in `language`: as the source writes it when it is in that language (1688 "件",
 * Alibaba.com "pieces"), the usual English word for a Chinese unit, else "件" / "pcs".
 */
export function unitWord(unit: string | null, language: InquiryLanguage): string {
  const u = plainText(unit, 10).replace(/[{}<>]/g, '');
  if (language === 'zh') return u && HAS_CJK.test(u) ? u : '件';
  if (u && !HAS_CJK.test(u) && /^[A-Za-z][A-Za-z .-]*$/.test(u)) return u;
  return UNIT_EN[u] ?? 'pcs';
}
