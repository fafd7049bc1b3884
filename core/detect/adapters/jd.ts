import { propertyArray, propertyText } from '../../text/script-data';
import type { SiteAdapter } from '../fields';
import { scriptTexts } from '../scripts';
import { SITE_MATCHES } from './sites';
import { pick } from './util';

/**
 * JD item pages `item.jd.com/<sku>.html`: `pageConfig.product{skuid, name, src, imageList, brand, venderId}`
 * in an inline script; the price comes from a signed API and is shown in the DOM (`.p-price .price`).
 */
export const jd: SiteAdapter = {
  id: 'jd',
  matches: SITE_MATCHES.jd,
  extract(doc, url) {
    const text = scriptTexts(doc).find((t) => t.includes('pageConfig')) ?? '';
    // Properties of the pageConfig literal, read one by one (it is code, not data); strings may be escaped.
    const field = (k: string) => propertyText(text, k)?.trim() || null;
    const sku = field('skuid') ?? /\/(\d{5,15})\.html/.exec(url)?.[1] ?? null;
    const title = pick(doc, '.sku-name|#itemName|.fn_goods_name') ?? field('name');
    if (!title) return null;
    const list = (propertyArray(text, 'imageList') ?? []).filter((s) => typeof s === 'string');
    const src = field('src');
    const images = [src, ...list]
      .filter((s): s is string => !!s)
      .map((s) =>
        /^(?:https?:)?\/\//.test(s) ? s.replace(/^\/\//, 'https://') : `https://img14.360buyimg.com/n1/${s}`,
      );
    const price = pick(doc, `.J-p-${sku}|.p-price .price|#jdPrice|.summary-price .price`, 40);
    return {
      title,
      images,
      price: price && /\d/.test(price) ? { amount: price, currency: 'CNY' } : null,
      brand: pick(doc, '#parameter-brand li a|#parameter-brand a', 100),
      sku,
      itemId: sku,
    };
  },
};
