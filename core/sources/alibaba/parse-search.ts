/**
 * Alibaba.com offers → WholesaleOffer[]. The same offer objects come in the keyword page's `_offer_list`
 * (`offerResultData.offers[]`) and in the image search answer (`model.offers[]`; older or alternate shapes
 * `model.offerResultData.offers`, `data.offers`). Every field may be absent; nothing here throws.
 */
import { plainText } from '../../text/plain-text';
import { httpsUrl } from '../../url';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import { asArray, bool, firstStr, get, int, isRecord, str, uniq } from '../util';
import { countryCode, DEFAULT_CURRENCY, parseMoq, parseOfferPrice, parseSold, parseYears } from './fields';
import { ALIBABA_HOST_RE, productIdFromUrl, productUrl } from './urls';

export const SOURCE_ID = 'alibaba';

export interface ParsedAlibabaSearch {
  offers: WholesaleOffer[];
  /** Entries in the answer's list before any was dropped: what paging and block detection count. */
  rawCount: number;
  total: number | null;
  /** Which list was read; 'none' when the answer holds no offer list at all. */
  shape: 'model.offers' | 'model.offerResultData' | 'data.offers' | 'offerResultData' | 'offers' | 'none';
  /** The answer's own `success` flag, when it has one. */
  success: boolean | null;
  /** The answer's error message (`msgInfo`, `message`…), when it has one. */
  message: string | null;
}

function productIdOf(d: Record<string, unknown>): string | null {
  const id = firstStr(d.id, d.productId);
  if (id && /^\d{5,20}$/.test(id)) return id;
  return productIdFromUrl(d.productUrl);
}

/** Image URLs from an array or a comma-separated string; protocol-relative and http upgraded, others dropped. */
function imagesOf(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v];
    for (const p of parts) {
      const u = httpsUrl(isRecord(p) ? (p.url ?? p.imageUrl) : p);
      if (u) out.push(u);
    }
  }
  return uniq(out).slice(0, 20);
}

/** A supplier page on an alibaba.com host, without its tracking query. */
function shopUrlOf(...values: unknown[]): string | null {
  for (const v of values) {
    const u = httpsUrl(v);
    if (!u) continue;
    const parsed = new URL(u);
    if (ALIBABA_HOST_RE.test(parsed.hostname))
      return `https://${parsed.hostname.toLowerCase()}${parsed.pathname}`;
  }
  return null;
}

const isTrue = (v: unknown) => bool(v) === true;

function supplierOf(d: Record<string, unknown>): SupplierFacts {
  const years = parseYears(d.goldSupplierYears);
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
    shopUrl: shopUrlOf(d.supplierHref, d.supplierHomeHref),
  };
}

/** One offer object → a WholesaleOffer, or null without a usable product id. */
export function parseAlibabaOffer(item: unknown): WholesaleOffer | null {
  if (!isRecord(item)) return null;
  const offerId = productIdOf(item);
  if (!offerId) return null;
  const url = productUrl(item.productUrl, offerId);
  if (!url) return null;
  // `price` first: it is what the listing states; a promotion price is used only when no price is given.
  const price = parseOfferPrice(item.price) ?? parseOfferPrice(item.promotionPrice);
  const moq = parseMoq(item.moq) ?? parseMoq(item.moqV2);
  const tiers: PriceTier[] = price && moq ? [{ minQty: moq.moq, priceMinor: price.minMinor }] : [];
  return {
    source: SOURCE_ID,
    offerId,
    title: plainText(item.title, 300),
    url,
    images: imagesOf(item.multiImage, item.mainImage, item.imageUrl),
    currency: price?.currency ?? DEFAULT_CURRENCY,
    priceTiers: tiers,
    priceMinMinor: price?.minMinor ?? null,
    priceMaxMinor: price?.maxMinor ?? null,
    moq: moq?.moq ?? null,
    unit: moq?.unit ?? null,
    dropship: null,
    sales: parseSold(item.soldOrder),
    isAd: isTrue(item.isP4p) || isTrue(item.isShowAd) || isTrue(item.isNewAd),
    shippingPromise: null,
    supplier: supplierOf(item),
  };
}

/** A list of offer objects → offers, each product once, unusable entries skipped. */
export function parseAlibabaOffers(list: unknown): WholesaleOffer[] {
  const seen = new Set<string>();
  const out: WholesaleOffer[] = [];
  for (const entry of asArray(list)) {
    let o: WholesaleOffer | null = null;
    try {
      o = parseAlibabaOffer(entry);
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

type Shape = ParsedAlibabaSearch['shape'];

/** The offer list and the object that may carry its total, in the order public clients look for them. */
function locate(value: unknown): { shape: Shape; list: unknown[]; holders: unknown[] } | null {
  const candidates: [Shape, unknown, unknown[]][] = [
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

function totalOf(holders: unknown[]): number | null {
  for (const h of holders) {
    if (!isRecord(h)) continue;
    const t = int(h.totalCount) ?? int(get(h, 'paginationData', 'totalCount')) ?? int(h.total);
    if (t !== null) return t;
  }
  return null;
}

/** Parse a search answer (image search JSON, or the page's `_offer_list` object). Never throws. */
export function parseSearchAnswer(value: unknown): ParsedAlibabaSearch {
  try {
    const success = isRecord(value) && 'success' in value ? bool(value.success) : null;
    const message = isRecord(value)
      ? firstStr(value.msgInfo, value.message, value.errorMsg, value.msgCode, value.errorCode)
      : null;
    const found = locate(value);
    if (!found) return { offers: [], rawCount: 0, total: null, shape: 'none', success, message };
    return {
      offers: parseAlibabaOffers(found.list),
      rawCount: found.list.length,
      total: totalOf(found.holders),
      shape: found.shape,
      success,
      message: message ? plainText(message, 200) || null : null,
    };
  } catch {
    return { offers: [], rawCount: 0, total: null, shape: 'none', success: null, message: null };
  }
}
