/**
 * The ways a request reaches a source, generic over sources: everything source-specific (the origin a helper tab
 * is kept on, the page library a site carries, the sites requests may go to, the token cookie) comes from the
 * source's definition (core/sources/definition.ts). A transport rejects with a TransportError when it cannot
 * carry the request; the provider turns that into a typed error state.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { browser } from 'wxt/browser';
import type { PageDataReader, PageLibraryCall, SourceDefinition } from '../../../core/sources/definition';
import {
  pageData as checkedPageData,
  libraryAnswer,
  pageAnswer,
  pageToken,
} from '../../../core/sources/page-answer';
import {
  type GatewayRequest,
  type GatewayResponse,
  requestBody,
  requestFormData,
  requestUrl,
  type TokenStore,
  type Transport,
  TransportError,
} from '../../../core/sources/provider';
import { untilAborted } from './abortable';
import { originTab, originTabAt, runInMainWorld, showInTab } from './origin-tab';

/** How long a site's own request library may take before the next tab (or route) is tried. */
const PAGE_LIBRARY_TIMEOUT_MS = 10_000;
/**
 * A fetch inside a page cannot see the caller's signal: it ends itself after this long, so a request the
 * caller gave up on (its deadline is shorter) does not stay open in the helper tab.
 */
const IN_PAGE_FETCH_LIMIT_MS = 120_000;

/** Whether `url` is on one of a source's sites (its match patterns): the only places its requests may go. */
export function onSites(sites: readonly string[], url: string): boolean {
  return sites.some((pattern) => new MatchPattern(pattern).includes(url));
}

/** For sources whose requests are not signed, and pages a person would see. */
export const NO_TOKENS: TokenStore = { getToken: async () => null };

/**
 * Serialised into a source's own page: a plain same-origin fetch with the user's cookies. A multipart body is
 * built here from plain fields (a FormData cannot cross into the page), and the browser writes its boundary.
 * A redirect to another origin (the login site) fails as a CORS error; asked again without following
 * redirects it shows up as an opaque redirect, which is reported as such instead of as a broken network.
 */
async function pageFetch(
  url: string,
  method: string,
  body: string | null,
  multipart: Record<string, string> | null,
  headers: Record<string, string>,
  limitMs: number,
) {
  let payload: BodyInit | undefined;
  if (multipart) {
    const fd = new FormData();
    for (const [name, value] of Object.entries(multipart)) fd.append(name, value);
    payload = fd;
  } else if (body !== null) payload = body;
  const init: RequestInit = {
    method,
    body: payload,
    credentials: 'include',
    headers: body !== null ? { 'content-type': 'application/x-www-form-urlencoded', ...headers } : headers,
    signal: AbortSignal.timeout(limitMs),
  };
  try {
    const r = await fetch(url, init);
    return { status: r.status, finalUrl: r.url, text: await r.text(), awayRedirect: false };
  } catch (err) {
    const probe = await fetch(url, { ...init, redirect: 'manual' }).catch(() => null);
    if (probe?.type === 'opaqueredirect') return { status: 0, finalUrl: url, text: '', awayRedirect: true };
    throw err;
  }
}

/**
 * A request from the page world of the inactive helper tab on `origin` (https://host/): first-party and
 * same-origin, with the person's own session. Only requests to that origin are sent.
 */
export function originTabTransport(origin: string): Transport {
  return {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const url = requestUrl(req);
      if (!url.startsWith(origin))
        throw new TransportError('unreachable', `the ${origin} tab only sends to its own origin`);
      const tabId = await untilAborted(originTab(origin), signal);
      // Checked for type and size: the page's own scripts may have replaced fetch (page-answer.ts).
      const res = await untilAborted(
        runInMainWorld(tabId, pageFetch, [
          url,
          req.method,
          requestBody(req) ?? null,
          req.multipart ?? null,
          req.headers ?? {},
          IN_PAGE_FETCH_LIMIT_MS,
        ]).then(pageAnswer),
        signal,
      );
      if (res.awayRedirect)
        throw new TransportError('away-redirect', 'redirected to another site of the source');
      return { status: res.status, finalUrl: res.finalUrl, text: res.text };
    },
  };
}

/**
 * The site's own request library, in a tab of the source the person already has open (`tabs` match patterns;
 * the helper tab on `skipOrigin` has no such library). The first page that answers serves the request.
 */
export function pageLibraryTransport(route: {
  tabs: readonly string[];
  skipOrigin?: string;
  call: PageLibraryCall;
}): Transport {
  return {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const tabs = await browser.tabs.query({ url: [...route.tabs] });
      // The library is the page's own: what it gives back is checked (page-answer.ts); a page whose answer is
      // not one is passed over, and said so when no other page answers.
      let refused: TransportError | null = null;
      for (const tab of tabs) {
        if (tab.id === undefined || (route.skipOrigin && tab.url?.startsWith(route.skipOrigin))) continue;
        const raw = await untilAborted(
          runInMainWorld(tab.id, route.call, [req, PAGE_LIBRARY_TIMEOUT_MS]).catch(() => null),
          signal,
        );
        try {
          const answer = libraryAnswer(raw);
          if (answer) return answer;
        } catch (err) {
          refused = err as TransportError;
        }
      }
      throw (
        refused ?? new TransportError('unreachable', 'no open page of the source with its request library')
      );
    },
  };
}

/** Serialised into a loaded page (isolated world): what the page became after redirects, and its markup. */
function pageSnapshot() {
  return { finalUrl: location.href, text: document.documentElement.outerHTML };
}

/** The one kind of request the page transports carry: a GET of a page on the source's sites. */
function pageUrl(req: GatewayRequest, sites: readonly string[]): string {
  const url = requestUrl(req);
  if (req.method !== 'GET' || req.expect !== 'page' || !onSites(sites, url))
    throw new TransportError('unreachable', "the page tabs only load the source's own pages");
  return url;
}

async function snapshot(tabId: number, signal?: AbortSignal): Promise<{ finalUrl: string; text: string }> {
  const [result] = await untilAborted(
    browser.scripting.executeScript({ target: { tabId }, func: pageSnapshot }),
    signal,
  );
  if (!result?.result) throw new TransportError('unreachable', 'the page could not be read');
  // Our own function, but the page decides how large its markup is.
  const { finalUrl, text } = pageAnswer({ status: 200, ...(result.result as object) });
  return { finalUrl, text };
}

/**
 * A page of the source fetched from the page world of the helper tab kept on that page's origin — same-origin,
 * with the person's cookies, and no tab opened or closed per page. The first page of a session opens that
 * helper tab at the page itself; it is then read as the tab shows it.
 */
export function sameOriginPageTransport(sites: readonly string[]): Transport {
  return {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const url = pageUrl(req, sites);
      const origin = `${new URL(url).origin}/`;
      const { tabId, opened } = await untilAborted(originTabAt(origin, url), signal);
      // A status is not visible from a shown page; walls and delisted pages are recognised by address and markup.
      if (opened) return { status: 200, ...(await snapshot(tabId, signal)) };
      const res = await untilAborted(
        runInMainWorld(tabId, pageFetch, [url, 'GET', null, null, {}, IN_PAGE_FETCH_LIMIT_MS]).then(
          pageAnswer,
        ),
        signal,
      );
      if (res.awayRedirect)
        throw new TransportError('away-redirect', 'redirected to another site of the source');
      return { status: res.status, finalUrl: res.finalUrl, text: res.text };
    },
  };
}

/**
 * A page of the source shown in the helper tab on its origin and read after its scripts ran: its markup, and its
 * data object when the source says how to read it. For pages whose fetched HTML does not carry their data.
 */
export function renderedPageTransport(sites: readonly string[], readData?: PageDataReader): Transport {
  return {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const url = pageUrl(req, sites);
      const origin = `${new URL(url).origin}/`;
      const { tabId, opened } = await untilAborted(originTabAt(origin, url), signal);
      if (!opened) await untilAborted(showInTab(tabId, url), signal);
      const page = await snapshot(tabId, signal);
      // Plain JSON data of bounded size, or nothing (page-answer.ts).
      const pageData = readData
        ? await untilAborted(runInMainWorld(tabId, readData, []).then(checkedPageData), signal).catch(
            () => null,
          )
        : null;
      return { status: 200, ...page, ...(pageData ? { pageData } : {}) };
    },
  };
}

/**
 * The request straight from the service worker: no tab at all. It carries the person's cookies for the source
 * (the extension has host access to its sites), but an extension origin and no page Referer — which a real site
 * may refuse; when it cannot be sent at all the route chain goes on to the next route.
 */
export function directTransport(sites: readonly string[]): Transport {
  return {
    async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
      const url = requestUrl(req);
      if (!onSites(sites, url))
        throw new TransportError('unreachable', "direct requests go to the source's sites only");
      const body = requestBody(req);
      const r = await fetch(url, {
        method: req.method,
        body: requestFormData(req) ?? body,
        credentials: 'include',
        headers: body ? { 'content-type': 'application/x-www-form-urlencoded', ...req.headers } : req.headers,
        signal,
      });
      // A redirect to another site (a login page) is followed by fetch; its address tells the provider.
      return { status: r.status, finalUrl: r.url, text: await r.text() };
    },
  };
}

/** Serialised into a page of the token's origin: one cookie by name (page script may read the token cookie). */
function pageCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    const value = eq > 0 && part.slice(0, eq).trim() === name ? part.slice(eq + 1).trim() : '';
    if (value) return decodeURIComponent(value);
  }
  return null;
}

/** The signing token read by page script in the helper tab on the token's origin. */
export function pageCookieTokens(token: NonNullable<SourceDefinition['token']>): TokenStore {
  return {
    async getToken() {
      const tabId = await originTab(token.origin);
      return pageToken(await runInMainWorld(tabId, pageCookie, [token.cookie]));
    },
  };
}

/** The signing token from the browser's cookie jar (needs the optional `cookies` permission). */
export function cookieJarTokens(token: NonNullable<SourceDefinition['token']>): TokenStore {
  return {
    async getToken() {
      const cookie = await browser.cookies.get({ url: token.origin, name: token.cookie });
      return cookie?.value ? decodeURIComponent(cookie.value) : null;
    },
  };
}
