/**
 * Search answers → WholesaleOffer[]. Both the current gateway shape (`data.data.OFFER.items[].data`, used by
 * keyword and image search) and the older `data.data.offerList[]` shape. Every field may be absent.
 */
import { decodeEntities } from '../../text/entities';
import { plainText } from '../../text/plain-text';
import { httpsUrl } from '../../url';
import { mostlyMissing } from '../drift';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import {
  asArray,
  bool,
  countFromText,
  firstStr,
  fraction,
  get,
  int,
  isRecord,
  offerIdOf,
  priceMinor,
  priceRange,
} from '../util';
import { envelopeOf } from './gateway';
import { buildOffer, emptySupplier } from './offer';

export interface ParsedSearch {
  offers: WholesaleOffer[];
  hasMore: boolean;
  total: number | null;
  /** Which shape was read. */
  shape: 'offer-items' | 'offer-list' | 'none';
  /**
   * Set when the list is there but most of its entries lack a field every offer has (offer id, title, price):
   * a renamed field empties every item while the list still looks right. Null otherwise (an empty list too).
   */
  missing: string | null;
}

/** "≥1台", "1-9件", "10~99 个", ">=2", "2件以上" → the lower bound and the unit word. */
export function parseQuantity(text: unknown): { minQty: number; unit: string | null } | null {
  // Not plainText: that drops the ">" of ">=2".
  const s =
    typeof text === 'number'
      ? String(text)
      : typeof text === 'string'
        ? decodeEntities(text.replace(/<\/?[a-zA-Z][^<>]*>/g, ''))
            .trim()
            .slice(0, 40)
        : '';
  if (!s) return null;
  const m = /^\s*(?:[≥>]=?|大于等于)?\s*(\d[\d,]*)\s*(?:[-~～至]\s*\d[\d,]*)?\s*(.*)$/.exec(s);
  if (!m) return null;
  const minQty = int((m[1] ?? '').replace(/,/g, ''));
  if (minQty === null || minQty < 1) return null;
  const unit =
    (m[2] ?? '')
      .replace(/以上|及以上|起批|起订|起|[+＋]/g, '')
      .replace(/[\s≥>=<~\-～()（）]/g, '')
      .slice(0, 4) || null;
  return { minQty, unit: unit && /^[\p{L}]+$/u.test(unit) ? unit : null };
}

/** Tiers from `[{quantity, value|valueString|price}]`, plus the first unit word seen. */
export function parseQuantityPrices(list: unknown): { tiers: PriceTier[]; unit: string | null } {
  const tiers: PriceTier[] = [];
  let unit: string | null = null;
  for (const entry of asArray(list)) {
    if (!isRecord(entry)) continue;
    const q = parseQuantity(entry.quantity ?? entry.beginAmount ?? entry.startQuantity);
    const p = priceMinor(entry.value ?? entry.valueString ?? entry.price);
    if (!q || p === null) continue;
    tiers.push({ minQty: q.minQty, priceMinor: p });
    unit ??= q.unit;
  }
  return { tiers, unit };
}

/** Image URLs from a comma-separated list or array, protocol-relative → https, non-https dropped. */
export function imageList(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v];
    for (const p of parts) {
      const u = httpsUrl(isRecord(p) ? (p.imgUrl ?? p.url ?? p.fullPathImageURI) : p);
      if (u) out.push(u);
    }
  }
  return out;
}

/** "已售200+件" / "成交1.2万+件" → count; "全网…件" (marketplace-wide, not this offer) → null. */
export function salesFromText(text: unknown): number | null {
  const s = plainText(text, 60);
  if (!s || /全网/.test(s)) return null;
  if (!/已售|成交|销量|售出|月销|sold/i.test(s)) return null;
  return countFromText(s.replace(/^[^\d]*/, ''));
}

function textsOf(list: unknown): string[] {
  return asArray(list)
    .map((t) => (isRecord(t) ? (t.text ?? t.title ?? t.name) : t))
    .map((t) => plainText(t, 40))
    .filter(Boolean);
}

const SUPPLIER_BADGE_RE = /实力商家|超级工厂|源头工厂|深度验厂|验厂|实地验商|诚信通|工厂直供|源头厂家/;

function supplierFromItem(d: Record<string, unknown>, tagTexts: string[]): SupplierFacts {
  const s = emptySupplier();
  s.name = firstStr(
    plainText(get(d, 'shop', 'text'), 120),
    get(d, 'company', 'name'),
    d.companyName,
    d.shopName,
  );
  s.loginId = firstStr(d.loginId, d.sellerLoginId);
  s.memberId = firstStr(d.memberId, d.sellerMemberId);
  s.province = firstStr(d.province, get(d, 'company', 'province'));
  s.city = firstStr(d.city, get(d, 'company', 'city'));
  const years = get(d, 'shop', 'tpYear') ?? d.tpYear ?? get(d, 'tradeService', 'tpYear');
  s.years = int(years) ?? (typeof years === 'string' ? countFromText(years) : null);
  const bizType = plainText(d.bizType, 20);
  const superFactory = bool(d.superFactory) === true;
  const factoryInspection = bool(d.factoryInspection) === true;
  const businessInspection = bool(d.businessInspection) === true;
  if (superFactory || factoryInspection || /生产加工|生产厂家|工厂/.test(bizType)) s.isFactory = true;
  else if (/经销批发|贸易|批发/.test(bizType)) s.isFactory = false;
  if (superFactory) s.badges.push('超级工厂');
  if (factoryInspection) s.badges.push('深度验厂');
  if (businessInspection) s.badges.push('实地验商');
  if (bool(d.isTp) === true) s.badges.push('诚信通');
  for (const t of tagTexts) if (SUPPLIER_BADGE_RE.test(t)) s.badges.push(t);
  s.repurchaseRate = fraction(d.offerRepurchaseRate) ?? fraction(d.repurchaseRate);
  // 回头率: the share of the shop's buyers who came back, a shop-level figure — not this offer's repurchase rate.
  s.returnBuyerRate = fraction(get(d, 'turnHead', 'percent'));
  s.shopUrl =
    httpsUrl(d.winPortUrl) ?? httpsUrl(get(d, 'shopAddition', 'shopLinkUrl')) ?? httpsUrl(d.shopUrl);
  return s;
}

/** `afterPriceList[matKey=quantity_begin].text` ("2件起批"): the minimum order a result card shows. */
function quantityBegin(d: Record<string, unknown>): { minQty: number; unit: string | null } | null {
  for (const e of asArray(d.afterPriceList)) {
    if (isRecord(e) && e.matKey === 'quantity_begin') return parseQuantity(e.text ?? e.value);
  }
  return null;
}

/**
 * Paid placements: `isP4P` (arrives as the string "true"), `isAd`, `type: "bid"`, `block: "P4P"`, or a
 * `cellType` naming p4p (`offer_p4p_card`); on the entry or on its `data`.
 */
function isPaidPlacement(entry: unknown, d: Record<string, unknown>): boolean {
  const outer = isRecord(entry) ? entry : {};
  if (bool(d.isP4P) === true || bool(d.isAd) === true || bool(d.p4p) === true) return true;
  for (const o of [outer, d]) {
    if (typeof o.type === 'string' && o.type.toLowerCase() === 'bid') return true;
    if (typeof o.block === 'string' && o.block.toUpperCase() === 'P4P') return true;
    if (typeof o.cellType === 'string' && /(?:^|[_-])p4p(?:[_-]|$)/i.test(o.cellType)) return true;
  }
  return false;
}

/**
 * Dropshipping (一件代发) marks of a search item: 1688's own flag `isOnePsale` (also the official API's name), on
 * the item, in `offerSign` / `offerModelSign`, or as a `tagInfoList` entry; older names; or the tag text.
 */
export function dropshipMark(d: Record<string, unknown>, texts: string[]): boolean | null {
  const tagInfo = asArray(d.tagInfoList).find((t) => isRecord(t) && t.key === 'isOnePsale');
  const marks = [
    d.isOnePsale,
    get(d, 'offerSign', 'isOnePsale'),
    get(d, 'offerModelSign', 'isOnePsale'),
    isRecord(tagInfo) ? tagInfo.value : undefined,
    d.isDropShipping,
    d.dropShipping,
    d.consignOffer,
  ].map(bool);
  if (marks.includes(true)) return true;
  if (texts.some((t) => /一件代发|代发/.test(t))) return true;
  return marks.includes(false) ? false : null;
}

/** One `items[]` entry (its `data`, or the entry itself) of the current shape. */
export function parseOfferItem(item: unknown): WholesaleOffer | null {
  const d = isRecord(item) && isRecord(item.data) ? item.data : item;
  if (!isRecord(d)) return null;
  const offerId = offerIdOf(d.offerId ?? d.id ?? d.offerID);
  if (!offerId) return null;
  const qp = parseQuantityPrices(get(d, 'shopAddition', 'quantityPrices') ?? d.quantityPrices);
  const single = priceMinor(get(d, 'priceInfo', 'price')) ?? priceMinor(d.price);
  const range = priceRange(get(d, 'priceInfo', 'price')) ?? priceRange(d.priceRange);
  const tagTexts = [...textsOf(d.tags), ...textsOf(d.offerTags)];
  const middle = textsOf(d.offerMiddle);
  const promise = middle.find((t) => /发货|小时|天内|包邮|揽收/.test(t)) ?? null;
  const allTexts = [...tagTexts, ...middle];
  const booked =
    int(d.bookedCount) ?? (typeof d.bookedCount === 'string' ? countFromText(d.bookedCount) : null);
  const sales = booked ?? salesFromText(get(d, 'afterPrice', 'text')) ?? salesFromText(d.saleQuantity);
  // MOQ is not a field of search items: the card's "N件起批" first, the first quantity tier after that (buildOffer).
  const begin = quantityBegin(d);
  const moq = int(d.quantityBegin) ?? int(get(d, 'tradeQuantity', 'quantityBegin')) ?? begin?.minQty ?? null;
  const unit = qp.unit ?? begin?.unit ?? firstStr(d.unit, get(d, 'tradeQuantity', 'unit'));
  return buildOffer({
    offerId,
    title: d.title ?? d.subject ?? '',
    images: imageList(d.offerPicUrl, d.odPicUrl, d.imageUrl),
    tiers: qp.tiers.length
      ? qp.tiers
      : single !== null && moq !== null
        ? [{ minQty: moq, priceMinor: single }]
        : [],
    extraPrices: [single, ...(range ?? [])],
    moq,
    unit,
    dropship: dropshipMark(d, allTexts),
    sales,
    isAd: isPaidPlacement(item, d),
    shippingPromise: promise,
    supplier: supplierFromItem(d, allTexts),
  });
}

/** One entry of the older `offerList[]` shape. */
export function parseOfferListItem(entry: unknown): WholesaleOffer | null {
  if (!isRecord(entry)) return null;
  const offerId = offerIdOf(entry.id ?? entry.offerId);
  if (!offerId) return null;
  const offerPrice = get(entry, 'tradePrice', 'offerPrice');
  const qp = parseQuantityPrices(get(offerPrice, 'quantityPrices'));
  const single = priceMinor(get(offerPrice, 'priceInfo', 'price'));
  const range = priceRange(get(offerPrice, 'priceInfo', 'price'));
  const moq = int(get(entry, 'tradeQuantity', 'quantityBegin'));
  const s = emptySupplier();
  s.name = firstStr(get(entry, 'company', 'name'));
  s.province = firstStr(get(entry, 'company', 'province'));
  s.city = firstStr(get(entry, 'company', 'city'));
  s.loginId = firstStr(get(entry, 'company', 'loginId'));
  s.memberId = firstStr(get(entry, 'company', 'memberId'));
  s.years = int(get(entry, 'tradeService', 'tpYear')) ?? int(get(entry, 'company', 'tpYear'));
  s.repurchaseRate = fraction(get(entry, 'information', 'rePurchaseRate'));
  s.shopUrl = httpsUrl(get(entry, 'company', 'url'));
  const bizType = plainText(get(entry, 'company', 'bizType'), 20);
  if (/生产加工/.test(bizType)) s.isFactory = true;
  else if (/经销批发/.test(bizType)) s.isFactory = false;
  const booked =
    int(get(entry, 'tradeQuantity', 'saleQuantity')) ?? int(get(entry, 'tradeQuantity', 'bookedCount'));
  return buildOffer({
    offerId,
    title: get(entry, 'information', 'subject') ?? get(entry, 'information', 'simpleSubject') ?? '',
    images: imageList(get(entry, 'image', 'imgUrl'), get(entry, 'image', 'imgUrlOf290x290')),
    tiers: qp.tiers.length
      ? qp.tiers
      : single !== null && moq !== null
        ? [{ minQty: moq, priceMinor: single }]
        : [],
    extraPrices: [single, ...(range ?? [])],
    moq,
    unit: qp.unit ?? firstStr(get(entry, 'tradeQuantity', 'unit')),
    dropship: null,
    sales: booked,
    isAd:
      bool(entry.isP4P) === true ||
      bool(get(entry, 'aliTalk', 'isP4P')) === true ||
      bool(entry.isAd) === true,
    shippingPromise: null,
    supplier: s,
  });
}

/** The object holding `OFFER` or `offerList`, looking through the envelope and up to three `data` levels. */
function locate(
  value: unknown,
): { kind: 'offer-items' | 'offer-list'; holder: Record<string, unknown> } | null {
  let cur: unknown = envelopeOf(value)?.data ?? value;
  for (let depth = 0; depth < 4 && isRecord(cur); depth++) {
    if (isRecord(cur.OFFER)) return { kind: 'offer-items', holder: cur.OFFER };
    if (Array.isArray(cur.offerList)) return { kind: 'offer-list', holder: cur };
    if (
      Array.isArray(cur.items) &&
      cur.items.some((i) => isRecord(i) && isRecord(i.data) && 'offerId' in i.data)
    ) {
      return { kind: 'offer-items', holder: cur };
    }
    cur = cur.data;
  }
  return null;
}

/** Why most entries are not usable offers (see ParsedSearch.missing), or null. */
function mostlyMissingReason(parsed: (WholesaleOffer | null)[]): string | null {
  if (mostlyMissing(parsed, (o) => o !== null)) return 'most items lack an offer id';
  if (mostlyMissing(parsed, (o) => !!o?.title)) return 'most items lack a title';
  if (mostlyMissing(parsed, (o) => o?.priceMinMinor !== null && o?.priceMinMinor !== undefined))
    return 'most items lack a price';
  return null;
}

/** Parse any search answer (whole envelope, its `data`, `data.data`, or the OFFER object). Never throws. */
export function parseSearchAnswer(value: unknown): ParsedSearch {
  const none: ParsedSearch = { offers: [], hasMore: false, total: null, shape: 'none', missing: null };
  try {
    const found = locate(value);
    if (!found) return none;
    const { kind, holder } = found;
    const entries = kind === 'offer-items' ? asArray(holder.items) : asArray(holder.offerList);
    const parsed = entries.map((e) => {
      try {
        return kind === 'offer-items' ? parseOfferItem(e) : parseOfferListItem(e);
      } catch {
        return null;
      }
    });
    const seen = new Set<string>();
    const offers: WholesaleOffer[] = [];
    for (const o of parsed) {
      if (o && !seen.has(o.offerId)) {
        seen.add(o.offerId);
        offers.push(o);
      }
    }
    const total = int(holder.found) ?? int(holder.totalCount) ?? int(holder.total) ?? null;
    const hasMore = bool(holder.hasMore) ?? false;
    return { offers, hasMore, total, shape: kind, missing: mostlyMissingReason(parsed) };
  } catch {
    return none;
  }
}
