import type { SiteAdapter } from '../fields';
import { availabilityOf } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, findObj, idText, imgs, scriptData, text } from './util';

/** Walmart item pages `/ip/<slug>/<id>`: `__NEXT_DATA__` JSON with the product (`usItemId`, `priceInfo`). */
export const walmart: SiteAdapter = {
  id: 'walmart',
  matches: SITE_MATCHES.walmart,
  extract(doc, url) {
    const path = new URL(url).pathname;
    if (/^\/(?:search|browse|cp|shop)\b/.test(path)) return { reject: true };
    const id = /\/ip\/(?:[^/]+\/)?([0-9A-Z]{6,20})/.exec(path)?.[1] ?? null;
    const data = scriptData(doc, '__NEXT_DATA__');
    const p = findObj(data, ['usItemId', 'name']) ?? findObj(data, ['usItemId', 'priceInfo']);
    if (!p) return id ? { itemId: id, sku: id } : null;
    const price = at(p, 'priceInfo.currentPrice.price') ?? at(p, 'priceInfo.currentPrice.priceString');
    const all = at(p, 'imageInfo.allImages');
    return {
      title: text(p.name),
      brand: text(p.brand),
      price:
        price != null
          ? {
              amount: String(price),
              currency: (at(p, 'priceInfo.currentPrice.currencyUnit') as string) ?? null,
            }
          : null,
      images: imgs(all, 'url'),
      availability: availabilityOf(p.availabilityStatus),
      sku: idText(p.usItemId ?? id),
      itemId: idText(p.usItemId ?? id),
    };
  },
};
