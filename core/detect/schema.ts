import type { PriceContext } from '../price';
import { availabilityOf, type Fields, isObj, list, type Obj, propertyString } from './fields';
import { readPrice } from './pricing';

/** schema.org type names of a node, lower case, without vocabulary prefix. */
export const typesOf = (o: Obj): string[] =>
  list(o['@type'] ?? o.type)
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());

const PRODUCT =
  /^(?:product|productgroup|productmodel|individualproduct|someproducts|vehicle|car|motorcycle)$/;
/** Types that make a page a listing unless it also has one main product. */
export const LISTING = /^(?:itemlist|collectionpage|searchresultspage|offercatalog|productcollection)$/;

export const isProductNode = (o: Obj): boolean => typesOf(o).some((t) => PRODUCT.test(t));

const norm = (s: unknown): string => (propertyString(s) ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Path of a URL without trailing slash, for "is this node about this page" tests. */
export function samePage(a: unknown, pageUrl: string): boolean {
  const s = propertyString(a);
  if (!s) return false;
  try {
    const u = new URL(s, pageUrl);
    const p = new URL(pageUrl);
    const path = (x: URL) => decodeURIComponent(x.pathname).replace(/\/+$/, '').toLowerCase();
    return (
      u.hostname.replace(/^www\./, '') === p.hostname.replace(/^www\./, '') &&
      path(u) === path(p) &&
      path(p) !== ''
    );
  } catch {
    return false;
  }
}

/**
 * The one product a page is about, among the product nodes of one layer: a single node, a group of
 * variants of one product (same name or group id), the node whose URL is the page, or the only one whose
 * name is in the page's title. Null with `listing` when there are several unrelated products.
 */
export function pickMain(
  nodes: Obj[],
  pageUrl: string,
  titles: string[] = [],
): { main: Obj | null; listing: boolean } {
  if (nodes.length === 0) return { main: null, listing: false };
  if (nodes.length === 1) return { main: nodes[0] as Obj, listing: false };
  const group = nodes.find((n) => typesOf(n).includes('productgroup'));
  if (group) return { main: group, listing: false };
  const byUrl = nodes.find(
    (n) => samePage(n.url, pageUrl) || list(n.offers).some((o) => isObj(o) && samePage(o.url, pageUrl)),
  );
  const names = new Set(
    nodes.map((n) => norm(n.name) || norm(n.productGroupID) || norm(n.inProductGroupWithID)),
  );
  if (names.size === 1 && !names.has('')) return { main: byUrl ?? (nodes[0] as Obj), listing: false };
  if (byUrl) return { main: byUrl, listing: false };
  const hints = titles.map(norm).filter((t) => t.length > 3);
  const inTitle = nodes.filter((n) => {
    const name = norm(n.name);
    return name.length > 3 && hints.some((h) => h.includes(name) || (name.includes(h) && h.length > 10));
  });
  if (inTitle.length && new Set(inTitle.map((n) => norm(n.name))).size === 1)
    return { main: inTitle[0] as Obj, listing: false };
  return { main: null, listing: true };
}

function imageUrls(v: unknown, out: string[] = [], depth = 0): string[] {
  for (const x of list(v).slice(0, 30)) {
    if (typeof x === 'string') out.push(x);
    else if (isObj(x) && depth < 2)
      imageUrls(x.contentUrl ?? x.url ?? x['@id'] ?? x.thumbnailUrl, out, depth + 1);
  }
  return out;
}

const nameOf = (v: unknown): string | null => {
  for (const x of list(v)) {
    if (typeof x === 'string' && !/^https?:/i.test(x.trim())) return x;
    if (isObj(x)) {
      const n = propertyString(x.name);
      if (n) return n;
    }
  }
  return null;
};

const GTIN_KEYS = ['gtin13', 'gtin12', 'gtin14', 'gtin8', 'gtin', 'ean', 'isbn'];

function gtinOf(o: Obj): string | null {
  for (const k of GTIN_KEYS) {
    const g = propertyString(o[k])?.replace(/[\s-]/g, '');
    if (g && /^\d{8,14}$/.test(g)) return g;
  }
  return null;
}

const LIST_PRICE = /list|strike|msrp|srp|was|regular|original|rrp|suggested/i;

interface OfferInfo {
  amount: string;
  currency: string | null;
  max: string | null;
  availability: Fields['availability'];
  offer: Obj;
}

/** Offers of a node, AggregateOffers and their nested offers flattened, each read to an amount. */
function offersOf(node: Obj, ctx: PriceContext): OfferInfo[] {
  const out: OfferInfo[] = [];
  const visit = (v: unknown, depth: number) => {
    for (const o of list(v).slice(0, 100)) {
      if (!isObj(o) || depth > 3) continue;
      let price: unknown = o.price ?? o.lowPrice ?? o.minPrice;
      let currency: unknown = o.priceCurrency ?? o.currency;
      let max: unknown = o.highPrice ?? o.maxPrice;
      if (propertyString(price) === null) {
        const specs = list(o.priceSpecification).filter(isObj);
        const spec =
          specs.find(
            (s) => propertyString(s.price) !== null && !LIST_PRICE.test(propertyString(s.priceType) ?? ''),
          ) ?? specs[0];
        if (spec) {
          price = spec.price ?? spec.minPrice;
          currency = currency ?? spec.priceCurrency;
          max = max ?? spec.maxPrice;
        }
      }
      const p = propertyString(price);
      const r = p
        ? readPrice({ amount: p, currency: propertyString(currency), max: propertyString(max) }, ctx)
        : null;
      const availability = availabilityOf(o.availability);
      if (r) out.push({ ...r, availability, offer: o });
      else if (availability) out.push({ amount: '', currency: null, max: null, availability, offer: o });
      if (o.offers) visit(o.offers, depth + 1);
    }
  };
  visit(node.offers ?? node.offerDetails ?? ownOffer(node), 0);
  return out;
}

/** Offer facts a node may carry itself instead of in an Offer. */
const OFFER_FACTS = ['price', 'lowPrice', 'highPrice', 'priceCurrency', 'priceSpecification', 'availability'];

/**
 * A product without offers that states its price or stock itself (`<div itemscope itemtype=…/Product>` with an
 * `itemprop="price"` straight inside it, the same in JSON-LD): schema.org wants those facts on an Offer, and many
 * shops' markup puts them on the product. Read as the product's one offer; null when it states neither.
 */
function ownOffer(node: Obj): Obj | null {
  if (!OFFER_FACTS.some((k) => node[k] !== undefined)) return null;
  const offer: Obj = {};
  for (const k of OFFER_FACTS) if (node[k] !== undefined) offer[k] = node[k];
  return offer;
}

/** The fields of one schema.org product node (from JSON-LD, microdata or RDFa). */
export function productFields(node: Obj, ctx: PriceContext, pageUrl: string): Fields {
  let offers = offersOf(node, ctx);
  const variants = list(node.hasVariant).filter(isObj).slice(0, 200);
  let variant: Obj | undefined;
  if (variants.length) {
    variant =
      variants.find((v) => list(v.offers).some((o) => isObj(o) && propertyString(o.url) === pageUrl)) ??
      variants[0];
    if (!offers.some((o) => o.amount)) offers = variants.flatMap((v) => offersOf(v, ctx));
  }
  const priced = offers.filter((o) => o.amount);
  // The offer for this page's URL, else the cheapest one in stock, else the cheapest.
  const inStock = priced.filter((o) => o.availability !== 'out_of_stock');
  const chosen =
    priced.find((o) => propertyString(o.offer.url) === pageUrl) ??
    (inStock.length ? inStock : priced).reduce<OfferInfo | undefined>(
      (a, b) => (a && Number(a.amount) <= Number(b.amount) ? a : b),
      undefined,
    );
  let max = chosen?.max ?? null;
  for (const o of priced) if (chosen && Number(o.amount) > Number(max ?? chosen.amount)) max = o.amount;
  const availability =
    chosen?.availability ??
    (offers.some((o) => o.availability === 'in_stock')
      ? 'in_stock'
      : (offers.find((o) => o.availability)?.availability ?? null));
  const offer = chosen?.offer ?? offers[0]?.offer ?? {};
  return {
    title: propertyString(node.name) ?? propertyString(variant?.name),
    price: chosen ? { amount: chosen.amount, currency: chosen.currency, max } : null,
    images: imageUrls(node.image ?? variant?.image),
    brand: nameOf(node.brand) ?? nameOf(variant?.brand),
    sku: propertyString(node.sku) ?? propertyString(offer.sku) ?? propertyString(variant?.sku),
    gtin: gtinOf(node) ?? gtinOf(offer) ?? (variant ? gtinOf(variant) : null),
    availability,
    url: propertyString(node.url),
  };
}
