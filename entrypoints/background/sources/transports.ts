import { browser } from 'wxt/browser';
import type { GatewayRequest, GatewayResponse, TokenStore, Transport } from '../../../core/sources/provider';
import { requestBody, requestFormData, requestUrl } from '../../../core/sources/provider';
import type { SearchVia } from '../../../messaging/search';
import { GATEWAY_ORIGIN, gatewayTab, originTab, runInMainWorld, waitForComplete } from './gateway-tab';

export type TransportId = Exclude<SearchVia, 'cache'>;

/** Any 1688 host over https: the only place the page tab and direct requests may go. */
const ON_1688 = /^https:\/\/[a-z0-9.-]+\.1688\.com\//;

/** For requests that are not signed (Alibaba.com, pages a person would see). */
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

/** The marker a transport failure carries when the source sent the request to another site (login or a check). */
export const AWAY_REDIRECT = 'redirected to another site of the source';

/** Serialised into the gateway page: the `_m_h5_tk` cookie, which page script may read. */
function pageToken(): string | null {
  const m = /(?:^|;\s*)_m_h5_tk=([^;]*)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/**
 * A request from the MAIN world of the inactive helper tab on `origin` (https://host/): first-party and
 * same-origin, with the person's own session. Only requests to that origin are sent.
 */
export function originTabTransport(origin: string): Transport {
  return {
    async request(req: GatewayRequest): Promise<GatewayResponse> {
      const url = requestUrl(req);
      if (!url.startsWith(origin)) throw new Error(`the ${origin} tab only sends to its own origin`);
      const tabId = await originTab(origin);
      const res = await runInMainWorld(tabId, pageFetch, [
        url,
        req.method,
        requestBody(req) ?? null,
        req.multipart ?? null,
        req.headers ?? {},
      ]);
      if (res.awayRedirect) throw new Error(AWAY_REDIRECT);
      return { status: res.status, finalUrl: res.finalUrl, text: res.text };
    },
  };
}

/** (1) A signed request from the MAIN world of the inactive 1688 gateway tab. */
export const gatewayTabTransport: Transport = originTabTransport(GATEWAY_ORIGIN);

export const gatewayTabTokens: TokenStore = {
  async getToken() {
    const tabId = await gatewayTab();
    return runInMainWorld(tabId, pageToken, []);
  },
};

/**
 * Serialised into a 1688 page the user has open: the page's own `lib.mtop.request`, which signs by itself. Its
 * promise can hang, so it races a timeout. Both outcomes come back as the gateway's JSON text.
 */
function pageMtop(api: string, v: string, data: string, timeoutMs: number) {
  const lib = (window as unknown as { lib?: { mtop?: { request?: (o: unknown) => Promise<unknown> } } }).lib;
  const request = lib?.mtop?.request;
  if (typeof request !== 'function') return Promise.resolve(null);
  const call = request({
    api,
    v,
    data: JSON.parse(data),
    type: 'GET',
    dataType: 'json',
    timeout: timeoutMs,
    ecode: 0,
  }).then(
    (ok) => ({ status: 200, finalUrl: location.href, text: JSON.stringify(ok) }),
    (failed) => ({ status: 200, finalUrl: location.href, text: JSON.stringify(failed) }),
  );
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([call, timeout]);
}

/** (2) The page's own mtop library in a 1688 tab the user already has open. */
export const pageMtopTransport: Transport = {
  async request(req: GatewayRequest): Promise<GatewayResponse> {
    const params = { ...req.query, ...(req.form ?? {}) };
    const { api, v, data } = params;
    if (!api || !v || !data) throw new Error('not a gateway call');
    const tabs = await browser.tabs.query({ url: ['https://*.1688.com/*'] });
    for (const tab of tabs) {
      if (tab.id === undefined || tab.url?.startsWith(GATEWAY_ORIGIN)) continue;
      const answer = await runInMainWorld(tab.id, pageMtop, [api, v, data, 10_000]).catch(() => null);
      if (answer) return answer;
    }
    throw new Error('no open 1688 page with its request library');
  },
};

/** Serialised into a loaded page (isolated world): what the page became after redirects, and its markup. */
function pageSnapshot() {
  return { finalUrl: location.href, text: document.documentElement.outerHTML };
}

/**
 * A person-facing page (an offer page) read the way a person would see it: loaded in an inactive tab with
 * the user's own session, its markup read once it has loaded, the tab closed again. Only GETs of 1688 pages.
 */
export const pageTabTransport: Transport = {
  async request(req: GatewayRequest): Promise<GatewayResponse> {
    const url = requestUrl(req);
    if (req.method !== 'GET' || req.expect !== 'page' || !ON_1688.test(url))
      throw new Error('the page tab only loads 1688 pages');
    const tab = await browser.tabs.create({ url, active: false });
    if (tab.id === undefined) throw new Error('could not open the offer page');
    try {
      await waitForComplete(tab.id, 'the offer page');
      const [result] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        func: pageSnapshot,
      });
      const snap = result?.result as { finalUrl: string; text: string } | undefined;
      if (!snap) throw new Error('the offer page could not be read');
      // A status is not visible from the page; walls and delisted pages are recognised by address and markup.
      return { status: 200, finalUrl: snap.finalUrl, text: snap.text };
    } finally {
      await browser.tabs.remove(tab.id).catch(() => {});
    }
  },
};

/**
 * (0, behind a setting) The request straight from the service worker: no tab at all. It carries the person's
 * 1688 cookies (the extension has host access to 1688), but an extension origin and no page Referer — which the
 * real gateway may refuse; when it cannot be sent at all the chain goes on to the gateway tab.
 */
export const directTransport: Transport = {
  async request(req: GatewayRequest, signal?: AbortSignal): Promise<GatewayResponse> {
    const url = requestUrl(req);
    if (!ON_1688.test(url)) throw new Error('direct requests go to 1688 only');
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

/** The signing token from the browser's cookie jar (needs the optional `cookies` permission). */
export const cookieTokens: TokenStore = {
  async getToken() {
    const cookie = await browser.cookies.get({ url: GATEWAY_ORIGIN, name: '_m_h5_tk' });
    return cookie?.value ? decodeURIComponent(cookie.value) : null;
  },
};
