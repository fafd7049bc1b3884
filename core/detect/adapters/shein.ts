import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, findObj, img, pageData, text } from './util';

/** SHEIN goods pages `…-p-<goodsId>.html`: `productIntroData.detail{goods_name, goods_sn, goods_img, salePrice}`. */
export const shein: SiteAdapter = {
  id: 'shein',
  matches: SITE_MATCHES.shein,
  extract(doc, url) {
    const id = /-p-(\d{5,15})(?:-cat-\d+)?\.html/.exec(url)?.[1] ?? null;
    if (!id) return /\/pdsearch\/|-c-\d+\.html|-sc-[\w]+\.html/.test(url) ? { reject: true } : null;
    const data = pageData(doc, 'productIntroData', 'gbRawData', 'window.gbProductDetailSsrData');
    const d = findObj(data, ['goods_name', 'goods_sn']);
    const sale = at(d, 'salePrice') ?? at(d, 'retailPrice');
    return {
      title: text(d?.goods_name),
      images: [img(d?.goods_img)].filter((x): x is string => !!x),
      price: sale ? { amount: String(at(sale, 'amountWithSymbol') ?? at(sale, 'amount') ?? '') } : null,
      sku: text(d?.goods_sn),
      itemId: String(d?.goods_id ?? id),
    };
  },
};
