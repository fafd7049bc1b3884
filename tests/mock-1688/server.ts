/**
 * A local mock of the 1688 hosts SourceLens talks to, speaking the protocol documented in
 * /work/shared/data/1688/PROTOCOL.md. It routes by the Host header (or `X-Mock-Host`), so a browser started with
 * `--host-resolver-rules="MAP h5api.m.1688.com 127.0.0.1:PORT, MAP detail.1688.com 127.0.0.1:PORT, …"` (or a TLS
 * front that forwards here) sees one site per host:
 *
 * - h5api.m.1688.com  `/` small HTML page (the page the extension's transport opens);
 *                     `/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/` the MTOP gateway (GET `data=`
 *                     JSON, POST form JSONP): `_m_h5_tk` handshake, sign check, keyword search with paging and
 *                     pageId, suggestions (appId 39799), image upload (JPEG only) + image search.
 * - detail.1688.com   `/offer/<id>.html`: even last digit → current `window.context` page, odd → `__INIT_DATA`;
 *                     833454967766 / 597090034012 serve the fixture pages; 100000000001 is delisted (page text),
 *                     100000000002 redirects to page.1688.com/shtml/static/wrongpage.html.
 * - s.1688.com        `/selloffer/offer_search.htm?keywords=<GBK>` result page with offer cards.
 * - air.1688.com      `/kapp/1688-search/pc-image-search/?imageId=` image result page.
 * - login.1688.com / passport.1688.com / login.taobao.com, page.1688.com, www.1688.com: small pages.
 * - www.alibaba.com (and login/passport.alibaba.com): Alibaba.com's result page and image search API, see
 *   alibaba.ts.
 *
 * Walls: `setWall(kind)` for every host, or per request with header `X-Mock-Wall: kind` / query `__wall=kind`.
 *
 * Start: `tsx tests/mock-1688/server.ts --port 8688 [--host 127.0.0.1]`, or `await startMock1688({port: 0})`.
 * Mount: `handle1688Request(req, res)` (a shared default instance) or `createMock1688().handle`.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SparkMD5 from 'spark-md5';
import { gbkPercentDecode } from '../../core/sources/1688/gbk';
import { type AlibabaMock, createAlibabaMock, isAlibabaHost } from './alibaba';
import { readBodyBytes } from './multipart';
import {
  contextPage,
  delistedPage,
  generatedOffer,
  h5RootPage,
  homePage,
  initDataPage,
  loginPage,
  type MockOffer,
  punishPage,
  resultsPage,
  sliderPage,
} from './pages';

export type { MockOffer } from './pages';

export const WALL_KINDS = [
  'punish',
  'slider',
  'rgv587',
  'user-validate',
  'login',
  'throttled',
  'empty',
] as const;
export type WallKind = (typeof WALL_KINDS)[number];

/** Every host this mock answers for, to map onto it (--host-resolver-rules) in tests and the trial. */
export const SOURCE_HOSTS: readonly string[] = [
  'h5api.m.1688.com',
  'detail.1688.com',
  's.1688.com',
  'air.1688.com',
  'login.1688.com',
  'www.alibaba.com',
  'login.alibaba.com',
];

export const APP_KEY = '12574478';
export const DELISTED_ID = '100000000001';
export const WRONGPAGE_ID = '100000000002';
export const FIXTURE_CONTEXT_ID = '833454967766';
export const FIXTURE_INIT_DATA_ID = '597090034012';

export interface RequestLogEntry {
  time: number;
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  /** The wall answered, if any. */
  wall: WallKind | null;
  status: number;
  /** The Referer header: a page's address for requests from a page, none from an extension's service worker. */
  referer: string | null;
  /** Sec-Fetch-Site: `same-origin` from the site's own page, otherwise who sent it (`none`, `cross-site`). */
  fetchSite: string | null;
  /** Gateway only: the first ret code answered. */
  ret?: string;
  /** Gateway only: the method inside params (getOfferList, uploadBase64WithRequest…). */
  apiMethod?: string;
}

export interface Mock1688Options {
  /** Token lifetime. Default 20 min. */
  tokenTtlMs?: number;
  /** Results a keyword search reports in total. Default 150. */
  total?: number;
  /** Host assumed when the Host header is not a 1688 host (127.0.0.1, localhost). Default h5api.m.1688.com. */
  defaultHost?: string;
  /** Scheme used in redirect Locations. Default https (what the real site sends). */
  redirectScheme?: 'http' | 'https';
  now?: () => number;
}

export interface Mock1688 {
  /** Node request handler: mount it in any http/https server. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Every request seen, oldest first (live array). */
  readonly requests: RequestLogEntry[];
  /** Requests whose path (or host+path) equals `key`; all requests without a key. */
  count(key?: string): number;
  /** Request counts keyed by `host + path`. */
  counts(): Record<string, number>;
  setWall(kind: WallKind | null): void;
  /** Replace the catalogue every keyword / image search pages through (null: generated offers per keyword). */
  setOffers(offers: MockOffer[] | null): void;
  /** Make every issued token expire now (next gateway call answers FAIL_SYS_TOKEN_EXOIRED). */
  expireTokens(): void;
  /** Forget requests, tokens, page ids, images and walls. */
  reset(): void;
  /** The www.alibaba.com routes (alibaba.ts): the image paths its uploads handed out. */
  readonly alibaba: AlibabaMock;
}

interface TokenInfo {
  expiresAt: number;
  enc: string;
}

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/1688/', import.meta.url));
const fixtureCache = new Map<string, string>();
function fixture(name: string): string {
  let text = fixtureCache.get(name);
  if (text === undefined) {
    text = readFileSync(FIXTURE_DIR + name, 'utf8');
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

function isWall(v: unknown): v is WallKind {
  return typeof v === 'string' && (WALL_KINDS as readonly string[]).includes(v);
}

const GATEWAY_PATH = /^\/h5\/([^/]+)\/([^/]+)\/?$/;
const RECOMMEND_PATH = 'mtop.relationrecommend.wirelessrecommend.recommend';

export function createMock1688(opts: Mock1688Options = {}): Mock1688 {
  const now = opts.now ?? Date.now;
  const tokenTtl = opts.tokenTtlMs ?? 20 * 60_000;
  const total = opts.total ?? 150;
  const defaultHost = opts.defaultHost ?? 'h5api.m.1688.com';
  const requests: RequestLogEntry[] = [];
  const tokens = new Map<string, TokenInfo>();
  const pageIds = new Set<string>();
  const images = new Map<string, string>();
  /** Offers served in search answers, so their detail pages agree with the results. */
  const served = new Map<string, MockOffer>();
  let wall: WallKind | null = null;
  let catalogue: MockOffer[] | null = null;
  const alibaba = createAlibabaMock();
  let punishCounter = 0;

  function offersFor(seed: string): MockOffer[] {
    if (catalogue) return catalogue;
    return Array.from({ length: total }, (_, i) => generatedOffer(seed, i));
  }

  function findOffer(id: string): MockOffer {
    const hit = catalogue?.find((o) => String(o.offerId) === id) ?? served.get(id);
    if (hit) return hit;
    return { ...generatedOffer(`offer-${id}`, 0), offerId: id };
  }

  function scheme(req: IncomingMessage): string {
    const forwarded = req.headers['x-forwarded-proto'];
    if ((req.socket as { encrypted?: boolean }).encrypted || forwarded === 'https') return 'https';
    return opts.redirectScheme ?? 'https';
  }

  function issueToken(req: IncomingMessage, res: ServerResponse, host: string): void {
    const token = randomBytes(16).toString('hex');
    const expiresAt = now() + tokenTtl;
    const enc = md5(`${token}:enc`);
    tokens.set(token, { expiresAt, enc });
    const secure =
      scheme(req) === 'https' && (req.socket as { encrypted?: boolean }).encrypted
        ? '; Secure; SameSite=None'
        : '';
    const domain = /(^|\.)1688\.com$/.test(host) ? '; Domain=.1688.com' : '';
    const expires = new Date(expiresAt).toUTCString();
    res.setHeader('Set-Cookie', [
      `_m_h5_tk=${token}_${expiresAt}; Path=/; Expires=${expires}${domain}${secure}`,
      `_m_h5_tk_enc=${enc}; Path=/; Expires=${expires}${domain}${secure}; HttpOnly`,
    ]);
  }

  function send(
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    headers: Record<string, string> = {},
  ): void {
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    res.end(body);
  }

  function redirect(res: ServerResponse, location: string): void {
    res.statusCode = 302;
    res.setHeader('Location', location);
    res.end();
  }

  /** HTTP-level walls (every host). Returns true when a wall answered. */
  function httpWall(
    kind: WallKind,
    req: IncomingMessage,
    res: ServerResponse,
    host: string,
    url: URL,
    gateway: boolean,
  ): boolean {
    const sch = scheme(req);
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

    if (appId === '39799') {
      const kw = decodeKeywords(String(params.keyword ?? '')).trim();
      const items = kw ? ['女', '男', '儿童', '批发'].map((s) => ({ data: { keyword: `${kw}${s}` } })) : [];
      mtopAnswer(res, q, api, v, ok, { items }, entry);
      return;
    }
    if (appId !== '32517') {
      mtopAnswer(res, q, api, v, ok, { success: false, errorMessage: 'unknown appId' }, entry);
      return;
    }
    if (method === 'getOfferList') {
      const kw = decodeKeywords(String(params.keywords ?? '')).trim();
      if (kind === 'empty' || !kw) {
        mtopAnswer(res, q, api, v, ok, { data: { OFFER: { items: [], hasMore: false, found: 0 } } }, entry);
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
      // The dropshipping filter's name is a guess (params.ts); the mock honours the name SourceLens sends.
      if (params.dropShipping === true || params.dropShipping === 'true')
        list = list.filter(
          (o) =>
            Array.isArray(o.tags) &&
            o.tags.some((t) => /代发/.test(String((t as { text?: unknown } | null)?.text))),
        );
      mtopAnswer(
        res,
        q,
        api,
        v,
        ok,
        { data: { OFFER: page(list, beginPage, size, pageId, `kw:${kw}`) } },
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
      const payload =
        method === 'imageBase64ToImageId' ? { success: true, imageId } : { success: true, data: { imageId } };
      mtopAnswer(res, q, api, v, ok, payload, entry);
      return;
    }
    if (method === 'imageOfferSearchService') {
      const imageId = String(params.imageId ?? '');
      const digest = images.get(imageId);
      if (kind === 'empty' || !digest) {
        mtopAnswer(
          res,
          q,
          api,
          v,
          ok,
          { success: true, data: { OFFER: { items: [], hasMore: false, found: 0 } } },
          entry,
        );
        return;
      }
      const list = offersFor(`image:${digest}`);
      mtopAnswer(
        res,
        q,
        api,
        v,
        ok,
        { success: true, data: { OFFER: page(list, beginPage, size, pageId, `img:${imageId}`) } },
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

  async function route(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<void> {
    const host = entry.host;
    const url = new URL(req.url ?? '/', `http://${host}`);
    const isPunishPath = /_____tmd_____|punish/.test(url.pathname);
    const isGateway = host === 'h5api.m.1688.com' && url.pathname.startsWith('/h5/');
    const headerWall = req.headers['x-mock-wall'];
    const requested =
      (Array.isArray(headerWall) ? headerWall[0] : headerWall) ?? url.searchParams.get('__wall');
    const kind: WallKind | null = isWall(requested) ? requested : wall;
    if (isAlibabaHost(host)) return alibaba.route(req, res, url, entry, kind, scheme(req));
    const loginHost = /^(login\.1688\.com|passport\.1688\.com|login\.taobao\.com)$/.test(host);

    if (isPunishPath) {
      send(res, 200, 'text/html; charset=utf-8', punishPage());
      return;
    }
    if (kind && !loginHost && httpWall(kind, req, res, host, url, isGateway)) {
      entry.wall = kind;
      return;
    }
    if (kind && (kind === 'rgv587' || kind === 'user-validate')) entry.wall = kind;
    if (kind === 'empty') entry.wall = kind;

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
          return redirect(res, `${scheme(req)}://page.1688.com/shtml/static/wrongpage.html`);
        if (id === FIXTURE_CONTEXT_ID && !catalogue) {
          return send(res, 200, 'text/html; charset=utf-8', fixture('detail-context-833454967766.html'));
        }
        if (id === FIXTURE_INIT_DATA_ID && !catalogue) {
          return send(res, 200, 'text/html; charset=utf-8', fixture('detail-initdata-597090034012.html'));
        }
        const offer = findOffer(id);
        const even = Number(id.slice(-1)) % 2 === 0;
        return send(res, 200, 'text/html; charset=utf-8', even ? contextPage(offer) : initDataPage(offer));
      }
      case 's.1688.com': {
        if (url.pathname !== '/selloffer/offer_search.htm')
          return send(res, 404, 'text/plain; charset=utf-8', 'not found');
        const raw = rawQueryParam(url.search, 'keywords') ?? '';
        const kw = (gbkPercentDecode(raw) ?? '').trim();
        const beginPage = Math.max(1, Number(url.searchParams.get('beginPage')) || 1);
        const list = kind === 'empty' || !kw ? [] : offersFor(kw).slice((beginPage - 1) * 60, beginPage * 60);
        return send(res, 200, 'text/html; charset=utf-8', resultsPage(kw, list, { keywords: kw }));
      }
      case 'air.1688.com': {
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

  function hostOf(req: IncomingMessage): string {
    const override = req.headers['x-mock-host'];
    const raw = (Array.isArray(override) ? override[0] : override) ?? req.headers.host ?? '';
    const host = raw.replace(/:\d+$/, '').toLowerCase();
    return /(^|\.)(1688\.com|taobao\.com|alibaba\.com)$/.test(host) ? host : defaultHost;
  }

  const mock: Mock1688 = {
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://mock');
      const entry: RequestLogEntry = {
        time: now(),
        method: req.method ?? 'GET',
        host: hostOf(req),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        wall: null,
        status: 0,
        referer: typeof req.headers.referer === 'string' ? req.headers.referer : null,
        fetchSite: typeof req.headers['sec-fetch-site'] === 'string' ? req.headers['sec-fetch-site'] : null,
      };
      requests.push(entry);
      res.on('finish', () => {
        entry.status = res.statusCode;
      });
      route(req, res, entry).catch((err: unknown) => {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `mock error: ${String(err)}`);
        else res.end();
      });
    },
    requests,
    alibaba,
    count(key) {
      if (key === undefined) return requests.length;
      return requests.filter((r) => r.path === key || r.host + r.path === key).length;
    },
    counts() {
      const out: Record<string, number> = {};
      for (const r of requests) out[r.host + r.path] = (out[r.host + r.path] ?? 0) + 1;
      return out;
    },
    setWall(kind) {
      wall = kind;
    },
    setOffers(offers) {
      catalogue = offers ? offers.map((o) => ({ ...o })) : null;
    },
    expireTokens() {
      for (const info of tokens.values()) info.expiresAt = now() - 1;
    },
    reset() {
      requests.length = 0;
      tokens.clear();
      pageIds.clear();
      images.clear();
      served.clear();
      wall = null;
      catalogue = null;
      alibaba.reset();
    },
  };
  return mock;
}

const defaultMock = createMock1688();

/** The shared default instance's handler, for mounting inside another server. */
export function handle1688Request(req: IncomingMessage, res: ServerResponse): void {
  defaultMock.handle(req, res);
}

/** The shared default instance behind handle1688Request (set walls / read counts on it). */
export const mock1688 = defaultMock;

export interface RunningMock1688 extends Mock1688 {
  port: number;
  host: string;
  /** `http://host:port`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Start a mock on its own http server (port 0 = any free port). */
export async function startMock1688(
  opts: Mock1688Options & { port?: number; host?: string } = {},
): Promise<RunningMock1688> {
  const mock = createMock1688(opts);
  const server = createServer((req, res) => mock.handle(req, res));
  const bindHost = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(mock, {
    port,
    host: bindHost,
    url: `http://${bindHost}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  });
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const port = Number(argValue(argv, '--port') ?? 8688);
  const host = argValue(argv, '--host') ?? '127.0.0.1';
  const wallArg = argValue(argv, '--wall');
  startMock1688({ port, host }).then((m) => {
    if (isWall(wallArg)) m.setWall(wallArg);
    process.stdout.write(`mock 1688 listening on ${m.url}\n`);
    const stop = () => {
      m.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
