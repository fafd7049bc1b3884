/** Person-facing 1688 addresses. Every URL built or passed on here is https. */
import { httpsUrl } from '../../url';
import type { ContactOffer } from '../definition';
import type { SortOrder } from '../provider';
import { offerIdOf } from '../util';
import { gbkPercentEncode } from './gbk';
import { SORT_TYPES } from './params';

/** The H5 gateway's host: searches, image search and suggestions are calls to it. */
export const GATEWAY_HOST = 'h5api.m.1688.com';
/**
 * The gateway's own origin, the page the helper tab keeps open: it answers without a login redirect, unlike
 * www/s.1688.com (seen in public clients that open it for the same reason).
 */
export const GATEWAY_ORIGIN = `https://${GATEWAY_HOST}/`;
/** Offer detail pages. */
export const DETAIL_HOST = 'detail.1688.com';
/** Every 1688 site over https: where requests and helper tabs may go (also the manifest's host permission). */
export const SITES_1688 = ['https://*.1688.com/*'] as const;
export const HOME_URL = 'https://www.1688.com/';
export const LOGIN_URL = 'https://login.1688.com/member/signin.htm';

export function detailUrl(offerId: string): string | null {
  const id = offerIdOf(offerId);
  return id ? `https://${DETAIL_HOST}/offer/${id}.html` : null;
}

/** The offer id in a 1688 detail URL (`/offer/<id>.html`, also m.1688.com `offerId=`), or null. */
export function offerIdFromUrl(url: string): string | null {
  const m = /\/offer\/(\d{5,20})\.html/.exec(url) ?? /[?&]offerId=(\d{5,20})\b/.exec(url);
  return m?.[1] ?? null;
}

/** `https://s.1688.com/selloffer/offer_search.htm?keywords=<GBK>`: the results page a person sees. */
export function searchPageUrl(keywords: string, sort: SortOrder = 'relevance'): string {
  const enc = gbkPercentEncode(keywords.trim()) ?? encodeURIComponent(keywords.trim());
  // The page takes the gateway's sortType values (params.ts); relevance has none.
  const sortType = SORT_TYPES[sort];
  return `https://s.1688.com/selloffer/offer_search.htm?keywords=${enc}${sortType ? `&sortType=${sortType}` : ''}`;
}

/** The image-search results page (air.1688.com); with an uploaded image id when there is one. */
export function imageSearchPageUrl(imageId?: string | null): string {
  const base = 'https://air.1688.com/kapp/1688-search/pc-image-search/?tab=imageSearch';
  if (imageId && /^[0-9A-Za-z_-]{1,64}$/.test(imageId) && imageId !== '0') {
    return `${base}&imageId=${imageId}&imageIdList=${imageId}`;
  }
  return base;
}

const TRUSTED_HOST =
  /(^|\.)(1688\.com|taobao\.com|tmall\.com|alibaba\.com|alicdn\.com|alibaba-inc\.com|aliexpress\.com)$/i;

/**
 * The page a person opens to pass a check: the wall's own URL when the answer gave one on an Alibaba host
 * (upgraded to https), else the person-facing search page for `keywords`, else the 1688 home page.
 */
export function verifyUrl(wallUrl?: unknown, keywords?: string | null): string {
  const u = httpsUrl(wallUrl);
  if (u) {
    try {
      if (TRUSTED_HOST.test(new URL(u).hostname)) return u;
    } catch {
      // fall through
    }
  }
  if (keywords?.trim()) return searchPageUrl(keywords);
  return HOME_URL;
}

/** A login page URL from a redirect, kept only when it is https on a known login host. */
export function loginUrl(redirected?: string | null): string {
  const u = httpsUrl(redirected);
  if (u && /^(login\.1688\.com|login\.taobao\.com|passport\.1688\.com)$/i.test(new URL(u).hostname)) return u;
  return LOGIN_URL;
}

/**
 * The seller's 旺旺 web chat (阿里旺旺 on 1688's own site, air.1688.com: inside SITES_1688). The page the offer
 * page's own 旺旺 button opens, addressed as public clients address it: `touid=cnalichn<loginId>`,
 * `siteid=cnalichn`, and the offer for the chat's product card. Evidence: XuJiazhen/1688-cli
 * `src/session/supplier-inquiry-actions.ts` (`buildSupplierConversationUrl`, the loginId read from the offer page),
 * and further public scripts and notes opening the same page with `touid=cnalichn<loginId>` (README: facts and
 * guesses; tests/fixtures/1688/PROVENANCE.md).
 */
export const CONTACT_PAGE_URL =
  'https://air.1688.com/app/ocms-fusion-components-1688/def_cbu_web_im/index.html';

/** A seller's loginId as the chat takes it: trimmed, 1–100 characters, no control characters; else null. */
function chatLoginId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an id with control characters is not an id.
  if (!t || t.length > 100 || /[\u0000-\u001f\u007f-\u009f]/.test(t)) return null;
  return t;
}

/**
 * The seller's chat for an offer, or null without the seller's loginId: no public client opens the chat by
 * memberId, so an offer known only by memberId opens its own page (whose 旺旺 button the person can press).
 */
export function contactUrl(offer: ContactOffer): string | null {
  const loginId = chatLoginId(offer.supplier.loginId);
  if (!loginId) return null;
  const offerId = offerIdOf(offer.offerId) ?? offerIdFromUrl(offer.url);
  const touid = encodeURIComponent(`cnalichn${loginId}`);
  // The page routes by its hash (`#/`), as every public link to it ends.
  return `${CONTACT_PAGE_URL}?touid=${touid}&siteid=cnalichn&status=1${offerId ? `&offerId=${offerId}` : ''}#/`;
}
