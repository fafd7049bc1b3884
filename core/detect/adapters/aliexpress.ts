import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, imgs, pageData } from './util';

/**
 * AliExpress item pages `/item/<id>.html`: `window.runParams = {data: {titleModule, imageModule,
 * priceModule}}` (older) — newer pages render from scripts, where OpenGraph/JSON-LD fill in.
 */
export const aliexpress: SiteAdapter = {
  id: 'aliexpress',
  matches: SITE_MATCHES.aliexpress,
  extract(doc, url) {
    const id = /\/item\/(?:[^/]+\/)?(\d{6,20})\.html/.exec(url)?.[1] ?? null;
    const data = at(pageData(doc, 'window.runParams', 'runParams'), 'data');
    const min = at(data, 'priceModule.minActivityAmount') ?? at(data, 'priceModule.minAmount');
    const price = at(min, 'value');
    return {
      title: (at(data, 'titleModule.subject') as string | undefined) ?? null,
      images: imgs(at(data, 'imageModule.imagePathList')),
      price:
        price != null
          ? { amount: String(price), currency: (at(min, 'currency') as string) ?? null }
          : typeof at(data, 'priceModule.formatedActivityPrice') === 'string'
            ? { amount: at(data, 'priceModule.formatedActivityPrice') as string }
            : null,
      brand: (at(data, 'storeModule.storeName') as string | undefined) ?? null,
      itemId: id,
      sku: id,
    };
  },
};
