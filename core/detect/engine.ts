import type { PriceContext } from '../price';
import { safeHttpUrl } from '../url';
import { adapterFor } from './adapters';
import { canonicalAllowed } from './bind';
import { type DomResult, readDom } from './dom';
import type { AdapterResult, Fields, SiteAdapter } from './fields';
import { readJsonLd } from './jsonld';
import { ogIsProduct, readMetas, readOpenGraph, readTwitter } from './meta';
import { readMicrodata, readRdfa } from './microdata';
import { type Amount, fallbackCurrency, readPrice, toMoney } from './pricing';
import { fieldText } from './text';
import type { DetectedProduct, DetectLayer } from './types';
import { urlSku } from './url';

type Key = keyof DetectedProduct['sources'];
const KEYS: Key[] = ['title', 'text', 'price', 'images', 'brand', 'sku', 'gtin', 'availability', 'itemId'];

/** Review lists and search results: never a single product, whatever their markup says. */
const NOT_PRODUCT_PATH =
  /\/(?:product-reviews|reviews?|search|suche|recherche|busca|buscar|ricerca|szukaj|catalogsearch)(?:\/|$|\.)/i;
/** Category-looking paths and search/paging parameters: no product from the DOM or OpenGraph alone. */
const CATEGORY_URL =
  /\/(?:c|category|categories|kategorie|categorie|collections?|tag|tags|blog|brands?|department)(?:\/[^/]*)?\/?$|\/(?:shop|store)\/?$|[?&](?:page|limit|sort|q|query|search|searchterm|keywords?|k|s)=/i;
const ARTICLE = /article|posting|blog/;

/**
 * The product a page shows, or null (not a product page, a listing, or an internal error): the page's site
 * adapter first (by URL, else by markup), then the generic layers. Never throws; bounded work on huge pages.
 */
export function detectProduct(doc: Document, url: string): DetectedProduct | null {
  try {
    return detect(doc, url, adapterFor(doc, url));
  } catch {
    return null;
  }
}

interface Acc {
  f: Fields;
  price: Amount | null;
  sources: DetectedProduct['sources'];
  currencies: string[];
}

/** Fill the fields still empty from one layer (per-field fallback, in order of trust). */
function add(acc: Acc, f: Fields | null | undefined, layer: DetectLayer): void {
  if (!f) return;
  for (const k of KEYS) {
    if (k === 'price') continue;
    const v = f[k];
    if (acc.f[k] != null || v == null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    (acc.f as Record<string, unknown>)[k] = v;
    acc.sources[k] = layer;
  }
  acc.f.url ??= f.url;
}

/**
 * The price: the most trusted layer's, unless the visible page does not show it and shows another layer's
 * (markup often keeps the regular price while the page shows a sale price, or the reverse).
 */
function choosePrice(
  acc: Acc,
  layers: [Fields | null, DetectLayer][],
  dom: DomResult,
  ctx: PriceContext,
): void {
  const found: [Amount, DetectLayer][] = [];
  for (const [f, layer] of layers) {
    const p = f?.price ? readPrice(f.price, ctx) : null;
    if (!p) continue;
    if (p.currency) acc.currencies.push(p.currency);
    found.push([p, layer]);
  }
  // "Shown": among the best visible price candidates, not struck through.
  const top = Math.max(3, ...dom.prices.map((d) => d.score)) - 2;
  const shown = (p: Amount) =>
    dom.prices.some((d) => !d.old && d.score >= top && d.amount === Number(p.amount));
  // A layer that names the trusted price as the regular (list) price and gives a lower one.
  const list = (p: Amount) => layers.some(([f]) => f?.listPrice && Number(f.listPrice) === Number(p.amount));
  const first = found[0];
  let chosen = first;
  if (first && first[1] !== 'adapter' && found.length > 1 && !shown(first[0]))
    chosen =
      found.find(([p]) => shown(p)) ??
      (list(first[0]) ? found.find(([p]) => Number(p.amount) < Number(first[0].amount)) : undefined) ??
      first;
  // Markup that keeps the regular price the page shows struck through, beside a lower sale price.
  const d = chosen && chosen[1] !== 'adapter' && !shown(chosen[0]) ? readPrice(dom.fields.price, ctx) : null;
  const was = chosen ? Number(chosen[0].amount) : 0;
  if (chosen && d?.currency && Number(d.amount) < was && Number(d.amount) > was * 0.3) {
    if (dom.prices.some((x) => x.old && x.amount === was))
      chosen = [{ ...d, currency: d.currency ?? chosen[0].currency }, 'dom'];
  }
  if (chosen) {
    acc.price = chosen[0];
    acc.sources.price = chosen[1];
  }
}

function detect(doc: Document, url: string, adapter: SiteAdapter | undefined): DetectedProduct | null {
  const page = new URL(url);
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return null;
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;
  const ctx: PriceContext = { hostname: page.hostname, locale: lang };
  const acc: Acc = { f: {}, price: null, sources: {}, currencies: [] };

  let result: AdapterResult | null = null;
  if (adapter) {
    result = adapter.extract(doc, url);
    if (result?.reject) return null;
  }
  const site = result ? (adapter?.id ?? 'generic') : 'generic';
  if (result?.kind === 'social-candidate') {
    add(acc, result, 'adapter');
    choosePrice(acc, [[result, 'adapter']], NO_DOM, ctx);
    return build(acc, 'social-candidate', site, doc, page, ctx);
  }
  if (!result && NOT_PRODUCT_PATH.test(page.pathname)) return null;

  const metas = readMetas(doc);
  const titles = [
    doc.title,
    metas.get('og:title')?.[0] ?? '',
    doc.querySelector('h1')?.textContent?.slice(0, 400) ?? '',
  ];
  const ld = readJsonLd(doc, url, ctx, titles);
  const md = readMicrodata(doc, url, ctx, titles);
  const rdfa = readRdfa(doc, url, ctx, titles);
  const structured = !!(result || ld.product || md.product || rdfa.product);
  if (!structured && (ld.listing || md.listing || rdfa.listing)) return null;
  const og = readOpenGraph(metas);
  const layers: [Fields | null, DetectLayer][] = [
    [result, 'adapter'],
    [ld.product, 'jsonld'],
    [md.product, 'microdata'],
    [rdfa.product, 'rdfa'],
    [og, 'opengraph'],
    [readTwitter(metas), 'twitter'],
  ];
  const firstSku = layers.map(([f]) => f?.sku).find((x) => x) ?? null;
  const dom = readDom(
    doc,
    ctx,
    result?.title ?? ld.product?.title ?? md.product?.title ?? og.title ?? null,
    firstSku?.trim() ?? null,
  );
  if (!structured) {
    // OpenGraph or the DOM alone: not on category, search or paging URLs, not on articles.
    if (CATEGORY_URL.test(page.pathname + page.search)) return null;
    const types = [...ld.types, ...md.types];
    if (types.some((t) => ARTICLE.test(t)) && !types.includes('product')) return null;
    // DOM only: a heading, a price near it and one buy control (several buy controls: a listing).
    if (!ogIsProduct(metas) && (!dom.h1 || !dom.priceNearTitle || !dom.buy || dom.buyCount > 5)) return null;
  }
  // A product code the page shows with a label is the site's own identifier: it outranks markup.
  if (dom.fields.sku && !result?.sku) {
    acc.f.sku = dom.fields.sku;
    acc.sources.sku = 'dom';
  }
  for (const [f, layer] of layers) add(acc, f, layer);
  // No SKU, or one that reads like a model name: the id in the URL.
  const fromUrl = urlSku(url);
  if (fromUrl && (!acc.f.sku || (/\s/.test(acc.f.sku) && acc.sources.sku !== 'adapter'))) {
    acc.f.sku = fromUrl;
    acc.sources.sku = 'url';
  }
  choosePrice(acc, layers, dom, ctx);
  if (!acc.price) choosePrice(acc, [[dom.fields, 'dom']], dom, ctx);
  add(acc, dom.fields, 'dom');
  // OpenGraph titles often append the shop ("Name | Shop"): the heading alone when it is that name.
  const t = acc.f.title;
  const fromMeta = acc.sources.title === 'opengraph' || acc.sources.title === 'twitter';
  if (dom.h1 && t && fromMeta && t !== dom.h1 && t.includes(dom.h1)) {
    acc.f.title = dom.h1;
    acc.sources.title = 'dom';
  }
  // Offered with a price and no out-of-stock sign anywhere: in stock.
  if (!acc.f.availability && acc.price) {
    acc.f.availability = 'in_stock';
    acc.sources.availability = 'dom';
  }
  return build(acc, 'product', site, doc, page, ctx);
}

const NO_DOM: DomResult = {
  fields: {},
  buy: false,
  priceNearTitle: false,
  buyCount: 0,
  prices: [],
  h1: null,
};

function build(
  acc: Acc,
  kind: DetectedProduct['kind'],
  site: string,
  doc: Document,
  page: URL,
  ctx: PriceContext,
): DetectedProduct | null {
  const f = acc.f;
  const title = fieldText(f.title, 300) ?? (kind === 'social-candidate' ? fieldText(doc.title, 300) : null);
  if (!title) return null;
  let price = null;
  let priceMax = null;
  if (acc.price) {
    const currency = acc.price.currency ?? acc.currencies[0] ?? fallbackCurrency(ctx.hostname ?? '');
    price = toMoney(acc.price.amount, currency);
    priceMax = price ? toMoney(acc.price.max, currency) : null;
    if (priceMax && price && priceMax.minor <= price.minor) priceMax = null;
  }
  const sources = { ...acc.sources };
  if (!price) delete sources.price;
  const images: string[] = [];
  for (const i of f.images ?? []) {
    const u = safeHttpUrl(i, page.href);
    if (u && !images.includes(u)) images.push(u);
    if (images.length >= 20) break;
  }
  if (!images.length) delete sources.images;
  const out: DetectedProduct = {
    kind,
    title,
    text: kind === 'social-candidate' ? fieldText(f.text, 2000) : null,
    price,
    priceMax,
    images,
    brand: fieldText(f.brand, 100),
    sku: fieldText(f.sku, 100),
    gtin: f.gtin && /^\d{8,14}$/.test(f.gtin.trim()) ? f.gtin.trim() : null,
    availability: f.availability ?? null,
    site,
    itemId: fieldText(f.itemId, 100),
    canonicalUrl: canonical(doc, page, f.url, site),
    sources,
  };
  for (const k of ['text', 'brand', 'sku', 'gtin', 'itemId'] as const) if (out[k] === null) delete sources[k];
  return out;
}

/**
 * link[rel=canonical] or og:url when the page may claim it (same host, or another product host of the same named
 * site: bind.ts — a neighbour on a shared platform is not the same site), else the page URL.
 */
function canonical(doc: Document, page: URL, ogUrl: string | null | undefined, site: string): string {
  const candidates = [doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), ogUrl];
  for (const c of candidates) {
    const u = safeHttpUrl(c, page.href);
    if (u && canonicalAllowed(u, page.href, site)) return u;
  }
  return page.href;
}
