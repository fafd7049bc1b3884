import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, findObj, idText, imgs, scriptData, text } from './util';

/**
 * TikTok Shop product pages (shop.tiktok.com/view/product/<id>, www.tiktok.com/view/product/<id>,
 * www.tiktok.com/@shop/product/<id>): router data JSON in `<script id="__MODERN_ROUTER_DATA__">`.
 */
export const tiktokshop: SiteAdapter = {
  id: 'tiktokshop',
  matches: SITE_MATCHES.tiktokshop,
  extract(doc, url) {
    const id = /\/(?:product|pdp)\/(?:[^/?]+\/)?(\d{10,25})/.exec(url)?.[1] ?? null;
    const data = scriptData(doc, '__MODERN_ROUTER_DATA__', '__NEXT_DATA__');
    const p = findObj(data, ['product_id', 'product_base']) ?? findObj(data, ['product_id', 'title']);
    const base = (p?.product_base ?? p) as Record<string, unknown> | undefined;
    const price =
      at(base, 'price.real_price') ?? at(base, 'price.sale_price') ?? at(base, 'price.min_sale_price');
    const images = Array.isArray(base?.images) ? base.images.map((x) => at(x, 'url_list.0') ?? x) : [];
    if (!base && !id) return null;
    return {
      title: text(base?.title),
      images: imgs(images),
      price:
        typeof price === 'string' || typeof price === 'number'
          ? { amount: String(price), currency: (at(base, 'price.currency') as string) ?? null }
          : null,
      itemId: idText(p?.product_id ?? id),
    };
  },
};
