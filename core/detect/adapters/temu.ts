import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { findObj, imgs, pageData } from './util';

/** Temu goods pages `…-g-<goodsId>.html`: `window.rawData` holds the goods (name, gallery, price text). */
export const temu: SiteAdapter = {
  id: 'temu',
  matches: SITE_MATCHES.temu,
  extract(doc, url) {
    const id = /-g-(\d{6,20})\.html/.exec(url)?.[1] ?? null;
    if (!id) return /\/search_result|\/channel\//.test(url) ? { reject: true } : null;
    const data = pageData(doc, 'window.rawData', 'rawData');
    const g = findObj(data, ['goodsName', 'goodsId']) ?? findObj(data, ['goods_name', 'goods_id']);
    const gallery = g?.gallery ?? g?.images;
    const priceText = g?.minOnSalePriceStr ?? g?.priceStr ?? g?.salePriceStr;
    return {
      title:
        typeof (g?.goodsName ?? g?.goods_name) === 'string'
          ? ((g?.goodsName ?? g?.goods_name) as string)
          : null,
      images: imgs(gallery, Array.isArray(gallery) && typeof gallery[0] === 'object' ? 'url' : undefined),
      price: typeof priceText === 'string' ? { amount: priceText } : null,
      itemId: id,
      sku: id,
    };
  },
};
