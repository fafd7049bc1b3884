/**
 * The Alibaba.com hosts SourceLens talks to (mounted by ../server.ts, which routes requests here by host),
 * speaking what public code shows of Alibaba.com (see /work/shared/data/1688/PROTOCOL.md, "Alibaba.com"):
 *
 * - `/`                          a small HTML page.
 * - `/trade/search`              the keyword result page: HTML whose script assigns
 *                                `window.__page__data_sse10._offer_list = {offerResultData: {offers, totalCount}}`;
 *                                offers generated from `keywords` (or `SearchText`), 40 a page, 3 pages.
 * - `POST /search/api/imageTextSearchRegions`  multipart, field `pictureBase` must be a
 *                                `data:image/jpeg;base64,` URL whose bytes start FF D8; answers
 *                                `{success, model: {imagePath, regions}}`, else `{success: false, msgInfo}`.
 * - `GET /search/api/imageTextSearch`  needs an `imagePath` from an earlier upload; answers
 *                                `{success, model: {offers, paginationData: {totalCount, page, pageSize}}}`.
 * - login.alibaba.com / passport.alibaba.com: a small login page; `…/_____tmd_____/punish…`: the check page.
 *
 * Walls (the shared `X-Mock-Wall` / `__wall` / setWall kinds): punish → 302 to `…/_____tmd_____/punish?x5secdata=`,
 * login → 302 to login.alibaba.com, throttled → 429 + Retry-After, slider → a slider page, rgv587 /
 * user-validate → the API answers HTTP 200 with a `RGV587_ERROR` / `FAIL_SYS_USER_VALIDATE` ret (pages get the
 * slider), empty → `offers: []` with success.
 *
 * Invented (no public shape known): the HTML around the script, the image path format, the region values, the
 * `msgInfo` texts, the login page path, 429 as the throttle answer.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { esc, hash32 } from '../html';
import { sendHtml as html, sendJson as json, redirect, send } from '../http';
import { multipartBoundary, parseMultipart, readBodyBytes } from '../multipart';
import type { MockRequest, SourceMock, SourceMockOptions, WallKind } from '../types';

/** The hosts a browser maps onto this mock: the search site and its sign-in. */
export const HOSTS_ALIBABA: readonly string[] = ['www.alibaba.com', 'login.alibaba.com'];

export const ALIBABA_PAGE_SIZE = 40;
export const ALIBABA_TOTAL = 120;

const HOST_RE = /(^|\.)alibaba\.com$/;
const LOGIN_HOST_RE = /^(login\.alibaba\.com|passport\.alibaba\.com)$/;

export function isAlibabaHost(host: string): boolean {
  return HOST_RE.test(host);
}

export type AlibabaMockOffer = Record<string, unknown>;

const NOUNS = ['Lamp', 'Bottle', 'Bag', 'Cable', 'Mug', 'Chair', 'Toy', 'Shirt'];
const UNITS = ['pieces', 'sets', 'pairs', 'boxes'];
const COUNTRIES = ['CN', 'CN', 'CN', 'VN', 'IN', 'TR'];

/** An offer object (the fields public code reads) generated for a seed and position. */
export function generatedAlibabaOffer(seed: string, i: number): AlibabaMockOffer {
  const h = hash32(`${seed}#${i}`);
  const id = String(1_600_000_000_000 + (hash32(seed) % 1_000_000) * 1000 + i);
  const words = seed.replace(/[^\p{L}\p{N} ]+/gu, ' ').trim() || 'Item';
  const noun = NOUNS[h % NOUNS.length] ?? 'Item';
  const unit = UNITS[h % UNITS.length] ?? 'pieces';
  const low = 50 + (h % 900);
  const high = low + 10 + (h % 300);
  const moq = [1, 2, 10, 50, 100, 500][h % 6] ?? 1;
  const slug = `${words}-${noun}-${i + 1}`.replace(/\s+/g, '-');
  const offer: AlibabaMockOffer = {
    id,
    productId: id,
    // The site wraps matched words in highlight tags.
    title: `<strong>${esc(words)}</strong> ${noun} model ${i + 1}`,
    productUrl: `//www.alibaba.com/product-detail/${encodeURIComponent(slug)}_${id}.html?spm=a2700.mock.${i}&s=p`,
    price:
      h % 2 === 0 ? `US$${(low / 100).toFixed(2)}-${(high / 100).toFixed(2)}` : `$${(low / 100).toFixed(2)}`,
    moq: `Min. order: ${moq} ${unit}`,
    moqV2: `${moq} ${unit}`,
    companyName: `Mock ${noun} Co., Ltd. ${h % 97}`,
    companyId: String(200_000_000 + (h % 1_000_000)),
    countryCode: COUNTRIES[h % COUNTRIES.length] ?? 'CN',
    reviewScore: (4 + (h % 10) / 10).toFixed(1),
    reviewCount: String(h % 200),
    multiImage: [`//s.alicdn.com/@sc04/kf/Hmock${id}a.jpg`, `//s.alicdn.com/@sc04/kf/Hmock${id}b.jpg`],
    // The first two places of a page are paid.
    isP4p: i % ALIBABA_PAGE_SIZE < 2,
    goldSupplierYears: `${1 + (h % 15)} yrs`,
    tradeProduct: h % 3 !== 0,
    supplierHref: `//mock${h % 1000}.en.alibaba.com/company_profile.html?spm=a2700.mock`,
    verifiedSupplier: h % 4 === 0,
    isVerifiedManufacturer: h % 5 === 0,
  };
  if (h % 3 === 0) offer.soldOrder = `${(h % 5000).toLocaleString('en-US')} sold`;
  return offer;
}

export interface MockAlibaba extends SourceMock {
  /** Image paths handed out by uploads so far. */
  readonly imagePaths: ReadonlySet<string>;
}

/** JSON safe inside a <script>: no `</script>` or `<!--` can close or comment it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(title: string, body: string, script = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}${script}</body></html>`;
}

function resultsPage(keywords: string, offers: AlibabaMockOffer[], total: number): string {
  const data = { offerResultData: { offers, totalCount: total }, pageInfo: { pageSize: ALIBABA_PAGE_SIZE } };
  const script =
    '<script>window.__page__data_sse10 = window.__page__data_sse10 || {};</script>' +
    `<script>window.__page__data_sse10._offer_list = ${scriptJson(data)};</script>`;
  return page(
    `${keywords} - Buy ${keywords} Products on Alibaba.com (mock)`,
    '<div id="root"></div>',
    script,
  );
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

export function createMockAlibaba(opts: Partial<SourceMockOptions> & { total?: number } = {}): MockAlibaba {
  const total = opts.total ?? ALIBABA_TOTAL;
  /** imagePath → the digest its generated offers are seeded with. */
  const images = new Map<string, string>();
  const imagePaths = new Set<string>();
  let punishCounter = 0;

  function slice(seed: string, pageNo: number): AlibabaMockOffer[] {
    const start = (pageNo - 1) * ALIBABA_PAGE_SIZE;
    const end = Math.min(total, start + ALIBABA_PAGE_SIZE);
    const out: AlibabaMockOffer[] = [];
    for (let i = start; i < end; i++) out.push(generatedAlibabaOffer(seed, i));
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

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    const offers = kind === 'empty' ? [] : slice(`image:${digest}`, pageNo);
    json(res, {
      success: true,
      model: {
        offers,
        paginationData: {
          totalCount: kind === 'empty' ? 0 : total,
          page: pageNo,
          pageSize: ALIBABA_PAGE_SIZE,
        },
      },
    });
  }

  return {
    imagePaths,
    owns: isAlibabaHost,
    async route({ req, res, url, entry, wall: kind, scheme }: MockRequest) {
      const host = entry.host;
      const api = url.pathname.startsWith('/search/api/');
      if (/_____tmd_____|punish/.test(url.pathname)) return html(res, punishPage());
      if (LOGIN_HOST_RE.test(host))
        return html(res, page('Sign in - Alibaba.com (mock)', '<form id="login"></form>'));
      if (kind && httpWall(kind, res, url, host, scheme, api)) {
        entry.wall = kind;
        return;
      }
      if (kind === 'empty') entry.wall = kind;
      if (host !== 'www.alibaba.com') return html(res, page('Alibaba.com (mock)', '<p>mock</p>'));
      switch (url.pathname) {
        case '/':
        case '/index.html':
          return html(res, page('Alibaba.com (mock)', '<div id="home">mock home</div>'));
        case '/trade/search': {
          const keywords = (
            url.searchParams.get('keywords') ??
            url.searchParams.get('SearchText') ??
            ''
          ).trim();
          const pageNo = Math.max(1, Number(url.searchParams.get('page')) || 1);
          const empty = kind === 'empty' || !keywords;
          return html(res, resultsPage(keywords, empty ? [] : slice(keywords, pageNo), empty ? 0 : total));
        }
        case '/search/api/imageTextSearchRegions':
          return upload(req, res);
        case '/search/api/imageTextSearch':
          return imageSearch(res, url.searchParams, kind);
        default:
          return send(res, 404, 'text/plain; charset=utf-8', 'not found');
      }
    },
    reset() {
      images.clear();
      imagePaths.clear();
      punishCounter = 0;
    },
  };
}
