/**
 * Offer detail pages (`https://detail.1688.com/offer/<id>.html`) in both generations:
 * - current: `window.context=(function(b,d){…})(window.contextPath,{…})` — the data object is the second argument
 *   of an inline call and is a JS literal (bare numeric keys), read here without evaluating anything;
 * - older: `window.__INIT_DATA={data, globalData}`.
 * The same readers accept the object itself (read in the page's MAIN world).
 * Current pages may leave the SKU map out of `skuModel` and carry it in
 * `mainPrice.fields.finalPriceModel.tradeWithoutPromotion` (`skuMapOriginal`, `offerPriceRanges`, `offerBeginAmount`),
 * and some fields arrive as JSON text inside the object (`shopInfo`, `pieceWeightScale`). A page whose data is
 * not where these readers look — renamed, or built by a script at run time — is `unrecognised`.
 */

import { decodeEntities } from '../../text/entities';
import { parseLooseJson, parseLooseLiteral } from '../../text/loose-json';
import { plainText } from '../../text/plain-text';
import { httpsUrl } from '../../url';
import { htmlShapeOf, shapeOf, unrecognised } from '../drift';
import type { NeedsVerification, OfferDetail, OfferSku, SourceError, Unrecognised } from '../provider';
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
import { classifyBodyWithoutData, isDelistedPage } from './walls';

export type PageData =
  | { kind: 'context'; data: Record<string, unknown> }
  | { kind: 'init-data'; data: Record<string, unknown> };

export type OfferPageResult =
  | ({ state: 'ok' } & OfferDetail)
  | { state: 'delisted'; offerId: string | null }
  | NeedsVerification
  | Unrecognised
  | SourceError;

/** A field that sometimes arrives as JSON text inside the object (`shopInfo`, `pieceWeightScale`): parsed. */
export function jsonish(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  return parseLooseJson(t) ?? value;
}

/** `get` that reads JSON-text fields on the way (each step's value is passed through jsonish). */
function getj(value: unknown, ...path: string[]): unknown {
  let cur: unknown = jsonish(value);
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = jsonish(cur[key]);
  }
  return cur;
}

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

/** "颜色&gt;尺码" as plain text with the ">" between parts kept (plainText drops angle brackets). */
function specPath(raw: string): string {
  const path = decodeEntities(raw.replace(TAG, ''))
    .replace(/&gt;/g, '>')
    .replace(TAG, '')
    .split('>')
    .map((part) => plainText(part, 60))
    .filter(Boolean)
    .join('>');
  return Array.from(path).slice(0, 120).join('');
}

/** SKU names by skuId from `pieceWeightScale.pieceWeightScaleInfo` rows (`sku1`, `sku2`): a fallback for specs. */
function specsFromPieceWeights(scale: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of asArray(get(jsonish(scale), 'pieceWeightScaleInfo')).slice(0, 1000)) {
    const id = firstStr(get(row, 'skuId'));
    const spec = [get(row, 'sku1'), get(row, 'sku2'), get(row, 'sku3')]
      .map((p) => plainText(p, 60))
      .filter(Boolean)
      .join('>');
    if (id && spec) out.set(id, spec);
  }
  return out;
}

/**
 * SKUs from a map keyed by spec path (`skuInfoMap`: "颜色&gt;尺码" → {skuId, specId, price, discountPrice,
 * canBookCount}) or from a list of rows carrying their own `specAttrs` (`skuMapOriginal`, `tradeModel.skuMap`).
 */
function skusFrom(map: unknown, specsById: Map<string, string> = new Map()): OfferSku[] {
  const rows: [string, unknown][] = Array.isArray(map)
    ? map.map((row) => [
        typeof get(row, 'specAttrs') === 'string' ? (get(row, 'specAttrs') as string) : '',
        row,
      ])
    : isRecord(map)
      ? Object.entries(map)
      : [];
  const out: OfferSku[] = [];
  for (const [rawKey, v] of rows.slice(0, 1000)) {
    if (!isRecord(v)) continue;
    const skuId = firstStr(v.skuId);
    const spec =
      specPath(rawKey) ||
      (typeof v.specAttrs === 'string' ? specPath(v.specAttrs) : '') ||
      (skuId ? (specsById.get(skuId) ?? '') : '') ||
      plainText(v.skuName ?? v.specAttrs, 120);
    out.push({
      spec,
      skuId,
      specId: firstStr(v.specId),
      priceMinor: priceMinor(v.price),
      discountPriceMinor: priceMinor(v.discountPrice),
      stock: int(v.canBookCount),
    });
  }
  return out;
}

/** The first SKU map present (an empty one counts: the page said there are none), and whether there was one. */
function firstSkuMap(...candidates: unknown[]): { map: unknown; known: boolean } {
  for (const c of candidates) {
    const v = jsonish(c);
    if (isRecord(v) || Array.isArray(v)) return { map: v, known: true };
  }
  return { map: undefined, known: false };
}

/**
 * Dropshipping (一件代发): 1688's own flag `isOnePsale` in `offerSign` / `offerModelSign` (also the official API's
 * name for it), then `consignModel{consignOffer, hasConsignPrice}`. A consign model saying no while its
 * `consignSign` says the offer supports consign issuing is contradictory: unknown.
 */
function dropshipFrom(root: unknown, consign: unknown): boolean | null {
  const signs = [
    bool(get(findKey(root, 'offerSign'), 'isOnePsale')),
    bool(get(findKey(root, 'offerModelSign'), 'isOnePsale')),
  ];
  if (signs.includes(true)) return true;
  if (isRecord(consign)) {
    const a = bool(consign.consignOffer);
    const b = bool(consign.hasConsignPrice);
    if (a === true || b === true) return true;
    const supports =
      bool(get(consign, 'consignSign', 'supportConsignIssuing')) === true ||
      bool(get(consign, 'consignSign', 'signs', 'isSupportConsignIssuing')) === true;
    if ((a === false || b === false) && !supports) return false;
  }
  return signs.includes(false) ? false : null;
}

interface Pieces {
  offerId: string | null;
  title: unknown;
  images: string[];
  tiers: PriceTier[];
  rangeText: unknown[];
  skus: OfferSku[];
  skusKnown: boolean;
  moq: number | null;
  unit: string | null;
  dropship: boolean | null;
  sales: number | null;
  supplier: SupplierFacts;
}

function finish(
  p: Pieces,
  generation: 'context' | 'init-data',
  fallbackId: string | null,
  data: unknown,
): OfferPageResult {
  const offerId = p.offerId ?? fallbackId;
  if (!offerId) return unrecognised('offer-page', shapeOf(data), 'no offer id in the page data');
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
    // The data object is where it always was, but none of the fields every offer has: renamed inside.
    return unrecognised('offer-page', shapeOf(data), 'the page data has no title, price or pictures');
  }
  return { state: 'ok', offer, skus: p.skus, skusKnown: p.skusKnown, generation };
}

/** Sales as the page counts them: `saledCount` (sic, 1688's name), older pages `saleCount`. */
function salesOf(...holders: unknown[]): number | null {
  for (const h of holders) {
    const n = int(get(h, 'saledCount')) ?? int(get(h, 'saleCount'));
    if (n !== null) return n;
  }
  return null;
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
  const dataJson = getj(comps, 'Root', 'fields', 'dataJson');
  const temp = getj(dataJson, 'tempModel') ?? getj(model, 'tempModel');
  const orderParam =
    getj(dataJson, 'orderParamModel', 'orderParam') ?? getj(model, 'orderParamModel', 'orderParam');
  const skuModel = getj(dataJson, 'skuModel') ?? getj(model, 'skuModel');
  const mainPrice = getj(comps, 'mainPrice', 'fields');
  const priceModel = getj(mainPrice, 'priceModel') ?? findKey(comps, 'priceModel');
  // Current pages: SKU prices, ranges and MOQ "without promotion", where skuInfoMap may be missing.
  const trade = getj(mainPrice, 'finalPriceModel', 'tradeWithoutPromotion');
  const tradeModel = getj(model, 'tradeModel');
  const seller = getj(model, 'sellerModel') ?? getj(dataJson, 'sellerModel');
  const titleFields = getj(comps, 'productTitle', 'fields');

  let tiers = tiersFromBeginAmounts(get(priceModel, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(orderParam, 'skuParam', 'skuRangePrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(getj(trade, 'offerPriceRanges'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(tradeModel, 'offerPriceModel', 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(comps, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(comps, 'skuRangePrices'));

  const gallery = getj(comps, 'gallery', 'fields');
  const images = imageList(get(gallery, 'offerImgList'), get(gallery, 'mainImage'));
  if (!images.length) images.push(...imageList(findKey(comps, 'offerImgList')));

  const pieceWeights = getj(comps, 'productPackInfo', 'fields', 'pieceWeightScale');
  const skuMap = firstSkuMap(
    get(skuModel, 'skuInfoMap'),
    findKey(comps, 'skuInfoMap'),
    get(trade, 'skuMapOriginal'),
    get(tradeModel, 'skuMap'),
  );
  const consign =
    getj(model, 'consignModel') ?? getj(dataJson, 'consignModel') ?? findKey(result, 'consignModel');
  const offerMin = get(trade, 'offerMinPrice');
  const offerMax = get(trade, 'offerMaxPrice');

  return finish(
    {
      offerId:
        offerIdOf(get(temp, 'offerId')) ??
        offerIdOf(get(gallery, 'offerId')) ??
        offerIdOf(get(model, 'offerId')) ??
        offerIdOf(get(trade, 'offerId')),
      title: firstStr(get(titleFields, 'title'), get(temp, 'offerTitle'), get(model, 'offerTitle')),
      images,
      tiers,
      rangeText: [
        get(priceModel, 'priceDisplay'),
        get(skuModel, 'skuPriceScale'),
        get(tradeModel, 'offerPriceModel', 'priceDisplay'),
        get(tradeModel, 'priceDisplay'),
        get(trade, 'offerPriceDisplay'),
        offerMin !== undefined && offerMax !== undefined
          ? `${String(offerMin)}-${String(offerMax)}`
          : offerMin,
      ],
      skus: skusFrom(skuMap.map, specsFromPieceWeights(pieceWeights)),
      skusKnown: skuMap.known,
      moq:
        int(get(orderParam, 'beginNum')) ??
        int(get(tradeModel, 'beginAmount')) ??
        int(get(temp, 'beginAmount')) ??
        int(get(trade, 'offerBeginAmount')) ??
        int(findKey(comps, 'beginNum')),
      unit: firstStr(
        get(temp, 'offerUnit'),
        get(tradeModel, 'unit'),
        get(priceModel, 'unit'),
        get(tradeModel, 'offerUnit'),
      ),
      dropship: dropshipFrom(result, consign),
      sales: salesOf(temp, orderParam, tradeModel),
      supplier: supplierFrom(
        seller,
        get(getj(titleFields, 'shopInfo'), 'companyName'),
        get(temp, 'companyName'),
      ),
    },
    'context',
    fallbackId,
    root,
  );
}

function readInitData(root: Record<string, unknown>, fallbackId: string | null): OfferPageResult {
  const g = isRecord(root.globalData) ? root.globalData : {};
  const comps = isRecord(root.data) ? root.data : {};
  const temp = getj(g, 'tempModel');
  const skuModel = getj(g, 'skuModel');
  const orderParam = getj(g, 'orderParamModel', 'orderParam');
  let priceModel: unknown;
  for (const c of Object.values(comps)) {
    const pm = getj(c, 'data', 'priceModel');
    if (isRecord(pm)) {
      priceModel = pm;
      break;
    }
  }
  priceModel ??= getj(g, 'priceModel') ?? findKey(comps, 'priceModel');

  let tiers = tiersFromBeginAmounts(get(priceModel, 'currentPrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(get(orderParam, 'skuParam', 'skuRangePrices'));
  if (!tiers.length) tiers = tiersFromBeginAmounts(findKey(g, 'currentPrices'));

  const images = imageList(get(g, 'images'));
  if (!images.length) images.push(...imageList(findKey(comps, 'offerImgList')));
  const seller = getj(g, 'sellerModel') ?? getj(g, 'companyModel');
  const supplier = supplierFrom(seller, get(temp, 'companyName'));
  supplier.loginId ??= firstStr(get(temp, 'sellerLoginId'));
  supplier.memberId ??= firstStr(get(temp, 'sellerMemberId'), get(temp, 'sellerUserId'));
  const skuMap = firstSkuMap(get(skuModel, 'skuInfoMap'));

  return finish(
    {
      offerId: offerIdOf(get(temp, 'offerId')),
      title: firstStr(get(temp, 'offerTitle'), get(g, 'offerTitle')),
      images,
      tiers,
      rangeText: [get(priceModel, 'priceDisplay'), get(skuModel, 'skuPriceScale')],
      skus: skusFrom(skuMap.map),
      skusKnown: skuMap.known,
      moq: int(get(orderParam, 'beginNum')) ?? int(get(temp, 'beginAmount')),
      unit: firstStr(get(temp, 'offerUnit'), get(priceModel, 'unit')),
      dropship: dropshipFrom(g, getj(g, 'consignModel') ?? findKey(g, 'consignModel')),
      sales: salesOf(temp, orderParam),
      supplier,
    },
    'init-data',
    fallbackId,
    root,
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
    if (!page) {
      return unrecognised('offer-page', shapeOf(data), 'neither window.context nor __INIT_DATA data');
    }
    return page.kind === 'context' ? readContext(page.data, fallbackId) : readInitData(page.data, fallbackId);
  } catch (err) {
    return sourceError('answer', `unreadable page data: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Read one offer from a detail page's HTML; never throws. Delisted pages give 'delisted'; a page without page
 * data that carries the punish system's marks is a wall; any other page without readable data is
 * `unrecognised` — renamed data, or data a script builds at run time (a tab that runs the page can still read
 * it in the MAIN world).
 */
export function parseOfferPage(html: string, opts: OfferPageOptions = {}): OfferPageResult {
  try {
    const url = opts.url ?? '';
    const text = typeof html === 'string' ? html : '';
    const fallbackId = offerIdOf(opts.offerId) ?? (url ? offerIdFromUrl(url) : null);
    if (url && /page\.1688\.com\/shtml\/static\/wrongpage/i.test(url))
      return { state: 'delisted', offerId: fallbackId };
    const page = extractPageData(text);
    const parsed = page ? parseOfferData(page.data, { ...opts, offerId: fallbackId ?? undefined }) : null;
    if (parsed?.state === 'ok') return parsed;
    if (isDelistedPage(url, text)) return { state: 'delisted', offerId: fallbackId };
    if (parsed) return parsed;
    return (
      classifyBodyWithoutData(text) ??
      unrecognised(
        'offer-page',
        htmlShapeOf(text),
        'no readable window.context or __INIT_DATA in the page (renamed, or built by a script)',
      )
    );
  } catch (err) {
    return sourceError('answer', `unreadable page: ${err instanceof Error ? err.message : String(err)}`);
  }
}
