import { propertyArray, propertyText } from '../../text/script-data';
import type { AdapterResult, SiteAdapter } from '../fields';
import { scriptTexts } from '../scripts';
import { SITE_MATCHES } from './sites';
import { at, findObj, idText, img, imgs, pageData, pick } from './util';

/**
 * Taobao and Tmall item pages (same platform). New pages: server-rendered `window.__ICE_APP_CONTEXT__`
 * with `item{title, images}` and `skuCore.sku2info[skuId|0].price.priceText`; old pages: `g_config`
 * (`itemId`, `title`, `pic`, `auctionImages`) with the price loaded later into the DOM.
 */
export function readAlibabaItem(doc: Document, url: string): AdapterResult | null {
  const id = new URL(url).searchParams.get('id');
  const data = pageData(doc, '__ICE_APP_CONTEXT__', 'window.__INIT_DATA__');
  const res = findObj(data, ['item', 'skuCore']) ?? findObj(data, ['item', 'skuBase']);
  const item = (res?.item ?? null) as Record<string, unknown> | null;
  if (item && typeof item.title === 'string') {
    const info = at(res, 'skuCore.sku2info') as Record<string, unknown> | undefined;
    const first = info ? (info['0'] ?? Object.values(info)[0]) : undefined;
    const price = (at(first, 'subPrice.priceText') ?? at(first, 'price.priceText')) as string | undefined;
    return {
      title: item.title,
      images: imgs(item.images),
      price: typeof price === 'string' ? { amount: price, currency: 'CNY' } : null,
      itemId: idText(item.itemId ?? id),
      brand: (at(res, 'seller.shopName') as string | undefined) ?? null,
    };
  }
  // Old pages: properties of the g_config literal, read one by one (the literal is code, `startTime: +new
  // Date`, not data); their strings are JavaScript-escaped ("\u4E73\u767D…").
  const text = scriptTexts(doc).find((t) => t.includes('g_config')) ?? '';
  const field = (k: string) => propertyText(text, k)?.trim() || null;
  const title =
    field('title') ??
    pick(doc, '.tb-main-title|[class*="ItemHeader--mainTitle"]|[class*="mainTitle--"]|.tb-detail-hd h1');
  if (!title) return null;
  const images = imgs(propertyArray(text, 'auctionImages'));
  const pic = img(field('pic'));
  const price = pick(doc, '.tb-rmb-num|#J_PromoPriceNum|[class*="Price--priceText"]|.tm-price', 40);
  return {
    title,
    images: pic ? [pic, ...images] : images,
    price: price ? { amount: price, currency: 'CNY' } : null,
    itemId: field('itemId') ?? id,
  };
}

export const taobao: SiteAdapter = {
  id: 'taobao',
  matches: SITE_MATCHES.taobao,
  extract: readAlibabaItem,
};
