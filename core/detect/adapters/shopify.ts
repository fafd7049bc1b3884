import { literalAfter } from '../../text/script-data';
import type { SiteAdapter } from '../fields';
import { scriptTexts } from '../scripts';
import { SITE_MATCHES, shopifyMarkup } from './sites';
import { at, fromMinor, text } from './util';

/**
 * Shopify stores on any domain, recognised by their markup: `ShopifyAnalytics.meta` (`product{id, vendor,
 * variants[{id, price in cents, sku}]}`, `page.pageType`) and `Shopify.currency.active`.
 */
export const shopify: SiteAdapter = {
  id: 'shopify',
  matches: SITE_MATCHES.shopify,
  detect: shopifyMarkup,
  extract(doc, url) {
    const scripts = scriptTexts(doc).filter(
      (t) => t.includes('ShopifyAnalytics') || t.includes('Shopify.currency'),
    );
    let meta: unknown;
    let currency: unknown;
    for (const t of scripts) {
      meta ??= literalAfter(t, 'var meta =') ?? literalAfter(t, 'ShopifyAnalytics.meta =');
      currency ??= at(literalAfter(t, 'Shopify.currency ='), 'active');
    }
    const pageType = at(meta, 'page.pageType');
    if (typeof pageType === 'string' && pageType !== 'product') return { reject: true };
    const product = at(meta, 'product') as Record<string, unknown> | undefined;
    if (!product) return null;
    const variants = Array.isArray(product.variants) ? (product.variants as Record<string, unknown>[]) : [];
    const wanted = new URL(url).searchParams.get('variant');
    const v = variants.find((x) => String(x.id) === wanted) ?? variants[0];
    const cents = fromMinor(v?.price);
    return {
      price: cents ? { amount: cents, currency: text(currency) } : null,
      brand: text(product.vendor),
      sku: typeof v?.sku === 'string' && v.sku ? v.sku : null,
      itemId: product.id != null ? String(product.id) : null,
    };
  },
};
