import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';

/** Etsy listings `/listing/<id>/…`: the listing id; JSON-LD and OpenGraph give the rest. */
export const etsy: SiteAdapter = {
  id: 'etsy',
  matches: SITE_MATCHES.etsy,
  extract(_doc, url) {
    const path = new URL(url).pathname;
    if (/^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:search|c|market|shop)\b/.test(path)) return { reject: true };
    const id = /\/listing\/(\d+)/.exec(path)?.[1];
    return id ? { itemId: id, sku: id } : null;
  },
};
