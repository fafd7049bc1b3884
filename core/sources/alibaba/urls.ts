/**
 * Alibaba.com addresses: the person-facing pages, the search endpoints SourceLens calls, and the canonical
 * product URL. Every URL built or passed on here is https.
 *
 * Test URLs:
 *   https://www.alibaba.com/trade/search?SearchText=led%20lamp
 *   https://www.alibaba.com/product-detail/LED-Lamp_1600123456789.html
 *   https://www.alibaba.com/search/api/imageTextSearchRegions
 *   https://www.alibaba.com/search/api/imageTextSearch
 *   https://open-s.alibaba.com/openservice/associationSuggestionViewService?keywords=led
 */
import { httpsUrl } from '../../url';
import type { ContactOffer } from '../definition';
import { offerIdOf } from '../util';

/** The one Alibaba.com host SourceLens talks to: searches, image search and the helper tab. */
export const SEARCH_HOST = 'www.alibaba.com';
export const SEARCH_ORIGIN = `https://${SEARCH_HOST}/`;
/** Where requests and the helper tab may go (also the manifest's host permission): the www host only. */
export const SITES_ALIBABA = [`https://${SEARCH_HOST}/*`] as const;
/** The keyword result page (HTML with the `_offer_list` data in a script). */
export const SEARCH_PAGE_URL = `${SEARCH_ORIGIN}trade/search`;
/** Image search step 1: multipart upload, answers the image's path and detected regions. */
export const IMAGE_UPLOAD_URL = `${SEARCH_ORIGIN}search/api/imageTextSearchRegions`;
/** Image search step 2: offers for an uploaded image. */
export const IMAGE_SEARCH_URL = `${SEARCH_ORIGIN}search/api/imageTextSearch`;
/** Where a person signs in: the buyer login page public clients were sent to (also `passport.alibaba.com/icbu_login.htm`). */
export const LOGIN_URL = 'https://login.alibaba.com/newlogin/icbuLogin.htm';
/**
 * Keyword suggestions: a JSON gateway on its own host that the site's search box calls (one public client,
 * validated 2026-09). Outside SITES_ALIBABA: reaching it needs `SUGGEST_SITE` among the source's sites.
 */
export const SUGGEST_HOST = 'open-s.alibaba.com';
export const SUGGEST_URL = `https://${SUGGEST_HOST}/openservice/associationSuggestionViewService`;
export const SUGGEST_SITE = `https://${SUGGEST_HOST}/*`;
/** Where a product page that no longer exists is sent. */
export const ERROR_HOST_RE = /^error\.alibaba\.com$/i;

export const ALIBABA_HOST_RE = /(^|\.)alibaba\.com$/i;
export const LOGIN_HOST_RE = /^(login\.alibaba\.com|passport\.alibaba\.com)$/i;

/** `https://www.alibaba.com/trade/search?SearchText=<utf-8>`: the results page a person sees. */
export function searchPageUrl(keywords: string): string {
  return `${SEARCH_PAGE_URL}?SearchText=${encodeURIComponent(keywords.trim())}`;
}

function isAlibabaHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && ALIBABA_HOST_RE.test(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The page a person opens to pass a check: the wall's own URL when the answer gave one on an alibaba.com host
 * (upgraded to https), else the search page for `keywords`, else the home page.
 */
export function verifyUrl(wallUrl?: unknown, keywords?: string | null): string {
  const u = httpsUrl(wallUrl);
  if (u && isAlibabaHttps(u)) return u;
  if (keywords?.trim()) return searchPageUrl(keywords);
  return SEARCH_ORIGIN;
}

/** A login page URL from a redirect, kept only when it is https on a known login host. */
export function loginUrl(redirected?: string | null): string {
  const u = httpsUrl(redirected);
  if (u && LOGIN_HOST_RE.test(new URL(u).hostname)) return u;
  return LOGIN_URL;
}

const PRODUCT_PATH_RE = /^\/product-detail\/(?:[^/]*_)?(\d{5,20})\.html$/;

/** The product id in an Alibaba.com product URL (`/product-detail/<slug>_<id>.html`), or null. */
export function productIdFromUrl(url: unknown): string | null {
  const u = httpsUrl(url);
  if (!u) return null;
  const parsed = new URL(u);
  if (!ALIBABA_HOST_RE.test(parsed.hostname)) return null;
  return PRODUCT_PATH_RE.exec(parsed.pathname)?.[1] ?? null;
}

/**
 * The canonical product URL: an alibaba.com `/product-detail/…_<id>.html` address as given, without its query
 * (only tracking: `spm`, `s`, …) or fragment. Anything else — another host, a click redirect, `javascript:` —
 * gives way to `/product-detail/_<id>.html` built from the id (the slug is decoration; that the site resolves
 * an empty slug is a guess), or null without an id.
 */
export function productUrl(raw: unknown, productId: string | null): string | null {
  const u = httpsUrl(raw);
  if (u) {
    const parsed = new URL(u);
    const m = PRODUCT_PATH_RE.exec(parsed.pathname);
    if (ALIBABA_HOST_RE.test(parsed.hostname) && m && (productId === null || m[1] === productId)) {
      return `https://${parsed.hostname.toLowerCase()}${parsed.pathname}`;
    }
  }
  return productId ? `${SEARCH_ORIGIN}product-detail/_${productId}.html` : null;
}

/**
 * The "Contact Supplier" form for a product: the message page the site's own "Contact supplier" buttons link,
 * `action=contact_action&chkProductIds=<product id>` (seen in saved Alibaba.com result pages and scraped result
 * data in public repositories, and built the same way by public tools; becorelab/becorelab-tools
 * `_setup/alibaba_notes.md` notes the form is how a first message reaches a new supplier). Its host is not in
 * SITES_ALIBABA: it is only opened in a normal tab for the person, which needs no host permission.
 */
export const CONTACT_PAGE_URL = 'https://message.alibaba.com/msgsend/contact.htm';

/** The contact form for an offer's product, or null without a product id. */
export function contactUrl(offer: ContactOffer): string | null {
  const id = offerIdOf(offer.offerId) ?? productIdFromUrl(offer.url);
  return id ? `${CONTACT_PAGE_URL}?action=contact_action&chkProductIds=${encodeURIComponent(id)}` : null;
}
