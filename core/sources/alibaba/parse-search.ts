/**
 * Alibaba.com offers → WholesaleOffer[]. The same offer objects come in the keyword page's blocks
 * (`_offer_list.offerResultData.offers[]`, `_wending.*Model.productList[]`) and in the image search answer
 * (`model.offers[]`; older or alternate shapes `model.offerResultData.offers`, `data.offers`). Two generations of
 * field names are read: the current ones (`productUrl`, `price`/`priceV2`, `moq`/`moqV2`, `goldSupplierYears`)
 * and the older ones public clients still read (`detailUrl`, `minOrderQuality` + `minOrderUnit`, `minOrderDesc`,
 * `goldYears`, `originalMinPrice`). Every field may be absent; nothing here throws.
 */
import { plainText } from '../../text/plain-text';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import { asArray, bool, firstStr, fraction, get, int, isRecord, str } from '../util';
import {
  countryCode,
  type Moq,
  parseMoq,
  parseOfferPrice,
  parseSold,
  parseYears,
  UNKNOWN_CURRENCY,
} from './fields';
import { imagesOf, shopUrlOf } from './links';
import { productIdFromUrl, productUrl } from './urls';

export const SOURCE_ID = 'alibaba';

export type AnswerShape =
  | 'model.offers'
  | 'model.offerResultData'
  | 'data.offers'
  | 'offerResultData'
  | 'offers'
  | 'none';

export interface ParsedAlibabaSearch {
  offers: WholesaleOffer[];
  /** Entries in the answer's list before any was dropped: what paging and block detection count. */
  rawCount: number;
  total: number | null;
  /** Pages in all, when the answer states it. */
  pageCount: number | null;
  /** Entries a full page holds, when the answer states it. */
  pageSize: number | null;
  /** Which list was read; 'none' when the answer holds no offer list at all. */
  shape: AnswerShape;
  /** The answer's own `success` flag, when it has one. */
  success: boolean | null;
  /** The answer's error message (`msgInfo`, `message`…), when it has one. */
  message: string | null;
  /** A required field missing on most entries (the list looks right but its items were renamed), or null. */
  drift: string | null;
}

/** How the offers of one answer are read. */
export interface OfferContext {
  /** The currency of prices that name none: what the request asked for, else unknown. */
  currency?: string;
  /** Entries of a paid block (every one an ad, whatever its own flags say). */
  paid?: boolean;
}

const isTrue = (v: unknown) => bool(v) === true;

function productIdOf(d: Record<string, unknown>): string | null {
  const id = firstStr(d.id, d.productId);
  if (id && /^\d{5,20}$/.test(id)) return id;
  return productIdFromUrl(d.productUrl) ?? productIdFromUrl(d.detailUrl);
}

function titleOf(d: Record<string, unknown>): string {
  return plainText(d.title, 300) || plainText(d.enPureTitle, 300) || plainText(d.subject, 300);
}

/** The listing's price first; a promotion price only when it states none; the older minimum last. */
function priceOf(d: Record<string, unknown>, currency: string) {
  for (const v of [d.price, d.priceV2, d.promotionPrice, d.promotionPriceV2, d.originalMinPrice]) {
    const p = parseOfferPrice(v, currency);
    if (p) return p;
  }
  return null;
}

function moqOf(d: Record<string, unknown>): Moq | null {
  const older = int(d.minOrderQuality);
  const unit = plainText(d.minOrderUnit, 30);
  return (
    parseMoq(d.moq) ??
    parseMoq(d.moqV2) ??
    parseMoq(d.minOrderDesc) ??
    (older !== null && older >= 1 ? (parseMoq(`${older} ${unit}`) ?? { moq: older, unit: null }) : null)
  );
}

function soldOf(d: Record<string, unknown>): number | null {
  const sold = parseSold(d.soldOrder);
  if (sold !== null) return sold;
  // The newer card generation states sales in a marketing block.
  const mpc = d.marketingPowerCommon;
  return isRecord(mpc) && mpc.type === 'soldQuantity' ? parseSold(mpc.count ?? mpc.text) : null;
}

function supplierOf(d: Record<string, unknown>): SupplierFacts {
  const years = parseYears(d.goldSupplierYears) ?? parseYears(d.goldYears);
  const manufacturer = isTrue(d.isVerifiedManufacturer) || isTrue(d.verifiedManufacturer);
  const verified = manufacturer || isTrue(d.verifiedSupplier) || isTrue(d.isVerifiedSupplier);
  const badges: string[] = [];
  if (isTrue(d.tradeProduct) || isTrue(d.tradeAssurance)) badges.push('Trade Assurance');
  if (verified) badges.push('Verified');
  // Gold Supplier years are `years`, shown as such: not repeated as a badge.
  const name = plainText(d.companyName, 120);
  const companyId = str(d.companyId);
  return {
    name: name || null,
    loginId: null,
    // The company id is the supplier's stable id on the platform: what memberId holds for 1688.
    memberId: companyId && /^[\w-]{1,40}$/.test(companyId) ? companyId : null,
    province: null,
    city: null,
    country: countryCode(d.countryCode),
    years,
    // A verified-manufacturer flag says factory; its absence says nothing (traders and unverified factories alike).
    isFactory: manufacturer ? true : null,
    badges,
    repurchaseRate: null,
    // The supplier's reorder rate ("25%"): buyers who ordered again, a shop-level figure (one public client).
    returnBuyerRate: fraction(d.reorderRate),
    shopUrl: shopUrlOf(d.supplierHref, d.supplierHomeHref),
  };
}

/** One offer object → a WholesaleOffer, or null without a usable product id. */
export function parseAlibabaOffer(item: unknown, ctx: OfferContext = {}): WholesaleOffer | null {
  if (!isRecord(item)) return null;
  const offerId = productIdOf(item);
  if (!offerId) return null;
  const url = productUrl(item.productUrl ?? item.detailUrl, offerId);
  if (!url) return null;
  const price = priceOf(item, ctx.currency ?? UNKNOWN_CURRENCY);
  const moq = moqOf(item);
  const tiers: PriceTier[] = price && moq ? [{ minQty: moq.moq, priceMinor: price.minMinor }] : [];
  return {
    source: SOURCE_ID,
    offerId,
    title: titleOf(item),
    url,
    images: imagesOf(item.multiImage, item.mainImage, item.imageUrl),
    currency: price?.currency ?? ctx.currency ?? UNKNOWN_CURRENCY,
    priceTiers: tiers,
    priceMinMinor: price?.minMinor ?? null,
    priceMaxMinor: price?.maxMinor ?? null,
    moq: moq?.moq ?? null,
    unit: moq?.unit ?? null,
    dropship: null,
    sales: soldOf(item),
    isAd:
      ctx.paid === true ||
      isTrue(item.isP4p) ||
      isTrue(item.isP4P) ||
      isTrue(item.isShowAd) ||
      isTrue(item.isNewAd),
    shippingPromise: null,
    supplier: supplierOf(item),
  };
}

/** A list of offer objects → offers, each product once, unusable entries skipped. */
export function parseAlibabaOffers(list: unknown, ctx: OfferContext = {}): WholesaleOffer[] {
  const seen = new Set<string>();
  const out: WholesaleOffer[] = [];
  for (const entry of asArray(list)) {
    let o: WholesaleOffer | null = null;
    try {
      o = parseAlibabaOffer(entry, ctx);
    } catch {
      o = null;
    }
    if (o && !seen.has(o.offerId)) {
      seen.add(o.offerId);
      out.push(o);
    }
  }
  return out;
}

/**
 * Whether most entries of a list lack a field every offer has (id, title, price): the list is there but its
 * items were renamed. The reason, or null. An empty list is not drift.
 */
export function missingOnMost(list: readonly unknown[]): string | null {
  if (list.length === 0) return null;
  const checks: [string, (d: Record<string, unknown>) => boolean][] = [
    ['an offer id', (d) => productIdOf(d) !== null],
    ['a title', (d) => titleOf(d) !== ''],
    ['a price', (d) => priceOf(d, UNKNOWN_CURRENCY) !== null],
  ];
  for (const [what, has] of checks) {
    let missing = 0;
    for (const entry of list) if (!isRecord(entry) || !has(entry)) missing++;
    if (missing * 2 > list.length) return `most items lack ${what}`;
  }
  return null;
}

/** The offer list and the objects that may carry its paging facts, in the order public clients look for them. */
function locate(value: unknown): { shape: AnswerShape; list: unknown[]; holders: unknown[] } | null {
  const candidates: [AnswerShape, unknown, unknown[]][] = [
    [
      'model.offers',
      get(value, 'model', 'offers'),
      [get(value, 'model'), get(value, 'model', 'paginationData')],
    ],
    [
      'model.offerResultData',
      get(value, 'model', 'offerResultData', 'offers'),
      [get(value, 'model', 'offerResultData'), get(value, 'model')],
    ],
    ['data.offers', get(value, 'data', 'offers'), [get(value, 'data')]],
    ['offerResultData', get(value, 'offerResultData', 'offers'), [get(value, 'offerResultData')]],
    ['offers', get(value, 'offers'), [value]],
  ];
  for (const [shape, list, holders] of candidates) {
    if (Array.isArray(list)) return { shape, list, holders };
  }
  return null;
}

/** The first of `key` in the holders or their `paginationData`. */
function pagingNumber(holders: unknown[], ...keys: string[]): number | null {
  for (const h of holders) {
    if (!isRecord(h)) continue;
    for (const key of keys) {
      const n = int(h[key]) ?? int(get(h, 'paginationData', key));
      if (n !== null) return n;
    }
  }
  return null;
}

const NONE = (success: boolean | null, message: string | null): ParsedAlibabaSearch => ({
  offers: [],
  rawCount: 0,
  total: null,
  pageCount: null,
  pageSize: null,
  shape: 'none',
  success,
  message,
  drift: null,
});

/** Parse a search answer (image search JSON, or the page's `_offer_list` object). Never throws. */
export function parseSearchAnswer(value: unknown, ctx: OfferContext = {}): ParsedAlibabaSearch {
  try {
    const success = isRecord(value) && 'success' in value ? bool(value.success) : null;
    const raw = isRecord(value)
      ? firstStr(value.msgInfo, value.message, value.errorMsg, value.msgCode, value.errorCode)
      : null;
    const message = raw ? plainText(raw, 200) || null : null;
    const found = locate(value);
    if (!found) return NONE(success, message);
    const pageCount = pagingNumber(found.holders, 'pageCount');
    const pageSize = pagingNumber(found.holders, 'pageSize');
    return {
      offers: parseAlibabaOffers(found.list, ctx),
      rawCount: found.list.length,
      total: pagingNumber(found.holders, 'totalCount', 'total'),
      pageCount: pageCount !== null && pageCount >= 1 ? pageCount : null,
      pageSize: pageSize !== null && pageSize >= 1 ? pageSize : null,
      shape: found.shape,
      success,
      message,
      drift: missingOnMost(found.list),
    };
  } catch {
    return NONE(null, null);
  }
}
