/**
 * Product pages (`https://www.alibaba.com/product-detail/<slug>_<id>.html`, any slug or none). The page is
 * server-rendered with its data in one script assignment, `window.detailData = {globalData: {product, seller,
 * trade, inventory, global, …}, nodeMap, …}`, read by every public client of these pages:
 *
 * - `product`: `productId`, `subject` (title), `moq`, `mediaItems[{type: 'image', imageUrl: {big, normal}}]`,
 *   `price{productLadderPrices[{min, max, price, dollarPrice, formatPrice}], productRangePrices{priceRangeLow,
 *   priceRangeHigh, dollarPriceRangeLow, dollarPriceRangeHigh}, unit, unitEven, currencyRule.currencyPattern}`,
 *   `sku{skuAttrs[{id, name, values[{id, name}]}], skuInfoMap{"attrId:valueId;…": {id, price, dollarPrice,
 *   promotionPrice}}}`.
 * - `seller`: `companyName`, `companyId`, `companyRegisterCountry`, `companyJoinYears`, `companyProfileUrl` /
 *   `homeUrl`, `verifiedManufactruers` (sic), `companyHasPassAssessment`, `baoAccountIsService` /
 *   `baoAccountIsDisplayAssurance` (Trade Assurance).
 * - `trade.salesVolume` ("3555 sold"), `trade.globalTradeAssuranceForBuyer`; `inventory.skuInventory`.
 *
 * Prices: `price` is in the visitor's own currency (its pattern in `currencyRule`), `dollarPrice` always in US
 * dollars; dollars are read whenever the page gives them, so offers compare across visitors.
 *
 * Removed products: the page titled "Product Not Available", which still carries a `detailData` without a product
 * id (one public client); 404/410 and the error host are judged by the provider.
 */
import { parseLooseLiteral } from '../../text/loose-json';
import { plainText } from '../../text/plain-text';
import type { OfferSku } from '../provider';
import type { PriceTier, SupplierFacts, WholesaleOffer } from '../types';
import { asArray, bool, get, int, isRecord, offerIdOf, str } from '../util';
import { pageTitle } from '../walls';
import {
  countryCode,
  currencyOfLabel,
  parseOfferPrice,
  parseSold,
  parseYears,
  UNKNOWN_CURRENCY,
} from './fields';
import { imagesOf, shopUrlOf } from './links';
import { SOURCE_ID } from './parse-search';
import { productUrl } from './urls';

const DETAIL_RE = /\bwindow\s*\.\s*detailData\s*=\s*/g;
const MAX_SKUS = 500;
const NOT_AVAILABLE_RE = /^\s*product not available\b/i;

/** What a product page holds. `shape` names the data object read (for diagnostics and the drift log). */
export type ParsedOfferPage =
  | { state: 'ok'; offer: WholesaleOffer; skus: OfferSku[]; skusKnown: boolean; shape: 'detailData' }
  | { state: 'delisted'; offerId: string | null }
  /** Well-formed but not a product page this parser knows: `data` is what was read, if anything. */
  | { state: 'unrecognised'; reason: string; data: unknown };

/** The `window.detailData` object of a page, or undefined. */
export function extractDetailData(html: string): Record<string, unknown> | undefined {
  if (typeof html !== 'string') return undefined;
  let tries = 0;
  for (const m of html.matchAll(DETAIL_RE)) {
    if (++tries > 5) break;
    const start = m.index + m[0].length;
    if (html[start] !== '{') continue;
    const r = parseLooseLiteral(html, start)?.value;
    if (isRecord(r)) return r;
  }
  return undefined;
}

/** The currency the page's prices are read in, and whether it comes from the dollar fields. */
function currencyOf(g: Record<string, unknown>, price: Record<string, unknown>, dollars: boolean): string {
  if (dollars) return 'USD';
  return (
    currencyOfLabel(get(price, 'currencyRule', 'currencyPattern')) ??
    currencyOfLabel(get(g, 'global', 'productPriceCurrencySimpleName')) ??
    parseOfferPrice(price.formatLadderPrice)?.currency ??
    UNKNOWN_CURRENCY
  );
}

const has = (v: unknown) => v !== undefined && v !== null && v !== '';

/** One amount in minor units of `currency` (a number, a decimal string, or a formatted price). */
function minorOf(value: unknown, currency: string): number | null {
  const p = parseOfferPrice(value, currency);
  return p && p.currency === currency ? p.minMinor : null;
}

/** Ladder tiers, sorted by quantity, one per quantity, sane values only. */
function tiersOf(
  ladder: Record<string, unknown>[],
  field: 'dollarPrice' | 'price',
  currency: string,
): PriceTier[] {
  const byQty = new Map<number, number>();
  for (const t of ladder) {
    const min = int(t.min ?? t.minQuantity);
    const priceMinor =
      minorOf(t[field], currency) ?? (field === 'price' ? minorOf(t.formatPrice, currency) : null);
    if (min === null || min < 1 || priceMinor === null || byQty.has(min)) continue;
    byQty.set(min, priceMinor);
  }
  return [...byQty.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([minQty, priceMinor]) => ({ minQty, priceMinor }));
}

/** Stock per SKU id: the warehouses' counts added (-1 means made to order: not a count). */
function stockBySku(inventory: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const per = get(inventory, 'skuInventory');
  if (!isRecord(per)) return out;
  for (const [skuId, entry] of Object.entries(per)) {
    let total: number | null = null;
    for (const w of asArray(get(entry, 'warehouseInventoryList'))) {
      const n = int(get(w, 'inventoryCount'));
      if (n !== null) total = (total ?? 0) + n;
    }
    if (total !== null) out.set(skuId, total);
  }
  return out;
}

function skusOf(
  product: Record<string, unknown>,
  inventory: unknown,
  currency: string,
  dollars: boolean,
): OfferSku[] {
  const names = new Map<string, string>();
  for (const attr of asArray(get(product, 'sku', 'skuAttrs'))) {
    for (const v of asArray(get(attr, 'values'))) {
      const name = plainText(get(v, 'name'), 60);
      if (name) names.set(`${str(get(attr, 'id'))}:${str(get(v, 'id'))}`, name);
    }
  }
  const map = get(product, 'sku', 'skuInfoMap');
  if (!isRecord(map)) return [];
  const stock = stockBySku(inventory);
  const out: OfferSku[] = [];
  for (const [key, info] of Object.entries(map).slice(0, MAX_SKUS)) {
    if (!isRecord(info)) continue;
    const pairs = key.split(';').filter(Boolean);
    const skuId = str(info.id ?? info.skuId);
    out.push({
      spec: pairs.map((pair) => names.get(pair) ?? pair).join('>'),
      skuId,
      specId: pairs.length ? pairs.join(';') : null,
      priceMinor: minorOf(dollars ? info.dollarPrice : info.price, currency),
      // A promotion price is given in the visitor's currency only.
      discountPriceMinor: dollars ? null : minorOf(info.promotionPrice, currency),
      stock: skuId !== null ? (stock.get(skuId) ?? null) : null,
    });
  }
  return out;
}

const isTrue = (v: unknown) => bool(v) === true;

function supplierOf(seller: unknown, trade: unknown): SupplierFacts {
  const s = isRecord(seller) ? seller : {};
  const manufacturer = isRecord(s.verifiedManufactruers) || isTrue(s.verifiedManufactruers);
  const badges: string[] = [];
  if (
    isTrue(s.baoAccountIsService) ||
    isTrue(s.baoAccountIsDisplayAssurance) ||
    isTrue(s.baoDisplayAssurance) ||
    isTrue(get(trade, 'globalTradeAssuranceForBuyer'))
  )
    badges.push('Trade Assurance');
  if (manufacturer || isTrue(s.companyHasPassAssessment)) badges.push('Verified');
  const companyId = str(s.companyId);
  return {
    name: plainText(s.companyName, 100) || null,
    loginId: null,
    memberId: companyId && /^[\w-]{1,40}$/.test(companyId) ? companyId : null,
    province: null,
    city: null,
    country: countryCode(s.companyRegisterCountry),
    years: parseYears(s.companyJoinYears),
    // Only the platform's verification says factory; a self-declared business type does not.
    isFactory: manufacturer ? true : null,
    badges,
    repurchaseRate: null,
    returnBuyerRate: null,
    shopUrl: shopUrlOf(s.companyProfileUrl, s.homeUrl),
  };
}

function imagesOfMedia(product: Record<string, unknown>): string[] {
  const urls: unknown[] = [];
  for (const m of asArray(product.mediaItems)) {
    if (!isRecord(m) || (m.type !== undefined && m.type !== 'image')) continue;
    const u = m.imageUrl;
    urls.push(isRecord(u) ? (u.big ?? u.normal ?? u.small) : u);
  }
  return imagesOf(urls);
}

/** Read a `detailData` object (from the page's text, or as read in the page). Never throws. */
export function parseDetailData(
  data: unknown,
  opts: { pageTitle?: string | null; url?: string | null } = {},
): ParsedOfferPage {
  try {
    const g = get(data, 'globalData');
    const product = get(g, 'product');
    if (!isRecord(g) || !isRecord(product)) {
      if (opts.pageTitle && NOT_AVAILABLE_RE.test(opts.pageTitle))
        return { state: 'delisted', offerId: null };
      return { state: 'unrecognised', reason: 'no globalData.product', data };
    }
    const offerId = offerIdOf(product.productId);
    const title = plainText(product.subject, 300);
    if (!offerId) {
      // The "Product Not Available" page keeps the object but has no product in it; a product object with
      // content but no id is a renamed field, not a removed product.
      const empty = Object.values(product).every((v) => !has(v));
      if (empty || (opts.pageTitle && NOT_AVAILABLE_RE.test(opts.pageTitle)))
        return { state: 'delisted', offerId: null };
      return { state: 'unrecognised', reason: 'product without productId', data };
    }
    if (!title) return { state: 'unrecognised', reason: 'product without subject', data };
    const price = isRecord(product.price) ? product.price : null;
    const skuMap = get(product, 'sku', 'skuInfoMap');
    if (!price && !isRecord(skuMap)) return { state: 'unrecognised', reason: 'product without price', data };
    const p = price ?? {};
    const ladder = asArray(p.productLadderPrices).filter(isRecord);
    const range = isRecord(p.productRangePrices) ? p.productRangePrices : {};
    const skuInfos = isRecord(skuMap) ? Object.values(skuMap).filter(isRecord) : [];
    const dollars =
      ladder.some((t) => has(t.dollarPrice)) ||
      has(range.dollarPriceRangeLow) ||
      skuInfos.some((i) => has(i.dollarPrice));
    const currency = currencyOf(g, p, dollars);
    const tiers = tiersOf(ladder, dollars ? 'dollarPrice' : 'price', currency);
    const rangeLow = minorOf(dollars ? range.dollarPriceRangeLow : range.priceRangeLow, currency);
    const rangeHigh = minorOf(dollars ? range.dollarPriceRangeHigh : range.priceRangeHigh, currency);
    const skus = skusOf(product, g.inventory, currency, dollars);
    const prices = [
      ...tiers.map((t) => t.priceMinor),
      ...[rangeLow, rangeHigh, ...skus.map((s) => s.priceMinor)].filter((n): n is number => n !== null),
    ];
    const moqStated = int(product.moq);
    const moq = moqStated !== null && moqStated >= 1 ? moqStated : (tiers[0]?.minQty ?? null);
    const unit = plainText(p.unitEven ?? p.unit ?? get(product, 'customPrice', 'unitEven'), 20) || null;
    const offer: WholesaleOffer = {
      source: SOURCE_ID,
      offerId,
      title,
      url: productUrl(opts.url, offerId) ?? `https://www.alibaba.com/product-detail/_${offerId}.html`,
      images: imagesOfMedia(product),
      currency,
      priceTiers: tiers.slice(0, 20),
      priceMinMinor: prices.length ? Math.min(...prices) : null,
      priceMaxMinor: prices.length ? Math.max(...prices) : null,
      moq,
      unit,
      dropship: null,
      sales: parseSold(get(g, 'trade', 'salesVolume')),
      isAd: false,
      shippingPromise: null,
      supplier: supplierOf(g.seller, g.trade),
    };
    // A page without a `sku` object did not carry its variants: "not loaded", never "no variants".
    return { state: 'ok', offer, skus, skusKnown: isRecord(product.sku), shape: 'detailData' };
  } catch {
    return { state: 'unrecognised', reason: 'unreadable detailData', data: undefined };
  }
}

/** Read a product page's HTML. Never throws. */
export function parseOfferPage(html: string, opts: { url?: string | null } = {}): ParsedOfferPage {
  const title = typeof html === 'string' ? pageTitle(html) : null;
  const data = extractDetailData(html);
  if (!data) {
    if (title && NOT_AVAILABLE_RE.test(title)) return { state: 'delisted', offerId: null };
    return { state: 'unrecognised', reason: 'no window.detailData', data: undefined };
  }
  return parseDetailData(data, { pageTitle: title, url: opts.url });
}
