/**
 * The normalised wholesale offer every source provider produces, declared once: the background checks offers
 * a page reports against this schema, and `WholesaleOffer` (types.ts) is inferred from it. Absent facts are
 * null, never invented. Prices are integer minor units of `currency` (fen for CNY).
 */
import * as v from 'valibot';
import { count, currencyCode, httpUrl, minorUnits, text } from '../wire';

export const PriceTierSchema = v.object({
  /** Smallest quantity this unit price applies from (起批量). */
  minQty: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Unit price in minor units. */
  priceMinor: minorUnits,
});

const shortText = (max: number) => v.nullable(text(max));

export const SupplierFactsSchema = v.object({
  name: shortText(100),
  loginId: shortText(100),
  memberId: shortText(100),
  /** Province and city as the platform writes them (1688: "浙江", "义乌"); never a country. */
  province: shortText(20),
  city: shortText(20),
  /**
   * ISO 3166-1 alpha-2 country code ("CN") when the platform states it (Alibaba.com `countryCode`); null when it
   * does not. Optional because offers stored before this field existed lack it.
   */
  country: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code')))),
  /** Years on the platform (TrustPass years for 1688). */
  years: count,
  /** True when the platform says manufacturer / factory-inspected / super factory; null when unknown. */
  isFactory: v.nullable(v.boolean()),
  /** Short labels as the platform shows them ("实力商家", "超级工厂", "深度验厂"). */
  badges: v.pipe(v.array(text(30)), v.maxLength(20)),
  /** Repurchase rate as a fraction 0..1, when given. */
  repurchaseRate: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  /**
   * The shop's return-buyer rate (回头率, 1688 `turnHead.percent`) as a fraction 0..1: the share of the shop's
   * buyers who ordered again — a shop-level figure, not this offer's repurchase rate. Null when unknown; optional
   * because offers stored before this field existed lack it.
   */
  returnBuyerRate: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)))),
  shopUrl: v.nullable(httpUrl),
});

export const WholesaleOfferSchema = v.object({
  /** Source id ("1688", "alibaba"): the registry's (core/sources/index.ts). */
  source: v.pipe(text(20), v.minLength(1)),
  offerId: v.pipe(v.string(), v.regex(/^[\w-]{1,40}$/, 'an offer id')),
  title: v.pipe(text(300), v.minLength(1)),
  /** Canonical, short offer URL (never a tracking redirect). */
  url: httpUrl,
  images: v.pipe(v.array(httpUrl), v.maxLength(20)),
  currency: currencyCode,
  priceTiers: v.pipe(v.array(PriceTierSchema), v.maxLength(20)),
  priceMinMinor: v.nullable(minorUnits),
  priceMaxMinor: v.nullable(minorUnits),
  moq: count,
  unit: shortText(20),
  /** Dropshipping (一件代发) offered; null when unknown. */
  dropship: v.nullable(v.boolean()),
  /** Orders or pieces sold as the source reports it (≈30 days on 1688 search), null when unknown. */
  sales: count,
  /** Paid placement (P4P / ad). */
  isAd: v.boolean(),
  /** Shipping promise ("48小时发货"), when given. */
  shippingPromise: shortText(60),
  supplier: SupplierFactsSchema,
});

/** One variant (SKU) as an offer page lists it, bounded; `OfferSku` (provider.ts) is inferred from it. */
export const OfferSkuSchema = v.object({
  /** Spec path as the page shows it ("颜色>尺码" joined with ">"). */
  spec: text(200),
  skuId: shortText(100),
  specId: shortText(100),
  priceMinor: v.nullable(minorUnits),
  discountPriceMinor: v.nullable(minorUnits),
  stock: count,
});

/**
 * Variants kept with an offer at most: a page can list thousands of colour × size pairs, and the shortlist reads
 * every kept offer's row, so it keeps the first ones and how many there were.
 */
export const MAX_STORED_SKUS = 60;

/**
 * An offer's variants as its page last showed them (read on request or by the scheduled refresh), kept with the
 * offer so the shortlist shows them without reading the page again. `skusKnown` false: the page carried no
 * variant map ("variants not loaded", never "no variants").
 */
export const StoredVariantsSchema = v.object({
  skus: v.pipe(v.array(OfferSkuSchema), v.maxLength(MAX_STORED_SKUS)),
  /** How many variants the page listed (more than `skus` holds when it listed over `MAX_STORED_SKUS`). */
  total: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
  skusKnown: v.boolean(),
  /** Epoch milliseconds of the read. */
  readAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)),
});

/** The filters a search can ask for (what each source does with them: its definition's `supports.filters`). */
export const SearchFiltersSchema = v.object({
  /** Province in Chinese as the site writes it ("浙江"). */
  province: v.optional(text(20)),
  city: v.optional(text(20)),
  /** Only offers whose minimum order is at most this (1688 `quantityBegin`). */
  maxMinOrder: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
  /** Only offers with dropshipping (一件代发). */
  dropship: v.optional(v.boolean()),
});

/** The orders a search can be sorted by (what each source supports: its definition's `supports.sorts`). */
export const SORT_ORDERS = ['relevance', 'price-asc', 'price-desc', 'sales'] as const;
