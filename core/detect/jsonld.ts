import type { PriceContext } from '../price';
import { parseLooseJson } from '../text/loose-json';
import { type Fields, isObj, list, type Obj, propertyString } from './fields';
import { isProductNode, LISTING, pickMain, productFields, typesOf } from './schema';

/** JSON-LD blobs above this size are skipped (a product's data is a few kB). */
export const MAX_LD = 1_000_000;

export interface LayerResult {
  product: Fields | null;
  /** The layer says the page lists several products and has no main one. */
  listing: boolean;
  /** Lower-case types of the top-level nodes (product, newsarticle, itemlist…). */
  types: string[];
}

/** Top-level nodes of the page's JSON-LD: arrays, @graph and mainEntity unwrapped; bounded. */
export function ldNodes(doc: Document): Obj[] {
  const out: Obj[] = [];
  const walk = (v: unknown, depth: number) => {
    if (out.length >= 500 || depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 200)) walk(x, depth + 1);
      return;
    }
    if (!isObj(v)) return;
    if (v['@type'] !== undefined) out.push(v);
    if (v['@graph']) walk(v['@graph'], depth + 1);
    if (isObj(v.mainEntity) || Array.isArray(v.mainEntity)) walk(v.mainEntity, depth + 1);
    // An Offer whose itemOffered is the product: read it as a product with that offer.
    if (isObj(v.itemOffered) && isProductNode(v.itemOffered) && !v.itemOffered.offers)
      out.push({ ...v.itemOffered, offers: { ...v, itemOffered: null } });
  };
  const scripts = doc.querySelectorAll('script[type*="ld+json" i]');
  for (let k = 0; k < scripts.length && k < 60; k++) {
    const text = scripts[k]?.textContent ?? '';
    if (text.length > MAX_LD) continue;
    walk(parseLooseJson(text, { maxLength: MAX_LD }), 0);
  }
  return out;
}

/** Offer-bearing nodes that are not products (an Event's tickets, a Book): used when nothing else is. */
const hasPrice = (o: Obj): boolean =>
  list(o.offers).some(
    (x) =>
      isObj(x) &&
      (propertyString(x.price) ??
        propertyString(x.lowPrice) ??
        propertyString(isObj(x.priceSpecification) ? x.priceSpecification.price : null)) !== null,
  );

/** The schema.org product of the page's JSON-LD. */
export function readJsonLd(
  doc: Document,
  url: string,
  ctx: PriceContext,
  titles: string[] = [],
): LayerResult {
  return fromNodes(ldNodes(doc), url, ctx, titles);
}

export function fromNodes(nodes: Obj[], url: string, ctx: PriceContext, titles: string[] = []): LayerResult {
  const types = [...new Set(nodes.flatMap(typesOf))];
  let products = nodes.filter(isProductNode);
  if (products.length === 0) {
    const offered = nodes.filter((n) => hasPrice(n) && !typesOf(n).some((t) => LISTING.test(t)));
    if (offered.length === 1) products = offered;
  }
  const { main, listing } = pickMain(products, url, titles);
  const listType = types.some((t) => LISTING.test(t));
  return {
    product: main ? productFields(main, ctx, url) : null,
    listing: listing || (!main && listType),
    types,
  };
}
