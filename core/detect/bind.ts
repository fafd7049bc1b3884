/**
 * What a page may say about a product, bound to the page the browser says sent it (`sender.url`, not the
 * message's word). A page is hostile: without this, any page could report another store's product key and
 * overwrite its row and price history. Pure, for the background's productSpotted handler.
 */
import { withoutSecrets } from '../url';
import { SITE_MATCHES, siteForUrl } from './adapters/sites';
import type { DetectedProduct } from './types';

/** Sites recognised by their markup on any host (Shopify stores live on their own domains), and the fallback. */
const ANY_HOST_SITES: ReadonlySet<string> = new Set(['shopify', 'generic']);

/** Whether a site id is a named site adapter reported only from its own hosts (its URL patterns). */
export function isHostBoundSite(site: string): boolean {
  return Object.hasOwn(SITE_MATCHES, site) && !ANY_HOST_SITES.has(site);
}

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/**
 * Whether `canonical` may stand for a product seen on `page`: the same host (give or take "www."), or, for a
 * named site, another of that site's own product hosts ("detail.m.tmall.com" → "detail.tmall.com"). A shared
 * platform's neighbour ("evil.bigcartel.com" naming "alice.bigcartel.com") is another host: refused.
 */
export function canonicalAllowed(canonical: string, page: string, site: string): boolean {
  let c: URL;
  let p: URL;
  try {
    c = new URL(canonical);
    p = new URL(page);
  } catch {
    return false;
  }
  if (bareHost(c.hostname) === bareHost(p.hostname)) return true;
  return isHostBoundSite(site) && siteForUrl(c.href) === site;
}

export type BoundReport =
  | { ok: true; product: DetectedProduct; pageUrl: string }
  | { ok: false; reason: string };

/**
 * The report as it may be stored: its page URL on the sender's own origin and without secrets, a named site
 * only from that site's hosts, a canonical URL the page may claim (else the page's own URL), both stripped of
 * secrets (core/url.ts withoutSecrets).
 */
export function bindProductToSender(
  product: DetectedProduct,
  pageUrl: string,
  senderUrl: string | undefined,
): BoundReport {
  const sender = senderUrl ? withoutSecrets(senderUrl) : null;
  const page = withoutSecrets(pageUrl);
  if (!sender || !page) return { ok: false, reason: 'no http(s) page behind the report' };
  if (new URL(page).origin !== new URL(sender).origin)
    return { ok: false, reason: 'the report names another page than its sender' };
  if (isHostBoundSite(product.site)) {
    if (siteForUrl(sender) !== product.site)
      return { ok: false, reason: `a ${product.site} product reported from another site` };
  } else if (!ANY_HOST_SITES.has(product.site)) {
    return { ok: false, reason: 'unknown site' };
  }
  const claimed = withoutSecrets(product.canonicalUrl);
  const canonicalUrl = claimed && canonicalAllowed(claimed, page, product.site) ? claimed : page;
  return { ok: true, product: { ...product, canonicalUrl }, pageUrl: page };
}
