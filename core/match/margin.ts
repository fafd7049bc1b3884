/**
 * Landed cost and margin of reselling a wholesale offer, in integer minor units of CNY (fen).
 *
 * Rounding: every step that can produce a fraction (a currency conversion, a percentage fee) rounds half
 * away from zero to a whole minor unit at the end of that step, and later steps work on the rounded value;
 * sums and differences are exact integers. A currency missing from the rates table gives `null`, never a
 * guessed rate.
 */
import { currencyExponent, type Money } from '../money';
import type { PriceTier, WholesaleOffer } from '../sources/types';

/**
 * Exchange rates: CNY per one major unit of each currency (USD 7.1 means US$1 = ¥7.10), with the date they
 * are valid for. CNY is always 1, whatever the table says.
 */
export interface ExchangeRates {
  /** ISO date (YYYY-MM-DD) of the rates, shown to the user next to converted prices. */
  readonly date: string;
  readonly [iso: string]: number | string;
}

/**
 * Defaults shipped with the extension: plausible round values, NOT live market rates. The user edits them in
 * the settings (and should, before trusting a margin in anything but CNY).
 */
export const DEFAULT_RATES: ExchangeRates = Object.freeze({
  date: '2026-11-01',
  CNY: 1,
  USD: 7.1,
  EUR: 8.2,
  GBP: 9.4,
  JPY: 0.047,
  KRW: 0.0051,
  HKD: 0.91,
  TWD: 0.22,
  SGD: 5.45,
  MYR: 1.65,
  THB: 0.21,
  VND: 0.00028,
  IDR: 0.00044,
  PHP: 0.122,
  INR: 0.083,
  AUD: 4.65,
  NZD: 4.2,
  CAD: 5.1,
  MXN: 0.38,
  BRL: 1.3,
  CHF: 8.85,
  SEK: 0.67,
  NOK: 0.65,
  DKK: 1.1,
  PLN: 1.92,
  CZK: 0.32,
  HUF: 0.02,
  RUB: 0.088,
  TRY: 0.17,
  AED: 1.93,
  SAR: 1.89,
  ILS: 1.95,
  ZAR: 0.39,
});

/**
 * Round half away from zero to an integer. Binary floating point turns decimal halves such as 1.005 × 100
 * into 100.49999999999999, so values within 16 units in the last place of a half count as the half.
 */
export function roundHalfAwayFromZero(x: number): number {
  if (!Number.isFinite(x)) return x;
  const a = Math.abs(x);
  const r = Math.floor(a + 0.5 + a * 2 ** -49);
  return x < 0 ? -r : r;
}

/** CNY per major unit of `currency`, or null when the table has no usable rate. CNY is always 1. */
export function rateOf(rates: ExchangeRates, currency: string): number | null {
  const code = currency.toUpperCase();
  if (code === 'CNY') return 1;
  const r = rates[code];
  return typeof r === 'number' && Number.isFinite(r) && r > 0 ? r : null;
}

function checkMinor(x: number, what: string): void {
  if (!Number.isSafeInteger(x))
    throw new RangeError(`${what} must be an integer count of minor units, got ${x}`);
}

/**
 * Convert an amount in minor units between currencies through the CNY rates (one rounding, half away from
 * zero). Null when either currency has no rate. Same currency: returned unchanged.
 */
export function convertMinor(minor: number, from: string, to: string, rates: ExchangeRates): number | null {
  checkMinor(minor, 'amount');
  if (from.toUpperCase() === to.toUpperCase()) return minor;
  const rf = rateOf(rates, from);
  const rt = rateOf(rates, to);
  if (rf === null || rt === null) return null;
  const scale = 10 ** (currencyExponent(to) - currencyExponent(from));
  return roundHalfAwayFromZero(((minor * rf) / rt) * scale);
}

/** A money amount in fen (CNY minor units), or null when its currency has no rate. */
export function toCnyMinor(money: Money, rates: ExchangeRates): number | null {
  return convertMinor(money.minor, money.currency, 'CNY', rates);
}

export interface TierPrice {
  /** Unit price in minor units of the offer's currency. */
  priceMinor: number;
  /** The minQty of the tier used. */
  minQty: number;
  /** The quantity is below the smallest tier's minQty (the offer's MOQ): the first tier's price is given. */
  belowMoq: boolean;
}

/**
 * The unit price that applies to `quantity`: the tier with the largest minQty ≤ quantity (tiers may come in
 * any order; of tiers with equal minQty the first listed wins). Below the smallest minQty the smallest tier's
 * price is returned with `belowMoq: true`. Null for no tiers. Throws RangeError for a quantity that is not a
 * positive integer.
 */
export function tierPriceAt(tiers: readonly PriceTier[], quantity: number): TierPrice | null {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  }
  let best: PriceTier | null = null;
  let first: PriceTier | null = null;
  for (const t of tiers) {
    if (!first || t.minQty < first.minQty) first = t;
    if (t.minQty <= quantity && (!best || t.minQty > best.minQty)) best = t;
  }
  if (!first) return null;
  if (best) return { priceMinor: best.priceMinor, minQty: best.minQty, belowMoq: false };
  return { priceMinor: first.priceMinor, minQty: first.minQty, belowMoq: true };
}

/**
 * The tiers of an offer, or — when the source gave none but a lowest price — one tier at that price from
 * the MOQ (or 1). Null when the offer has no price at all.
 */
export function offerTiers(offer: Pick<WholesaleOffer, 'priceTiers' | 'priceMinMinor' | 'moq'>): {
  tiers: readonly PriceTier[];
  estimated: boolean;
} | null {
  if (offer.priceTiers.length > 0) return { tiers: offer.priceTiers, estimated: false };
  if (offer.priceMinMinor === null) return null;
  return {
    tiers: [{ minQty: Math.max(1, offer.moq ?? 1), priceMinor: offer.priceMinMinor }],
    estimated: true,
  };
}

/** The smallest order the offer accepts: the larger of its MOQ and its smallest tier's minQty; null if unknown. */
export function effectiveMoq(offer: Pick<WholesaleOffer, 'priceTiers' | 'moq'>): number | null {
  let tierMin: number | null = null;
  for (const t of offer.priceTiers) if (tierMin === null || t.minQty < tierMin) tierMin = t.minQty;
  if (offer.moq === null) return tierMin;
  return tierMin === null ? offer.moq : Math.max(offer.moq, tierMin);
}

export interface LandedCostInput {
  offer: Pick<WholesaleOffer, 'priceTiers' | 'priceMinMinor' | 'moq' | 'currency'>;
  /** Units bought. */
  quantity: number;
  /** Shipping (and other per-unit costs) to the buyer, minor units of `currency`. */
  shippingPerUnitMinor: number;
  /** Currency of the result (ISO 4217); the offer must be priced in it. */
  currency: string;
}

export interface LandedCost {
  currency: string;
  quantity: number;
  /** Unit price at this quantity (see `tierPriceAt`). */
  unitPriceMinor: number;
  /** minQty of the tier used. */
  tierMinQty: number;
  /** quantity < the offer's MOQ (or smallest tier): the supplier may refuse the order at this price. */
  belowMoq: boolean;
  /** No tiers were given: the unit price is the offer's lowest listed price. */
  estimated: boolean;
  /** unitPriceMinor + shippingPerUnitMinor. */
  perUnitMinor: number;
  /** unitPriceMinor × quantity. */
  goodsMinor: number;
  /** shippingPerUnitMinor × quantity. */
  shippingMinor: number;
  /** goodsMinor + shippingMinor. */
  totalMinor: number;
}

/**
 * Cost of `quantity` units delivered: tier price × quantity plus shipping. Null when the offer has no price
 * or is priced in another currency than `currency` (no silent conversion). Integers throughout.
 */
export function landedCost(input: LandedCostInput): LandedCost | null {
  const { offer, quantity, shippingPerUnitMinor, currency } = input;
  checkMinor(shippingPerUnitMinor, 'shippingPerUnitMinor');
  if (offer.currency.toUpperCase() !== currency.toUpperCase()) return null;
  const t = offerTiers(offer);
  if (!t) return null;
  const p = tierPriceAt(t.tiers, quantity);
  if (!p) return null;
  const moq = effectiveMoq(offer);
  const goodsMinor = p.priceMinor * quantity;
  const shippingMinor = shippingPerUnitMinor * quantity;
  return {
    currency,
    quantity,
    unitPriceMinor: p.priceMinor,
    tierMinQty: p.minQty,
    belowMoq: p.belowMoq || (moq !== null && quantity < moq),
    estimated: t.estimated,
    perUnitMinor: p.priceMinor + shippingPerUnitMinor,
    goodsMinor,
    shippingMinor,
    totalMinor: goodsMinor + shippingMinor,
  };
}

export interface MarginInput {
  /** Retail price of one unit, any currency in `rates`. */
  retail: Money;
  rates: ExchangeRates;
  /** Wholesale unit price, fen. */
  unitCostMinor: number;
  /** Shipping per unit, fen. */
  shippingPerUnitMinor: number;
  /** Marketplace fee as a percentage of the retail price (15 means 15 %), 0..100. */
  platformFeePct: number;
}

export interface Margin {
  /** Retail price in fen (step 1: converted, rounded). */
  retailCnyMinor: number;
  /** Landed cost per unit: unitCostMinor + shippingPerUnitMinor (exact). */
  costPerUnitMinor: number;
  /** Platform fee on the retail price in fen (step 2: retailCnyMinor × pct / 100, rounded). */
  feeMinor: number;
  /** retailCnyMinor − costPerUnitMinor − feeMinor (exact; negative means a loss). */
  profitPerUnitMinor: number;
  /** profit / retail × 100, rounded half away from zero to 2 decimals; null when the retail price is 0. */
  marginPct: number | null;
  /** Date of the rates used. */
  rateDate: string;
}

/**
 * Profit per unit of reselling at `retail`. Null when the retail currency has no rate. Throws RangeError for
 * non-integer or negative minor amounts and a fee outside 0..100 %.
 */
export function margin(input: MarginInput): Margin | null {
  const { retail, rates, unitCostMinor, shippingPerUnitMinor, platformFeePct } = input;
  checkMinor(retail.minor, 'retail.minor');
  checkMinor(unitCostMinor, 'unitCostMinor');
  checkMinor(shippingPerUnitMinor, 'shippingPerUnitMinor');
  if (retail.minor < 0 || unitCostMinor < 0 || shippingPerUnitMinor < 0) {
    throw new RangeError('amounts must not be negative');
  }
  if (!Number.isFinite(platformFeePct) || platformFeePct < 0 || platformFeePct > 100) {
    throw new RangeError(`platformFeePct must be within 0..100, got ${platformFeePct}`);
  }
  const retailCnyMinor = toCnyMinor(retail, rates);
  if (retailCnyMinor === null) return null;
  const costPerUnitMinor = unitCostMinor + shippingPerUnitMinor;
  const feeMinor = roundHalfAwayFromZero((retailCnyMinor * platformFeePct) / 100);
  const profitPerUnitMinor = retailCnyMinor - costPerUnitMinor - feeMinor;
  const marginPct =
    retailCnyMinor === 0 ? null : roundHalfAwayFromZero((profitPerUnitMinor * 10000) / retailCnyMinor) / 100;
  return { retailCnyMinor, costPerUnitMinor, feeMinor, profitPerUnitMinor, marginPct, rateDate: rates.date };
}
