/**
 * The 1688 hosts SourceLens talks to, speaking the protocol documented in shared/data/1688/PROTOCOL.md (the research notes kept beside this repository)
 * (mounted by ../server.ts, which routes requests here by host):
 *
 * - h5api.m.1688.com  `/` small HTML page (the page the extension's transport opens);
 *                     `/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/` the MTOP gateway (GET `data=`
 *                     JSON, POST form JSONP): `_m_h5_tk` handshake, sign check (a wrong sign answers
 *                     FAIL_SYS_ILLEGAL_ACCESS), keyword search with paging and pageId, suggestions (appId 39799),
 *                     image upload (JPEG only) + image search. Results are sorted by the `sortType` sent
 *                     (`va_price_asc`, `va_price_desc`, `va_rmdarkgmv30`); no sortType, `normal` or any unknown
 *                     value answers relevance order, so a wrong name shows as unsorted prices. `quantityBegin` and
 *                     `province` filter; a dropshipping filter is not honoured (no public client knows its name).
 * - detail.1688.com   `/offer/<id>.html`: last digit 2 or 6 → current `window.context` page with `skuInfoMap`;
 *                     0, 4 or 8 → current page without it (SKUs, ranges and MOQ only in `finalPriceModel`,
 *                     `offerSign.isOnePsale`, `shopInfo` / `pieceWeightScale` as JSON text); odd → `__INIT_DATA`.
 *                     833454967766 / 597090034012 serve the fixture pages; 100000000001 is delisted (page text),
 *                     100000000002 redirects to page.1688.com/shtml/static/wrongpage.html; SCRIPTED_PAGE_ID
 *                     (100000000006) has no page data in its HTML: an inline script builds `window.context`.
 * - s.1688.com        `/selloffer/offer_search.htm?keywords=<GBK>[&sortType=…]` result page with offer cards.
 * - air.1688.com      `/kapp/1688-search/pc-image-search/?imageId=` image result page; the 旺旺 chat page
 *                     (`/app/ocms-fusion-components-1688/def_cbu_web_im/index.html`) as a small page (../contact.ts).
 * - login.1688.com / passport.1688.com / login.taobao.com, page.1688.com, www.1688.com: small pages.
 *
 * Walls: the kind the server passes in (`setWall`, header `X-Mock-Wall`, query `__wall`). `changed` answers every
 * call the provider reads well-formed but renamed: search answers hold `data.data.OFFERS2`, the upload answer
 * `data.picId`, suggestions `data.result[].word`, offer pages assign `window.offerContext`.
 * Faults beyond the shared wall kinds (`setFault`): `flowlimit` — the gateway answers FAIL_SYS_FLOWLIMIT and
 * pages the busy page (系统正忙); `deny` — the gateway answers RGV587 whose check page says `action=deny`, pages
 * redirect to that deny page (访问被拒绝). `setImageNotReady(true)`: the first search for each uploaded image
 * answers an empty placeholder, as the page's own pre-result can.
 *
 * Cookies: `_m_h5_tk=<32hex>_<expiry ms>` and `_m_h5_tk_enc` with `Domain=.1688.com`, `Secure; SameSite=None` only
 * over TLS. Redirects use `https://` Locations (`redirectScheme: 'http'` for a plain-HTTP browser setup).
 * Invented (no public shape known): the HTML of the s.1688.com and air.1688.com result pages (`.offer-card
 * [data-offer-id]`, `.offer-title`, `.offer-price[data-price]`, `.offer-moq`, `.offer-sales`, `.offer-company`,
 * `.offer-location`, `img.offer-img`), the page at `/` on the gateway origin, 429 + `Retry-After: 60` as the
 * throttle answer, the image ids, and the page that builds its data by script.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import SparkMD5 from 'spark-md5';
import { gbkPercentDecode } from '../../../core/sources/1688/gbk';
import { sourceFixtures } from '../../support/fixtures';
import { CONTACT_PATHS, sendContactPage } from '../contact';
import { redirect, send } from '../http';
import { readBodyBytes } from '../multipart';
import type { MockRequest, RequestLogEntry, SourceMock, SourceMockOptions, WallKind } from '../types';
import {
  busyPage,
  contextPage,
  currentContextPage,
  delistedPage,
  denyPage,
  generatedOffer,
  h5RootPage,
  homePage,
  initDataPage,
  itemPrice,
  itemSales,
  loginPage,
  type MockOffer,
  punishPage,
  renamedContextPage,
  resultsPage,
  scriptedContextPage,
  sliderPage,
} from './pages';

export type { MockOffer } from './pages';

/** The hosts a browser maps onto this mock: the gateway, offer pages, the two result pages, sign-in. */
export const HOSTS_1688: readonly string[] = [
  'h5api.m.1688.com',
  'detail.1688.com',
  's.1688.com',
  'air.1688.com',
  'login.1688.com',
];

export const APP_KEY = '12574478';
export const DELISTED_ID = '100000000001';
export const WRONGPAGE_ID = '100000000002';
export const FIXTURE_CONTEXT_ID = '833454967766';
export const FIXTURE_INIT_DATA_ID = '597090034012';
/** An offer whose page has no page data in its HTML: an inline script builds `window.context` at run time. */
export const SCRIPTED_PAGE_ID = '100000000006';

/** Faults the 1688 mock puts up besides the shared wall kinds. */
export type Mock1688Fault = 'flowlimit' | 'deny';

/**
 * `sortType` → order, as 1688's own pages send it. Anything else (none, `normal`, an unknown name) keeps
 * relevance order.
 */
export function sortItems(list: MockOffer[], sortType: unknown): MockOffer[] {
  const byPrice = (dir: 1 | -1) => (a: MockOffer, b: MockOffer) => {
    const pa = itemPrice(a);
    const pb = itemPrice(b);
    if (Number.isNaN(pa) || Number.isNaN(pb)) return Number.isNaN(pa) ? (Number.isNaN(pb) ? 0 : 1) : -1;
    return (pa - pb) * dir;
  };
  switch (sortType) {
    case 'va_price_asc':
      return [...list].sort(byPrice(1));
    case 'va_price_desc':
      return [...list].sort(byPrice(-1));
    case 'va_rmdarkgmv30':
      return [...list].sort((a, b) => itemSales(b) - itemSales(a));
    default:
      return list;
  }
}

export interface Mock1688Options extends Partial<SourceMockOptions> {
  /** Token lifetime. Default 20 min. */
  tokenTtlMs?: number;
  /** Results a keyword search reports in total. Default 150. */
  total?: number;
}

export interface Mock1688 extends SourceMock {
  /** Replace the catalogue every keyword / image search pages through (null: generated offers per keyword). */
  setOffers(offers: MockOffer[] | null): void;
  /** Make every issued token expire now (next gateway call answers FAIL_SYS_TOKEN_EXOIRED). */
  expireTokens(): void;
  /** Put up a 1688-only fault (FAIL_SYS_FLOWLIMIT, the deny page) for every request; null lifts it. */
  setFault(fault: Mock1688Fault | null): void;
  /** Answer the first search for each newly uploaded image with an empty placeholder ("not ready"). */
  setImageNotReady(on: boolean): void;
  /**
   * Reprice one offer's page: every price on it (tiers, SKUs, range) times `factor` (0.8 = 20 % cheaper), as a
   * supplier changing its price would; null restores it. Search answers keep the price they had.
   */
  setPriceFactor(offerId: string, factor: number | null): void;
  /** Forget tokens, page ids, images, the catalogue and faults. */
  reset(): void;
}

interface TokenInfo {
  expiresAt: number;
  enc: string;
}

const saved = sourceFixtures('1688');
const fixtureCache = new Map<string, string>();
function fixture(name: string): string {
  let text = fixtureCache.get(name);
  if (text === undefined) {
    text = saved.text(name);
    fixtureCache.set(name, text);
  }
  return text;
}

const md5 = (s: string) => SparkMD5.hash(s);

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

const GATEWAY_PATH = /^\/h5\/([^/]+)\/([^/]+)\/?$/;
const RECOMMEND_PATH = 'mtop.relationrecommend.wirelessrecommend.recommend';

export function createMock1688(opts: Mock1688Options = {}): Mock1688 {
  const now = opts.now ?? Date.now;
  const tokenTtl = opts.tokenTtlMs ?? 20 * 60_000;
  const total = opts.total ?? 150;
  const tokens = new Map<string, TokenInfo>();
  const pageIds = new Set<string>();
  const images = new Map<string, string>();
  /** Offers served in search answers, so their detail pages agree with the results. */
  const served = new Map<string, MockOffer>();
  let catalogue: MockOffer[] | null = null;
  let punishCounter = 0;
  let fault: Mock1688Fault | null = null;
  let imageNotReady = false;
  const priceFactors = new Map<string, number>();
  /** Images whose first search has been answered (with imageNotReady, the first one is a placeholder). */
  const searchedImages = new Set<string>();

  function offersFor(seed: string): MockOffer[] {
    if (catalogue) return catalogue;
    return Array.from({ length: total }, (_, i) => generatedOffer(seed, i));
  }

  function findOffer(id: string): MockOffer {
    const hit = catalogue?.find((o) => String(o.offerId) === id) ?? served.get(id);
    return repriced(hit ?? { ...generatedOffer(`offer-${id}`, 0), offerId: id });
  }

  /** The offer with a test's price factor applied to the prices its pages are built from. */
  function repriced(offer: MockOffer): MockOffer {
    const factor = priceFactors.get(String(offer.offerId));
    if (factor === undefined) return offer;
    const scale = (value: unknown) =>
      (Number.parseFloat(String(value).replace(/^[¥￥]/, '')) * factor).toFixed(2);
    const priceInfo = (offer.priceInfo ?? {}) as Record<string, unknown>;
    const addition = (offer.shopAddition ?? {}) as { quantityPrices?: Record<string, unknown>[] };
    return {
      ...offer,
      priceInfo: { ...priceInfo, price: scale(priceInfo.price) },
      shopAddition: {
        ...addition,
        quantityPrices: (addition.quantityPrices ?? []).map((q) => ({ ...q, value: scale(q.value) })),
      },
    };
  }

  function issueToken(req: IncomingMessage, res: ServerResponse, host: string): void {
    const token = randomBytes(16).toString('hex');
    const expiresAt = now() + tokenTtl;
    const enc = md5(`${token}:enc`);
    tokens.set(token, { expiresAt, enc });
    // Secure only over TLS: a plain-HTTP browser set-up would drop a Secure cookie.
    const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure; SameSite=None' : '';
    const domain = /(^|\.)1688\.com$/.test(host) ? '; Domain=.1688.com' : '';
    const expires = new Date(expiresAt).toUTCString();
    res.setHeader('Set-Cookie', [
      `_m_h5_tk=${token}_${expiresAt}; Path=/; Expires=${expires}${domain}${secure}`,
      `_m_h5_tk_enc=${enc}; Path=/; Expires=${expires}${domain}${secure}; HttpOnly`,
    ]);
  }

  /** HTTP-level walls (every host). Returns true when a wall answered. */
  function httpWall(
    kind: WallKind,
    res: ServerResponse,
    host: string,
    url: URL,
    sch: string,
    gateway: boolean,
  ): boolean {
    switch (kind) {
      case 'punish':
        punishCounter++;
        redirect(
          res,
          `${sch}://${host}${gateway ? url.pathname.replace(/\/$/, '') : ''}/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=1`,
        );
        return true;
      case 'slider':
        send(res, 200, 'text/html; charset=utf-8', sliderPage());
        return true;
      case 'login':
        redirect(
          res,
          `${sch}://login.1688.com/member/signin.htm?Done=${encodeURIComponent(`${sch}://${host}${url.pathname}`)}`,
        );
        return true;
      case 'throttled':
        send(res, 429, 'text/plain; charset=utf-8', '访问频繁，请稍后再试', { 'Retry-After': '60' });
        return true;
      case 'rgv587':
      case 'user-validate':
        if (gateway) return false;
        send(res, 200, 'text/html; charset=utf-8', sliderPage());
        return true;
      default:
        return false;
    }
  }

  function mtopAnswer(
    res: ServerResponse,
    q: URLSearchParams,
    api: string,
    v: string,
    ret: string,
    data: unknown,
    entry: RequestLogEntry,
  ): void {
    entry.ret = ret.split('::')[0];
    const body = JSON.stringify({ api, data, ret: [ret], v });
    if (q.get('dataType') === 'jsonp') {
      const cb = /^[\w$.]{1,64}$/.test(q.get('callback') ?? '')
        ? (q.get('callback') as string)
        : 'mtopjsonp1';
      send(res, 200, 'application/javascript; charset=utf-8', `${cb}(${body})`);
    } else {
      send(res, 200, 'application/json; charset=utf-8', body);
    }
  }

  function decodeKeywords(raw: string): string {
    // 1688's own page sends the GBK percent-encoded form inside the JSON; most clients send plain text.
    if (/%[0-9A-Fa-f]{2}/.test(raw) && /^[\x21-\x7e]+$/.test(raw)) return gbkPercentDecode(raw) ?? raw;
    return raw;
  }

  function page(list: MockOffer[], beginPage: number, size: number, pageId: string | null, seedKey: string) {
    const start = (beginPage - 1) * size;
    let slice = list.slice(start, start + size);
    if (beginPage === 1) {
      if (pageId) pageIds.add(`${seedKey}|${pageId}`);
    } else if (!pageId || !pageIds.has(`${seedKey}|${pageId}`)) {
      // A fresh pageId on page N answers near-duplicates of page 1 (about 75 % overlap), as the real one does.
      const first = list.slice(0, size);
      const keep = Math.ceil(first.length * 0.75);
      slice = [...first.slice(0, keep), ...slice.slice(0, Math.max(0, size - keep))];
    }
    for (const o of slice) served.set(String(o.offerId), o);
    return {
      items: slice.map((data) => ({ data })),
      hasMore: start + size < list.length,
      found: list.length,
    };
  }

  async function gateway(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    host: string,
    kind: WallKind | null,
    entry: RequestLogEntry,
  ): Promise<void> {
    const m = GATEWAY_PATH.exec(url.pathname);
    const q = url.searchParams;
    const api = q.get('api') ?? m?.[1] ?? '';
    const v = q.get('v') ?? m?.[2] ?? '';
    let form = new URLSearchParams();
    if (req.method === 'POST') form = new URLSearchParams(await readBody(req));
    if (!m || m[1]?.toLowerCase() !== RECOMMEND_PATH || m[2] !== '2.0') {
      mtopAnswer(res, q, api, v, 'FAIL_SYS_API_NOT_FOUNDED::API不存在', {}, entry);
      return;
    }
    const data = q.get('data') ?? form.get('data') ?? '';
    if (fault === 'flowlimit') {
      mtopAnswer(res, q, api, v, 'FAIL_SYS_FLOWLIMIT::哎哟喂，被挤爆啦，请稍后重试', {}, entry);
      return;
    }
    if (fault === 'deny') {
      punishCounter++;
      const denyUrl = `https://${host}:443//h5/${RECOMMEND_PATH}/2.0/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=2&action=deny`;
      mtopAnswer(res, q, api, v, 'RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试', { url: denyUrl }, entry);
      return;
    }
    if (kind === 'rgv587' || kind === 'user-validate') {
      punishCounter++;
      const punishUrl = `https://${host}:443//h5/${RECOMMEND_PATH}/2.0/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=1`;
      const ret =
        kind === 'rgv587'
          ? 'RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试'
          : 'FAIL_SYS_USER_VALIDATE::需要用户验证';
      mtopAnswer(res, q, api, v, ret, { url: punishUrl }, entry);
      return;
    }
    // Token handshake.
    const cookies = parseCookies(req.headers.cookie);
    const cookie = cookies._m_h5_tk;
    const token = cookie?.split('_')[0] ?? '';
    const info = token ? tokens.get(token) : undefined;
    if (!cookie || !token) {
      issueToken(req, res, host);
      mtopAnswer(res, q, api, v, 'FAIL_SYS_TOKEN_EMPTY::令牌为空', {}, entry);
      return;
    }
    if (!info || (cookies._m_h5_tk_enc !== undefined && cookies._m_h5_tk_enc !== info.enc)) {
      issueToken(req, res, host);
      mtopAnswer(res, q, api, v, 'FAIL_SYS_TOKEN_ILLEGAL::非法令牌', {}, entry);
      return;
    }
    if (info.expiresAt <= now()) {
      tokens.delete(token);
      issueToken(req, res, host);
      mtopAnswer(res, q, api, v, 'FAIL_SYS_TOKEN_EXOIRED::令牌过期', {}, entry);
      return;
    }
    // Sign check: md5(token&t&appKey&data).
    const t = q.get('t') ?? '';
    const appKey = q.get('appKey') ?? '';
    const expected = md5(`${token}&${t}&${appKey}&${data}`);
    if (appKey !== APP_KEY || q.get('sign') !== expected) {
      mtopAnswer(res, q, api, v, 'FAIL_SYS_ILLEGAL_ACCESS::非法请求', {}, entry);
      return;
    }
    let outer: Record<string, unknown>;
    let params: Record<string, unknown>;
    try {
      outer = JSON.parse(data) as Record<string, unknown>;
      params =
        typeof outer.params === 'string'
          ? (JSON.parse(outer.params) as Record<string, unknown>)
          : ((outer.params as Record<string, unknown>) ?? {});
    } catch {
      mtopAnswer(res, q, api, v, 'FAIL::参数格式不正确', {}, entry);
      return;
    }
    const appId = String(outer.appId ?? '');
    const method = String(params.method ?? params.interfaceName ?? params.bizName ?? '');
    entry.apiMethod = method;
    const ok = 'SUCCESS::调用成功';
    const size = Math.min(60, Math.max(1, Number(params.pageSize) || 60));
    const beginPage = Math.max(1, Number(params.beginPage) || 1);
    const pageId = typeof params.pageId === 'string' && params.pageId ? params.pageId : null;

    const changed = kind === 'changed';
    if (appId === '39799') {
      const kw = decodeKeywords(String(params.keyword ?? '')).trim();
      const words = kw ? ['女', '男', '儿童', '批发'].map((s) => `${kw}${s}`) : [];
      const payload = changed
        ? { result: words.map((word) => ({ word })) }
        : { items: words.map((keyword) => ({ data: { keyword } })) };
      mtopAnswer(res, q, api, v, ok, payload, entry);
      return;
    }
    if (appId !== '32517') {
      mtopAnswer(res, q, api, v, ok, { success: false, errorMessage: 'unknown appId' }, entry);
      return;
    }
    /** A search answer as captured (`code: 200, success: true`); `changed` renames the offer list. */
    const searchPayload = (offers: unknown) =>
      changed
        ? { code: 200, success: true, data: { OFFERS2: offers } }
        : { code: 200, success: true, data: { OFFER: offers } };
    if (method === 'getOfferList') {
      const kw = decodeKeywords(String(params.keywords ?? '')).trim();
      if (kind === 'empty' || !kw) {
        mtopAnswer(res, q, api, v, ok, searchPayload({ items: [], hasMore: false, found: 0 }), entry);
        return;
      }
      let list = offersFor(kw);
      if (params.quantityBegin !== undefined) {
        const max = Number(params.quantityBegin);
        list = list.filter((o) => {
          const qty = /(\d+)/.exec(
            String(
              (o.shopAddition as { quantityPrices?: { quantity?: string }[] })?.quantityPrices?.[0]
                ?.quantity ?? '1',
            ),
          );
          return Number(qty?.[1] ?? 1) <= max;
        });
      }
      if (typeof params.province === 'string') list = list.filter((o) => o.province === params.province);
      list = sortItems(list, params.sortType);
      mtopAnswer(
        res,
        q,
        api,
        v,
        ok,
        searchPayload(page(list, beginPage, size, pageId, `kw:${kw}:${String(params.sortType ?? '')}`)),
        entry,
      );
      return;
    }
    if (method === 'uploadBase64WithRequest' || method === 'imageBase64ToImageId') {
      const b64 = String(params.imageBase64 ?? '').replace(/^data:[^,]*,/, '');
      const bytes = Buffer.from(b64, 'base64');
      const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
      if (!isJpeg) {
        mtopAnswer(res, q, api, v, ok, { success: false, errorMessage: 'store image error' }, entry);
        return;
      }
      const digest = md5(b64);
      const imageId = (BigInt(`0x${digest.slice(0, 15)}`) + 1n).toString();
      images.set(imageId, digest);
      const payload = changed
        ? { success: true, data: { picId: imageId } }
        : method === 'imageBase64ToImageId'
          ? { success: true, imageId }
          : { success: true, data: { imageId } };
      mtopAnswer(res, q, api, v, ok, payload, entry);
      return;
    }
    if (method === 'imageOfferSearchService') {
      const imageId = String(params.imageId ?? '');
      const digest = images.get(imageId);
      const firstSearch = digest !== undefined && !searchedImages.has(imageId);
      if (digest !== undefined) searchedImages.add(imageId);
      if (kind === 'empty' || !digest || (imageNotReady && firstSearch)) {
        // Also the "not ready" placeholder: the same empty list the page's own pre-result can answer.
        mtopAnswer(res, q, api, v, ok, searchPayload({ items: [], hasMore: false, found: 0 }), entry);
        return;
      }
      // Image search sends sortType "normal" (relevance); the other names sort as for keywords.
      const list = sortItems(offersFor(`image:${digest}`), params.sortType);
      mtopAnswer(
        res,
        q,
        api,
        v,
        ok,
        searchPayload(page(list, beginPage, size, pageId, `img:${imageId}:${String(params.sortType ?? '')}`)),
        entry,
      );
      return;
    }
    mtopAnswer(res, q, api, v, ok, { success: false, errorMessage: `unknown method ${method}` }, entry);
  }

  function rawQueryParam(search: string, name: string): string | null {
    for (const part of search.replace(/^\?/, '').split('&')) {
      const eq = part.indexOf('=');
      if ((eq < 0 ? part : part.slice(0, eq)) === name) return eq < 0 ? '' : part.slice(eq + 1);
    }
    return null;
  }

  async function route({ req, res, url, entry, wall: kind, scheme }: MockRequest): Promise<void> {
    const host = entry.host;
    const isPunishPath = /_____tmd_____|punish/.test(url.pathname);
    const isGateway = host === 'h5api.m.1688.com' && url.pathname.startsWith('/h5/');
    const loginHost = /^(login\.1688\.com|passport\.1688\.com|login\.taobao\.com)$/.test(host);

    if (isPunishPath) {
      // The punish system's own pages carry its header.
      const deny = url.searchParams.get('action') === 'deny';
      send(res, 200, 'text/html; charset=utf-8', deny ? denyPage() : punishPage(), { bxpunish: '1' });
      return;
    }
    if (kind && !loginHost && httpWall(kind, res, host, url, scheme, isGateway)) {
      entry.wall = kind;
      return;
    }
    if (fault && !loginHost && !isGateway) {
      if (fault === 'flowlimit') return send(res, 200, 'text/html; charset=utf-8', busyPage());
      punishCounter++;
      return redirect(
        res,
        `${scheme}://${host}/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=2&action=deny`,
      );
    }
    if (kind && (kind === 'rgv587' || kind === 'user-validate')) entry.wall = kind;
    if (kind === 'empty' || kind === 'changed') entry.wall = kind;

    if (loginHost) return send(res, 200, 'text/html; charset=utf-8', loginPage());
    switch (host) {
      case 'h5api.m.1688.com':
        if (url.pathname.startsWith('/h5/')) return gateway(req, res, url, host, kind, entry);
        if (url.pathname === '/' || url.pathname === '/index.html')
          return send(res, 200, 'text/html; charset=utf-8', h5RootPage());
        return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      case 'detail.1688.com': {
        const m = /^\/offer\/(\d{5,20})\.html$/.exec(url.pathname);
        if (!m?.[1]) return send(res, 404, 'text/html; charset=utf-8', delistedPage());
        const id = m[1];
        if (id === DELISTED_ID) return send(res, 200, 'text/html; charset=utf-8', delistedPage());
        if (id === WRONGPAGE_ID)
          return redirect(res, `${scheme}://page.1688.com/shtml/static/wrongpage.html`);
        if (id === FIXTURE_CONTEXT_ID && !catalogue && kind !== 'changed') {
          return send(res, 200, 'text/html; charset=utf-8', fixture('detail-context-833454967766.html'));
        }
        if (id === FIXTURE_INIT_DATA_ID && !catalogue && kind !== 'changed') {
          return send(res, 200, 'text/html; charset=utf-8', fixture('detail-initdata-597090034012.html'));
        }
        const offer = findOffer(id);
        const html = (() => {
          if (kind === 'changed') return renamedContextPage(offer);
          if (id === SCRIPTED_PAGE_ID) return scriptedContextPage(offer);
          const last = Number(id.slice(-1));
          if (last % 2 === 1) return initDataPage(offer);
          return last % 4 === 2 ? contextPage(offer) : currentContextPage(offer);
        })();
        return send(res, 200, 'text/html; charset=utf-8', html);
      }
      case 's.1688.com': {
        if (url.pathname !== '/selloffer/offer_search.htm')
          return send(res, 404, 'text/plain; charset=utf-8', 'not found');
        const raw = rawQueryParam(url.search, 'keywords') ?? '';
        const kw = (gbkPercentDecode(raw) ?? '').trim();
        const beginPage = Math.max(1, Number(url.searchParams.get('beginPage')) || 1);
        const sorted = sortItems(offersFor(kw), url.searchParams.get('sortType'));
        const list = kind === 'empty' || !kw ? [] : sorted.slice((beginPage - 1) * 60, beginPage * 60);
        return send(res, 200, 'text/html; charset=utf-8', resultsPage(kw, list, { keywords: kw }));
      }
      case 'air.1688.com': {
        if (url.pathname === CONTACT_PATHS['1688']) return sendContactPage(res, '1688', url);
        const imageId = url.searchParams.get('imageId') ?? '';
        const digest = images.get(imageId);
        const list = kind === 'empty' || !digest ? [] : offersFor(`image:${digest}`).slice(0, 60);
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          resultsPage('图片搜索', list, { 'image-id': imageId }),
        );
      }
      case 'page.1688.com':
        return send(res, 200, 'text/html; charset=utf-8', delistedPage());
      default:
        return send(res, 200, 'text/html; charset=utf-8', homePage());
    }
  }

  return {
    owns: (host) => /(^|\.)(1688\.com|taobao\.com)$/.test(host),
    route,
    setOffers(offers) {
      catalogue = offers ? offers.map((o) => ({ ...o })) : null;
    },
    expireTokens() {
      for (const info of tokens.values()) info.expiresAt = now() - 1;
    },
    setFault(next) {
      fault = next;
    },
    setImageNotReady(on) {
      imageNotReady = on;
    },
    setPriceFactor(offerId, factor) {
      if (factor === null) priceFactors.delete(offerId);
      else priceFactors.set(offerId, factor);
    },
    reset() {
      tokens.clear();
      pageIds.clear();
      images.clear();
      served.clear();
      searchedImages.clear();
      catalogue = null;
      fault = null;
      imageNotReady = false;
      priceFactors.clear();
    },
  };
}
