import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { findObj, fromMinor, imgs, pageData } from './util';

/**
 * Pinduoduo goods pages `mobile.yangkeduo.com/goods.html?goods_id=`: `window.rawData.store.initDataObj.goods`
 * with prices in fen (`minGroupPrice`, `maxGroupPrice`) and `topGallery[].url`.
 */
export const pinduoduo: SiteAdapter = {
  id: 'pinduoduo',
  matches: SITE_MATCHES.pinduoduo,
  extract(doc, url) {
    const data = pageData(doc, 'window.rawData', 'rawData');
    const goods = findObj(data, ['goodsName', 'goodsID']) ?? findObj(data, ['goodsName', 'goodsId']);
    if (!goods || typeof goods.goodsName !== 'string') return null;
    const gallery = goods.topGallery ?? goods.viewImageData;
    const min = fromMinor(goods.minGroupPrice ?? goods.minOnSaleGroupPrice);
    const max = fromMinor(goods.maxGroupPrice ?? goods.maxOnSaleGroupPrice);
    const id = String(goods.goodsID ?? goods.goodsId ?? new URL(url).searchParams.get('goods_id') ?? '');
    return {
      title: goods.goodsName,
      images: imgs(
        gallery,
        Array.isArray(gallery) && typeof gallery[0] === 'object' ? 'url' : undefined,
      ).concat(imgs([goods.hdThumbUrl, goods.thumbUrl])),
      price: min ? { amount: min, currency: 'CNY', max } : null,
      itemId: id || null,
      availability: goods.isOnSale === false || goods.isOnSale === 0 ? 'out_of_stock' : null,
    };
  },
};
