import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, findObj, fromMinor, idText, imgs, pageData, scriptData, text } from './util';

const firstUrl = (v: unknown): unknown => at(v, 'urlList.0') ?? at(v, 'url_list.0');

/**
 * Douyin: data URL-encoded in `<script id="RENDER_DATA" type="application/json">`, or page state.
 * Shop pages on haohuo.jinritemai.com are products (`?id=` is the product id; data in the page
 * state: name, images, price in fen); video pages on www.douyin.com are social candidates (cover images).
 */
export const douyin: SiteAdapter = {
  id: 'douyin',
  matches: SITE_MATCHES.douyin,
  extract(doc, url) {
    const u = new URL(url);
    const data =
      scriptData(doc, 'RENDER_DATA') ?? pageData(doc, '__INITIAL_STATE__', '_ROUTER_DATA', '_SSR_DATA');
    if (u.hostname === 'www.douyin.com') {
      const aweme = findObj(data, ['awemeId', 'desc']) ?? findObj(data, ['aweme_id', 'desc']);
      const id = /\/(?:video|note)\/(\d+)/.exec(u.pathname)?.[1] ?? null;
      const images = aweme
        ? [
            ...(Array.isArray(aweme.images) ? aweme.images.map(firstUrl) : []),
            firstUrl(at(aweme, 'video.cover')),
            firstUrl(at(aweme, 'video.originCover')),
          ]
        : [];
      const meta = doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
      const title =
        (typeof aweme?.desc === 'string' && aweme.desc) ||
        doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ||
        doc.title;
      return { kind: 'social-candidate', title, images: imgs([...images, meta]), itemId: id };
    }
    const id = u.searchParams.get('id') ?? u.searchParams.get('product_id');
    const p =
      findObj(data, ['product_id', 'name']) ??
      findObj(data, ['productId', 'name']) ??
      findObj(data, ['name', 'img_list']);
    if (!p) return id ? { itemId: id } : null;
    const min = p.min_price ?? p.minPrice ?? p.discount_price ?? p.price;
    return {
      title: text(p.name),
      images: imgs(p.img_list ?? p.imgList ?? p.pic ?? p.images),
      price:
        typeof min === 'number'
          ? { amount: fromMinor(min) ?? '', currency: 'CNY' }
          : typeof min === 'string'
            ? { amount: min, currency: 'CNY' }
            : null,
      itemId: idText(p.product_id ?? p.productId ?? id),
    };
  },
};
