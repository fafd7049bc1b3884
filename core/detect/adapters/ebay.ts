import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { attr, pick } from './util';

/** eBay item pages `/itm/<id>`; search, browse and store pages are not products. Microdata fills the rest. */
export const ebay: SiteAdapter = {
  id: 'ebay',
  matches: SITE_MATCHES.ebay,
  extract(doc, url) {
    const path = new URL(url).pathname;
    if (/^\/(?:sch|b|str|usr|e|deals|rvw)\//.test(path)) return { reject: true };
    const id = /\/itm\/(?:[^/]+\/)?(\d{9,15})/.exec(path)?.[1] ?? null;
    if (!id) return null;
    // Old item pages put a hidden, localised "Details about" inside the title heading: keep its own text.
    const h1 = doc.querySelector('h1#itemTitle');
    const own = h1
      ? Array.from(h1.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.nodeValue ?? '')
          .join(' ')
          .trim()
      : '';
    const title = own || pick(doc, 'h1.x-item-title__mainTitle|h1[itemprop="name"]');
    const price =
      attr(doc, '#prcIsum,#mm-saleDscPrc,[itemprop="price"]', 'content') ??
      pick(doc, '.x-price-primary|#prcIsum|#mm-saleDscPrc|#prcIsum_bidPrice', 40);
    return {
      title: title ?? null,
      price: price ? { amount: price, currency: attr(doc, '[itemprop="priceCurrency"]', 'content') } : null,
      brand:
        attr(doc, '[itemprop="brand"] [itemprop="name"],[itemprop="brand"]', 'content') ??
        pick(doc, '[itemprop="brand"]', 100),
      sku: id,
      itemId: id,
      images: [attr(doc, '#icImg,.ux-image-carousel-item img', 'src') ?? ''].filter(Boolean),
    };
  },
};
