/**
 * The Alibaba.com hosts SourceLens talks to (mounted by ../server.ts, which routes requests here by host),
 * speaking what public code shows of Alibaba.com (see shared/data/1688/PROTOCOL.md (the research notes kept beside this repository), "Alibaba.com" and
 * "Second look"):
 *
 * - `/`                          a small HTML page.
 * - `/trade/search`              the keyword result page: HTML whose scripts assign the page-data blocks
 *                                `window.__page__data_sseNN._offer_list = {offerResultData: {offers, totalCount,
 *                                paginationData: {pageCount}}}` (NN moves with the page) and, on page 1,
 *                                `…_wending = {topSponsorModel: {productList}}`; offers generated from `keywords`
 *                                (or `SearchText`), 48 a page, 120 in all; every sixth in the older field names;
 *                                page 3 priced in ₫ (the visitor's currency), the others in US$.
 * - `POST /search/api/imageTextSearchRegions`  multipart, field `pictureBase` must be a
 *                                `data:image/jpeg;base64,` URL whose bytes start FF D8; answers
 *                                `{success, model: {imagePath, regions}}`, else `{success: false, msgInfo}`.
 * - `GET /search/api/imageTextSearch`  needs an `imagePath` from an earlier upload; answers
 *                                `{success, model: {offers, paginationData: {totalCount}}}`, 20 a page; prices
 *                                without a symbol when asked for `currency=USD`, in € (with the symbol) otherwise.
 * - `/product-detail/<slug>_<id>.html`  a product page with `window.detailData` (detail.ts: several shapes and a
 *                                removed product).
 * - open-s.alibaba.com `/openservice/associationSuggestionViewService?keywords=…&pageSize=N`  suggestions
 *                                `{code: 200, data: {list: [{suggestKeyword, suggestKeywordHtml}]}}`.
 * - login.alibaba.com / passport.alibaba.com: a small login page; `…/_____tmd_____/punish…`: the check page.
 * - message.alibaba.com `/msgsend/contact.htm?action=contact_action&chkProductIds=<id>`: the supplier contact form,
 *                                as a small page (../contact.ts).
 *
 * Walls (the shared `X-Mock-Wall` / `__wall` / setWall kinds): punish → 302 to `…/_____tmd_____/punish?x5secdata=`,
 * login → 302 to login.alibaba.com, throttled → 429 + Retry-After, slider → a slider page, rgv587 /
 * user-validate → the API answers HTTP 200 with a `RGV587_ERROR` / `FAIL_SYS_USER_VALIDATE` ret (pages get the
 * slider), empty → `offers: []` with success (and no suggestions), changed → every answer well-formed but
 * renamed as a site change would (result blocks `_product_list`/`productResultData`, upload `model.imageKey`,
 * image results `model.items`, product data `window.__DETAIL_DATA__`, suggestions `data.suggestions`).
 *
 * Fault beyond the shared wall kinds (`setFault`): `server-error` — `/trade/search` answers HTTP 500 (a failure
 * that is neither a wall nor a changed answer: the panel's "error, try again" state).
 *
 * Invented (no public shape known): the HTML around the scripts, the image path format, the region values, the
 * `msgInfo` texts, the login page path, 429 as the throttle answer, the generated values, every renamed shape.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTACT_PATHS, sendContactPage } from '../contact';
import { esc, hash32 } from '../html';
import { sendHtml as html, sendJson as json, redirect, send } from '../http';
import { multipartBoundary, parseMultipart, readBodyBytes } from '../multipart';
import type { MockRequest, SourceMock, SourceMockOptions, WallKind } from '../types';
import { detailKind, detailPage, factsOfId } from './detail';
import {
  ALIBABA_IMAGE_PAGE_SIZE,
  ALIBABA_PAGE_SIZE,
  ALIBABA_TOTAL,
  type AlibabaMockOffer,
  changedResultScripts,
  generatedAlibabaOffer,
  type OfferFacts,
  offerFacts,
  resultOffer,
  resultScripts,
} from './offers';

export {
  ALIBABA_IMAGE_PAGE_SIZE,
  ALIBABA_OLDER_EVERY,
  ALIBABA_PAGE_SIZE,
  ALIBABA_TOTAL,
  ALIBABA_VND_PAGE,
  type AlibabaMockOffer,
  generatedAlibabaOffer,
} from './offers';

/**
 * The hosts a browser maps onto this mock: the search site, its suggestion gateway, its sign-in and the supplier
 * contact form.
 */
export const HOSTS_ALIBABA: readonly string[] = [
  'www.alibaba.com',
  'open-s.alibaba.com',
  'login.alibaba.com',
  'message.alibaba.com',
];

const HOST_RE = /(^|\.)alibaba\.com$/;
const LOGIN_HOST_RE = /^(login\.alibaba\.com|passport\.alibaba\.com)$/;
const PRODUCT_RE = /^\/product-detail\/(?:[^/]*_)?(\d{5,20})\.html$/;
const SUGGEST_PATH = '/openservice/associationSuggestionViewService';

export function isAlibabaHost(host: string): boolean {
  return HOST_RE.test(host);
}

/** Faults the Alibaba.com mock puts up besides the shared wall kinds. */
export type MockAlibabaFault = 'server-error';

export interface MockAlibaba extends SourceMock {
  /** Image paths handed out by uploads so far. */
  readonly imagePaths: ReadonlySet<string>;
  /** Puts up a fault (until cleared with null or `reset`). */
  setFault(fault: MockAlibabaFault | null): void;
}

function page(title: string, body: string, script = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}${script}</body></html>`;
}

function resultsPage(title: string, scripts: string): string {
  return page(`${title} - Buy ${title} Products on Alibaba.com (mock)`, '<div id="root"></div>', scripts);
}

function sliderPage(): string {
  return page(
    'Captcha Interception',
    '<div id="nc_1_wrapper" class="nc_wrapper"><div class="nc_scale">Please slide to verify</div></div>',
  );
}

function punishPage(): string {
  return page(
    'Captcha Interception',
    '<div class="warnning-text">Please slide to verify</div><div id="nc_1_wrapper"><div class="nc_scale"></div></div>',
  );
}

/** Image-search offers: dollars without a symbol when the request asked for dollars, euros otherwise. */
function imageOffer(seed: string, i: number, usd: boolean): AlibabaMockOffer {
  const offer = generatedAlibabaOffer(seed, i, {
    style: usd ? 'bare' : 'usd',
    paid: i % ALIBABA_IMAGE_PAGE_SIZE < 1,
  });
  if (!usd) offer.price = String(offer.price).replace(/US\$|\$/g, '€');
  return offer;
}

export function createMockAlibaba(opts: Partial<SourceMockOptions> & { total?: number } = {}): MockAlibaba {
  const total = opts.total ?? ALIBABA_TOTAL;
  /** imagePath → the digest its generated offers are seeded with. */
  const images = new Map<string, string>();
  const imagePaths = new Set<string>();
  /** Offers listed in a search, by id: their product pages keep the same facts. */
  const listed = new Map<string, OfferFacts>();
  let punishCounter = 0;
  let fault: MockAlibabaFault | null = null;

  function list(seed: string, pageNo: number, size: number, make: (i: number) => AlibabaMockOffer) {
    const start = (pageNo - 1) * size;
    const end = Math.min(total, start + size);
    const out: AlibabaMockOffer[] = [];
    for (let i = start; i < end; i++) {
      out.push(make(i));
      const f = offerFacts(seed, i);
      listed.set(f.id, f);
    }
    return out;
  }

  /** HTTP-level walls; true when one answered. */
  function httpWall(
    kind: WallKind,
    res: ServerResponse,
    url: URL,
    host: string,
    scheme: string,
    api: boolean,
  ) {
    switch (kind) {
      case 'punish':
        punishCounter++;
        redirect(
          res,
          `${scheme}://${host}${url.pathname.replace(/\/$/, '')}/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=1`,
        );
        return true;
      case 'login':
        redirect(
          res,
          `${scheme}://login.alibaba.com/newlogin/icbuLogin.htm?return_url=${encodeURIComponent(`${scheme}://${host}${url.pathname}`)}`,
        );
        return true;
      case 'throttled':
        send(res, 429, 'text/plain; charset=utf-8', 'Too many requests', { 'Retry-After': '60' });
        return true;
      case 'slider':
        html(res, sliderPage());
        return true;
      case 'rgv587':
      case 'user-validate': {
        if (!api) {
          html(res, sliderPage());
          return true;
        }
        punishCounter++;
        const ret =
          kind === 'rgv587'
            ? 'RGV587_ERROR::SM::哎哟喂,被挤爆啦,请稍后重试'
            : 'FAIL_SYS_USER_VALIDATE::需要用户验证';
        json(res, {
          ret: [ret],
          data: {
            url: `https://${host}/${url.pathname.replace(/^\/+/, '')}/_____tmd_____/punish?x5secdata=mock${punishCounter}&x5step=1`,
          },
        });
        return true;
      }
      default:
        return false;
    }
  }

  function searchPage(res: ServerResponse, q: URLSearchParams, kind: WallKind | null): void {
    const keywords = (q.get('keywords') ?? q.get('SearchText') ?? '').trim();
    const pageNo = Math.max(1, Number(q.get('page')) || 1);
    const empty = kind === 'empty' || !keywords;
    const offers = empty
      ? []
      : list(keywords, pageNo, ALIBABA_PAGE_SIZE, (i) => resultOffer(keywords, i, pageNo));
    const scripts =
      kind === 'changed'
        ? changedResultScripts(offers, empty ? 0 : total)
        : resultScripts(keywords, pageNo, offers, empty ? 0 : total);
    html(res, resultsPage(keywords, scripts));
  }

  async function upload(req: IncomingMessage, res: ServerResponse, kind: WallKind | null): Promise<void> {
    if (req.method !== 'POST') return json(res, { success: false, msgInfo: 'method not allowed' }, 405);
    const boundary = multipartBoundary(req.headers['content-type']);
    const body = await readBodyBytes(req);
    const fields = boundary ? parseMultipart(body, boundary) : null;
    if (!fields) return json(res, { success: false, msgInfo: 'multipart/form-data expected' });
    const picture = fields.pictureBase ?? '';
    const m = /^data:image\/jpeg;base64,([A-Za-z0-9+/=\s]+)$/.exec(picture);
    const bytes = m?.[1] ? Buffer.from(m[1], 'base64') : Buffer.alloc(0);
    if (bytes.length < 3 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
      return json(res, { success: false, msgInfo: 'pictureBase must be a JPEG data URL' });
    }
    const digest = createHash('md5').update(bytes).digest('hex');
    const imagePath = `icbuimgsearch/mock${digest.slice(0, 20)}.jpg`;
    images.set(imagePath, digest);
    imagePaths.add(imagePath);
    const h = hash32(digest);
    const regions = [`${h % 50},${200 + (h % 200)},${h % 40},${220 + (h % 180)}`, '0,100,0,100'];
    if (kind === 'changed')
      return json(res, { success: true, model: { imageKey: imagePath, boxes: regions } });
    json(res, { success: true, model: { imagePath, regions } });
  }

  function imageSearch(res: ServerResponse, q: URLSearchParams, kind: WallKind | null): void {
    const imagePath = q.get('imagePath') ?? '';
    const digest = images.get(imagePath);
    if (!digest) {
      json(res, { success: false, msgInfo: 'imagePath not found' });
      return;
    }
    const pageNo = Math.max(1, Number(q.get('page')) || 1);
    const usd = q.get('currency') === 'USD';
    const seed = `image:${digest}`;
    const offers =
      kind === 'empty' ? [] : list(seed, pageNo, ALIBABA_IMAGE_PAGE_SIZE, (i) => imageOffer(seed, i, usd));
    if (kind === 'changed') {
      json(res, { success: true, model: { items: offers, count: total } });
      return;
    }
    json(res, {
      success: true,
      model: { offers, paginationData: { totalCount: kind === 'empty' ? 0 : total } },
    });
  }

  function productPage(res: ServerResponse, id: string, kind: WallKind | null): void {
    const facts = listed.get(id) ?? factsOfId(id);
    html(res, detailPage(facts, detailKind(id), kind === 'changed'));
  }

  function suggestions(res: ServerResponse, q: URLSearchParams, kind: WallKind | null): void {
    const keywords = (q.get('keywords') ?? '').trim().toLowerCase();
    const size = Math.min(20, Math.max(1, Number(q.get('pageSize')) || 10));
    const words =
      kind === 'empty' || !keywords
        ? []
        : ['', ' wholesale', ' for sale', ' factory', ' 2026', ' set', ' bulk'].map(
            (tail) => `${keywords}${tail}`,
          );
    const items = words.slice(0, size).map((w) => ({
      suggestKeyword: w,
      suggestKeywordHtml: `<b>${esc(keywords)}</b>${esc(w.slice(keywords.length))}`,
      trackInfo: 'mock',
    }));
    if (kind === 'changed') {
      json(res, { code: 200, data: { suggestions: items.map((i) => ({ keyword: i.suggestKeyword })) } });
      return;
    }
    json(res, { code: 200, data: { list: items } });
  }

  return {
    imagePaths,
    owns: isAlibabaHost,
    async route({ req, res, url, entry, wall: kind, scheme }: MockRequest) {
      const host = entry.host;
      const api = url.pathname.startsWith('/search/api/') || host === 'open-s.alibaba.com';
      if (/_____tmd_____|punish/.test(url.pathname)) return html(res, punishPage());
      if (LOGIN_HOST_RE.test(host))
        return html(res, page('Sign in - Alibaba.com (mock)', '<form id="login"></form>'));
      if (kind && httpWall(kind, res, url, host, scheme, api)) {
        entry.wall = kind;
        return;
      }
      if (kind === 'empty' || kind === 'changed') entry.wall = kind;
      if (host === 'open-s.alibaba.com' && url.pathname === SUGGEST_PATH)
        return suggestions(res, url.searchParams, kind);
      if (host === 'message.alibaba.com' && url.pathname === CONTACT_PATHS.alibaba)
        return sendContactPage(res, 'alibaba', url);
      if (host !== 'www.alibaba.com') return html(res, page('Alibaba.com (mock)', '<p>mock</p>'));
      const product = PRODUCT_RE.exec(url.pathname);
      if (product?.[1]) return productPage(res, product[1], kind);
      switch (url.pathname) {
        case '/':
        case '/index.html':
          return html(res, page('Alibaba.com (mock)', '<div id="home">mock home</div>'));
        case '/trade/search':
          if (fault === 'server-error')
            return send(res, 500, 'text/html; charset=utf-8', '<!DOCTYPE html><title>500</title>');
          return searchPage(res, url.searchParams, kind);
        case '/search/api/imageTextSearchRegions':
          return upload(req, res, kind);
        case '/search/api/imageTextSearch':
          return imageSearch(res, url.searchParams, kind);
        default:
          return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      }
    },
    setFault(next) {
      fault = next;
    },
    reset() {
      fault = null;
      images.clear();
      imagePaths.clear();
      listed.clear();
      punishCounter = 0;
    },
  };
}
