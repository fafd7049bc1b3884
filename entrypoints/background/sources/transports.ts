/**
 * The ways a request reaches a source, generic over sources: everything source-specific (the origin a helper tab
 * is kept on, the page library a site carries, the sites requests may go to, the token cookie) comes from the
 * source's definition (core/sources/definition.ts). A transport rejects with a TransportError when it cannot
 * carry the request; the provider turns that into a typed error state.
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { browser } from 'wxt/browser';
import type { PageLibraryCall, SourceDefinition } from '../../../core/sources/definition';
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
import { originTab, runInMainWorld, waitForComplete } from './origin-tab';

/** How long a site's own request library may take before the next tab (or route) is tried. */
const PAGE_LIBRARY_TIMEOUT_MS = 10_000;

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
    async request(req: GatewayRequest): Promise<GatewayResponse> {
      const url = requestUrl(req);
      if (!url.startsWith(origin))
        throw new TransportError('unreachable', `the ${origin} tab only sends to its own origin`);
      const tabId = await originTab(origin);
      const res = await runInMainWorld(tabId, pageFetch, [
        url,
        req.method,
        requestBody(req) ?? null,
        req.multipart ?? null,
        req.headers ?? {},
      ]);
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
    async request(req: GatewayRequest): Promise<GatewayResponse> {
      const tabs = await browser.tabs.query({ url: [...route.tabs] });
      for (const tab of tabs) {
        if (tab.id === undefined || (route.skipOrigin && tab.url?.startsWith(route.skipOrigin))) continue;
        const answer = await runInMainWorld(tab.id, route.call, [req, PAGE_LIBRARY_TIMEOUT_MS]).catch(
          () => null,
        );
        if (answer) return answer;
      }
      throw new TransportError('unreachable', 'no open page of the source with its request library');
    },
  };
}

/** Serialised into a loaded page (isolated world): what the page became after redirects, and its markup. */
function pageSnapshot() {
  return { finalUrl: location.href, text: document.documentElement.outerHTML };
}

/**
 * A person-facing page (an offer page) read the way a person would see it: loaded in an inactive tab with the
 * user's own session, its markup read once it has loaded, the tab closed again. Only GETs of the source's sites.
 */
export function pageTabTransport(sites: readonly string[]): Transport {
  return {
    async request(req: GatewayRequest): Promise<GatewayResponse> {
      const url = requestUrl(req);
      if (req.method !== 'GET' || req.expect !== 'page' || !onSites(sites, url))
        throw new TransportError('unreachable', "the page tab only loads the source's own pages");
      const tab = await browser.tabs.create({ url, active: false });
      if (tab.id === undefined) throw new TransportError('unreachable', 'could not open the page');
      try {
        await waitForComplete(tab.id, 'the offer page');
        const [result] = await browser.scripting.executeScript({
          target: { tabId: tab.id },
          func: pageSnapshot,
        });
        const snap = result?.result as { finalUrl: string; text: string } | undefined;
        if (!snap) throw new TransportError('unreachable', 'the page could not be read');
        // A status is not visible from the page; walls and delisted pages are recognised by address and markup.
        return { status: 200, finalUrl: snap.finalUrl, text: snap.text };
      } finally {
        await browser.tabs.remove(tab.id).catch(() => {});
      }
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
      return runInMainWorld(tabId, pageCookie, [token.cookie]);
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
