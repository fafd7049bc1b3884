import { siteOfHost } from '../core/url';
import type { StoredProduct } from '../storage/types';

/**
 * The shop a product is on as a person names it: the site of its page's host ("zalando.ie", "taobao.com",
 * "lumen-candles.test"). Never the detection layer's name (`site` is "generic" or "shopify" for many shops),
 * which says how it was read, not where.
 */
export function shopName(product: Pick<StoredProduct, 'url' | 'site'>): string {
  try {
    return siteOfHost(new URL(product.url).hostname);
  } catch {
    return product.site;
  }
}
