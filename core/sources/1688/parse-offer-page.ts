/**
 * Offer detail pages (`https://detail.1688.com/offer/<id>.html`) in both generations:
 * - current: `window.context=(function(b,d){…})(window.contextPath,{…})` — the data object is the second argument
 *   of an inline call and is a JS literal (bare numeric keys), read here without evaluating anything;
 * - older: `window.__INIT_DATA={data, globalData}`.
 * The same readers accept the object itself (read in the page's MAIN world).
 */

import { decodeEntities } from '../../text/entities';
import { parseLooseLiteral } from '../../text/loose-json';
import { plainText } from '../../text/plain-text';
import { httpsUrl } from '../../url';
import type { OfferDetail, OfferSku, SourceError } from '../provider';
import { sourceError } from '../provider';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import {
  asArray,
  bool,
  firstStr,
  fraction,
  get,
  int,
  isRecord,
  offerIdOf,
  priceMinor,
  priceRange,
} from '../util';
import { buildOffer, emptySupplier } from './offer';
import { imageList, parseQuantity } from './parse-search';
import { offerIdFromUrl } from './urls';
import { isDelistedPage } from './walls';

export type PageData =
  | { kind: 'context'; data: Record<string, unknown> }
  | { kind: 'init-data'; data: Record<string, unknown> };

export type OfferPageResult =
  | ({ state: 'ok' } & OfferDetail)
  | { state: 'delisted'; offerId: string | null }
  | SourceError;

function literalAfter(html: string, from: number): Record<string, unknown> | null {
  const brace = html.indexOf('{', from);
  if (brace < 0 || brace - from > 200) return null;
  const parsed = parseLooseLiteral(html, brace);
  return parsed && isRecord(parsed.value) ? parsed.value : null;
}

/** Find and read the page's data object in its HTML; null when neither generation is there. */
export function extractPageData(html: string): PageData | null {
  if (typeof html !== 'string' || !html) return null;
  // Current pages: the object is the argument after `window.contextPath,`.
  const ctxAt = html.search(/window\.context\s*=/);
  if (ctxAt >= 0) {
    const call = /\(\s*window\.contextPath\s*,\s*/g;
    call.lastIndex = ctxAt;
    const m = call.exec(html);
    if (m && m.index - ctxAt < 20000) {
      const obj = literalAfter(html, m.index + m[0].length);
      if (obj) return { kind: 'context', data: obj };
    }
    const direct = /window\.context\s*=\s*(?=\{)/g;
    direct.lastIndex = ctxAt;
    const d = direct.exec(html);
    if (d) {
      const obj = literalAfter(html, d.index + d[0].length);
      if (obj) return { kind: 'context', data: obj };
    }
  }
  const init = /window\.__INIT_DATA\s*=\s*/g.exec(html);
  if (init) {
    const obj = literalAfter(html, init.index + init[0].length);
    if (obj) return { kind: 'init-data', data: obj };
  }
  return null;
}

/** Which generation a data object (as read in the page) is. */
export function detectGeneration(data: unknown): PageData | null {
  if (!isRecord(data)) return null;
  if (
    isRecord(data.result) &&
    (isRecord(get(data, 'result', 'data')) || isRecord(get(data, 'result', 'global')))
  ) {
    return { kind: 'context', data };
  }
  if (isRecord(data.globalData)) return { kind: 'init-data', data };
  // `context.result` itself, or `result.data` (the component map).
  if (isRecord(data.data) && isRecord(data.global)) return { kind: 'context', data: { result: data } };
  if (isRecord(data.Root) || isRecord(get(data, 'mainPrice', 'fields')))
    return { kind: 'context', data: { result: { data } } };
  return null;
}

/** Depth-first search for the first value under `key`, skipping the viewer's own account data. */
function findKey(root: unknown, key: string, maxDepth = 8): unknown {
  const stack: { v: unknown; d: number }[] = [{ v: root, d: 0 }];
  let visited = 0;
  while (stack.length) {
    const { v, d } = stack.pop() as { v: unknown; d: number };
    if (++visited > 50_000) return undefined;
    if (Array.isArray(v)) {
      if (d < maxDepth) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], d: d + 1 });
      continue;
    }
    if (!isRecord(v)) continue;
    if (key in v && v[key] !== undefined && v[key] !== null) return v[key];
    if (d >= maxDepth) continue;
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i] as [string, unknown];
      if (/^buyer/i.test(k)) continue;
      if (typeof child === 'object' && child !== null) stack.push({ v: child, d: d + 1 });
    }
  }
  return undefined;
}

/** `[{beginAmount, price}]` → tiers. */
function tiersFromBeginAmounts(list: unknown): PriceTier[] {
  const tiers: PriceTier[] = [];
  for (const e of asArray(list)) {
    if (!isRecord(e)) continue;
    const q = int(e.beginAmount) ?? parseQuantity(e.beginAmount ?? e.quantity)?.minQty ?? null;
    const p = priceMinor(e.price ?? e.value);
    if (q !== null && q >= 1 && p !== null) tiers.push({ minQty: q, priceMinor: p });
  }
  return tiers;
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;

function skusFrom(map: unknown): OfferSku[] {
  if (!isRecord(map)) return [];
  const out: OfferSku[] = [];
  for (const [rawKey, v] of Object.entries(map).slice(0, 1000)) {
    if (!isRecord(v)) continue;
    // "颜色&gt;尺码": each part made plain text on its own, so the ">" between them survives (plainText drops
    // angle brackets).
    const path = decodeEntities(rawKey.replace(TAG, ''))
      .replace(/&gt;/g, '>')
      .replace(TAG, '')
      .split('>')
      .map((part) => plainText(part, 60))
      .filter(Boolean)
      .join('>');
    const spec = Array.from(path).slice(0, 120).join('') || plainText(v.specAttrs, 120);
    out.push({
      spec,
      skuId: firstStr(v.skuId),
      specId: firstStr(v.specId),
      priceMinor: priceMinor(v.price),
      discountPriceMinor: priceMinor(v.discountPrice),
      stock: int(v.canBookCount),
    });
  }
  return out;
}

function consignDropship(model: unknown): boolean | null {
  if (!isRecord(model)) return null;
  const a = bool(model.consignOffer);
  const b = bool(model.hasConsignPrice);
  if (a === true || b === true) return true;
  if (a === false || b === false) return false;
  return null;
}

interface Pieces {
  offerId: string | null;
  title: unknown;
  images: string[];
  tiers: PriceTier[];
  rangeText: unknown[];
  skus: OfferSku[];
  moq: number | null;
  unit: string | null;
  dropship: boolean | null;
  sales: number | null;
  supplier: SupplierFacts;
}

function finish(p: Pieces, generation: 'context' | 'init-data', fallbackId: string | null): OfferPageResult {
  const offerId = p.offerId ?? fallbackId;
  if (!offerId) return sourceError('answer', 'no offer id in page data');
  const extra: (number | null)[] = [];
  for (const r of p.rangeText) {
    const range = priceRange(r);
    if (range) extra.push(...range);
  }
  for (const s of p.skus) extra.push(s.discountPriceMinor ?? s.priceMinor);
  const offer: WholesaleOffer | null = buildOffer({
    offerId,
    title: p.title ?? '',
    images: p.images,
    tiers: p.tiers,
    extraPrices: extra,
    moq: p.moq,
    unit: p.unit,
    dropship: p.dropship,
    sales: p.sales,
    isAd: false,
    shippingPromise: null,
    supplier: p.supplier,
  });
  if (!offer) return sourceError('answer', 'offer id not usable');
  if (!offer.title && offer.priceMinMinor === null && offer.images.length === 0) {
    return sourceError('answer', 'page data has no offer facts');
  }
  return { state: 'ok', offer, skus: p.skus, generation };
}

function yearsOf(value: unknown): number | null {
  const n = int(value);
  if (n !== null) return n;
  const m = typeof value === 'string' ? /(\d{1,2})\s*年/.exec(value) : null;
  return m ? Number(m[1]) : null;
}

function supplierFrom(seller: unknown, ...names: unknown[]): SupplierFacts {
  const s = emptySupplier();
  s.name = firstStr(get(seller, 'companyName'), ...names);
  s.loginId = firstStr(get(seller, 'loginId'), get(seller, 'sellerLoginId'));
  s.memberId = firstStr(get(seller, 'memberId'), get(seller, 'sellerMemberId'), get(seller, 'userId'));
  s.years = yearsOf(get(seller, 'tpYear') ?? get(seller, 'tpYears') ?? get(seller, 'tpServiceYear'));
  s.province = firstStr(get(seller, 'province'));
  s.city = firstStr(get(seller, 'city'));
  s.shopUrl = httpsUrl(get(seller, 'winportUrl') ?? get(seller, 'winPortUrl') ?? get(seller, 'shopUrl'));
  s.repurchaseRate = fraction(get(seller, 'repurchaseRate'));
  const factory = bool(get(seller, 'isFactory') ?? get(seller, 'superFactory'));
  const bizType = plainText(get(seller, 'bizType') ?? get(seller, 'bizTypeName'), 20);
  if (factory === true || /生产加工/.test(bizType)) s.isFactory = true;
  else if (/经销批发/.test(bizType)) s.isFactory = false;
  if (bool(get(seller, 'superFactory')) === true) s.badges.push('超级工厂');
  if (bool(get(seller, 'factoryInspection')) === true) s.badges.push('深度验厂');
  return s;
}

function readContext(root: Record<string, unknown>, fallbackId: string | null): OfferPageResult {
  const result = isRecord(root.result) ? root.result : root;
  const comps = isRecord(result.data) ? result.data : {};
  const model = get(result, 'global', 'globalData', 'model');
  const dataJson = get(comps, 'Root', 'fields', 'dataJson');
  const temp = get(dataJson, 'tempModel') ?? get(model, 'tempModel');
  const orderParam =
    get(dataJson, 'orderParamModel', 'orderParam') ?? get(model, 'orderParamModel', 'orderParam');
  const skuModel = get(dataJson, 'skuModel') ?? get(model, 'skuModel');
  const priceModel = get(comps, 'mainPrice', 'fields', 'priceModel') ?? findKey(comps, 'priceModel');
  const tradeModel = get(model, 'tradeModel');
  const seller = get(model, 'sellerModel') ?? get(dataJson, 'sellerModel');
  const titleFields = get(comps, 'productTitle', 'fields');

  let tiers = tiersFromBeginAmounts(get(priceModel, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(orderParam, 'skuParam', 'skuRangePrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(tradeModel, 'offerPriceModel', 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(comps, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(comps, 'skuRangePrices'));

  const gallery = get(comps, 'gallery', 'fields');
  const images = imageList(get(gallery, 'offerImgList'), get(gallery, 'mainImage'));
  if (!images.length) images.push(...imageList(findKey(comps, 'offerImgList')));

  const skus = skusFrom(get(skuModel, 'skuInfoMap') ?? findKey(comps, 'skuInfoMap'));
  const consign =
    get(model, 'consignModel') ?? get(dataJson, 'consignModel') ?? findKey(result, 'consignModel');

  return finish(
    {
      offerId:
        offerIdOf(get(temp, 'offerId')) ??
        offerIdOf(get(gallery, 'offerId')) ??
        offerIdOf(get(model, 'offerId')),
      title: firstStr(get(titleFields, 'title'), get(temp, 'offerTitle'), get(model, 'offerTitle')),
      images,
      tiers,
      rangeText: [
        get(priceModel, 'priceDisplay'),
        get(skuModel, 'skuPriceScale'),
        get(tradeModel, 'offerPriceModel', 'priceDisplay'),
      ],
      skus,
      moq:
        int(get(orderParam, 'beginNum')) ??
        int(get(tradeModel, 'beginAmount')) ??
        int(get(temp, 'beginAmount')) ??
        int(findKey(comps, 'beginNum')),
      unit: firstStr(
        get(temp, 'offerUnit'),
        get(tradeModel, 'unit'),
        get(priceModel, 'unit'),
        get(tradeModel, 'offerUnit'),
      ),
      dropship: consignDropship(consign),
      sales: int(get(temp, 'saleCount')) ?? int(get(tradeModel, 'saleCount')),
      supplier: supplierFrom(seller, get(titleFields, 'shopInfo', 'companyName'), get(temp, 'companyName')),
    },
    'context',
    fallbackId,
  );
}

function readInitData(root: Record<string, unknown>, fallbackId: string | null): OfferPageResult {
  const g = isRecord(root.globalData) ? root.globalData : {};
  const comps = isRecord(root.data) ? root.data : {};
  const temp = get(g, 'tempModel');
  const skuModel = get(g, 'skuModel');
  const orderParam = get(g, 'orderParamModel', 'orderParam');
  let priceModel: unknown;
  for (const c of Object.values(comps)) {
    const pm = get(c, 'data', 'priceModel');
    if (isRecord(pm)) {
      priceModel = pm;
      break;
    }
  }
  priceModel ??= get(g, 'priceModel') ?? findKey(comps, 'priceModel');

  let tiers = tiersFromBeginAmounts(get(priceModel, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(orderParam, 'skuParam', 'skuRangePrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(g, 'currentPrices'));

  const images = imageList(get(g, 'images'));
  if (!images.length) images.push(...imageList(findKey(comps, 'offerImgList')));
  const seller = get(g, 'sellerModel') ?? get(g, 'companyModel');
  const supplier = supplierFrom(seller, get(temp, 'companyName'));
  supplier.loginId ??= firstStr(get(temp, 'sellerLoginId'));
  supplier.memberId ??= firstStr(get(temp, 'sellerMemberId'), get(temp, 'sellerUserId'));

  return finish(
    {
      offerId: offerIdOf(get(temp, 'offerId')),
      title: firstStr(get(temp, 'offerTitle'), get(g, 'offerTitle')),
      images,
      tiers,
      rangeText: [get(priceModel, 'priceDisplay'), get(skuModel, 'skuPriceScale')],
      skus: skusFrom(get(skuModel, 'skuInfoMap')),
      moq: int(get(orderParam, 'beginNum')) ?? int(get(temp, 'beginAmount')),
      unit: firstStr(get(temp, 'offerUnit'), get(priceModel, 'unit')),
      dropship: consignDropship(get(g, 'consignModel') ?? findKey(g, 'consignModel')),
      sales: int(get(temp, 'saleCount')),
      supplier,
    },
    'init-data',
    fallbackId,
  );
}

export interface OfferPageOptions {
  /** The page's URL after redirects (delisted redirect, offer id fallback). */
  url?: string;
  offerId?: string;
}

/** Read one offer from page data (either generation); never throws. */
export function parseOfferData(data: unknown, opts: OfferPageOptions = {}): OfferPageResult {
  try {
    const fallbackId = offerIdOf(opts.offerId) ?? (opts.url ? offerIdFromUrl(opts.url) : null);
    const page = detectGeneration(data);
    if (!page) return sourceError('answer', 'not offer page data');
    return page.kind === 'context' ? readContext(page.data, fallbackId) : readInitData(page.data, fallbackId);
  } catch (err) {
    return sourceError('answer', `unreadable page data: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Read one offer from a detail page's HTML; delisted pages give a 'delisted' result. Never throws. */
export function parseOfferPage(html: string, opts: OfferPageOptions = {}): OfferPageResult {
  try {
    const url = opts.url ?? '';
    const fallbackId = offerIdOf(opts.offerId) ?? (url ? offerIdFromUrl(url) : null);
    if (url && /page\.1688\.com\/shtml\/static\/wrongpage/i.test(url))
      return { state: 'delisted', offerId: fallbackId };
    const page = typeof html === 'string' ? extractPageData(html) : null;
    const parsed = page ? parseOfferData(page.data, { ...opts, offerId: fallbackId ?? undefined }) : null;
    if (parsed?.state === 'ok') return parsed;
    if (isDelistedPage(url, typeof html === 'string' ? html : ''))
      return { state: 'delisted', offerId: fallbackId };
    return parsed ?? sourceError('answer', 'no offer data in page');
  } catch (err) {
    return sourceError('answer', `unreadable page: ${err instanceof Error ? err.message : String(err)}`);
  }
}
