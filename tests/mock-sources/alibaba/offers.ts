/**
 * The offers the Alibaba.com mock generates, and the result-page blocks that carry them, shaped after what
 * public clients read (PROTOCOL.md "Alibaba.com" and "Second look"): offer objects in two generations of field
 * names, the page's `window.__page__data_sseNN.<block>` assignments, the `_wending` sponsored block.
 */
import { esc, hash32 } from '../html';

export type AlibabaMockOffer = Record<string, unknown>;

/** Offers on one keyword result page: what one public client counts (the site decides, the mock copies it). */
export const ALIBABA_PAGE_SIZE = 48;
/** Offers on one image-search page: what one public client counts for the site's image result list. */
export const ALIBABA_IMAGE_PAGE_SIZE = 20;
export const ALIBABA_TOTAL = 120;
/** The keyword page whose prices are in the visitor's own currency (₫) instead of dollars. */
export const ALIBABA_VND_PAGE = 3;
/** Every how-manieth offer carries the older field names (`detailUrl`, `minOrderQuality`, `goldYears`…). */
export const ALIBABA_OLDER_EVERY = 6;
const USD_TO_VND = 25_000;

const NOUNS = ['Lamp', 'Bottle', 'Bag', 'Cable', 'Mug', 'Chair', 'Toy', 'Shirt'];
const UNITS = ['pieces', 'sets', 'pairs', 'boxes'];
const COUNTRIES = ['CN', 'CN', 'CN', 'VN', 'IN', 'TR'];

/** How the prices of a page are written. */
export type PriceStyle = 'usd' | 'vnd' | 'bare';

function money(cents: number, style: PriceStyle): string {
  if (style === 'vnd') return `₫${Math.round((cents / 100) * USD_TO_VND).toLocaleString('en-US')}`;
  const n = (cents / 100).toFixed(2);
  return style === 'bare' ? n : `US$${n}`;
}

/** The facts behind one generated offer, whichever generation of field names writes them. */
export interface OfferFacts {
  id: string;
  title: string;
  noun: string;
  unit: string;
  lowCents: number;
  highCents: number;
  moq: number;
  companyName: string;
  companyId: string;
  country: string;
  years: number;
  h: number;
}

export function offerFacts(seed: string, i: number): OfferFacts {
  const h = hash32(`${seed}#${i}`);
  const words = seed.replace(/[^\p{L}\p{N} ]+/gu, ' ').trim() || 'Item';
  const noun = NOUNS[h % NOUNS.length] ?? 'Item';
  const low = 50 + (h % 900);
  return {
    id: String(1_600_000_000_000 + (hash32(seed) % 1_000_000) * 1000 + i),
    title: `${words} ${noun} model ${i + 1}`,
    noun,
    unit: UNITS[h % UNITS.length] ?? 'pieces',
    lowCents: low,
    highCents: low + 10 + (h % 300),
    moq: [1, 2, 10, 50, 100, 500][h % 6] ?? 1,
    companyName: `Mock ${noun} Co., Ltd. ${h % 97}`,
    companyId: String(200_000_000 + (h % 1_000_000)),
    country: COUNTRIES[h % COUNTRIES.length] ?? 'CN',
    years: 1 + (h % 15),
    h,
  };
}

/** An offer object in the current field names (`productUrl`, `price`, `moq`, `goldSupplierYears`). */
export function generatedAlibabaOffer(
  seed: string,
  i: number,
  opts: { style?: PriceStyle; paid?: boolean } = {},
): AlibabaMockOffer {
  const f = offerFacts(seed, i);
  const style = opts.style ?? 'usd';
  const slug = `${f.title}`.replace(/\s+/g, '-');
  const words = seed.replace(/[^\p{L}\p{N} ]+/gu, ' ').trim() || 'Item';
  const offer: AlibabaMockOffer = {
    id: f.id,
    productId: f.id,
    // The site wraps matched words in highlight tags.
    title: `<strong>${esc(words)}</strong> ${f.noun} model ${i + 1}`,
    productUrl: `//www.alibaba.com/product-detail/${encodeURIComponent(slug)}_${f.id}.html?spm=a2700.mock.${i}&s=p`,
    price:
      f.h % 2 === 0
        ? `${money(f.lowCents, style)}-${money(f.highCents, style).replace(/^US\$|^₫/, '')}`
        : style === 'usd'
          ? `$${(f.lowCents / 100).toFixed(2)}`
          : money(f.lowCents, style),
    moq: `Min. order: ${f.moq} ${f.unit}`,
    moqV2: `${f.moq} ${f.unit}`,
    companyName: f.companyName,
    companyId: f.companyId,
    countryCode: f.country,
    reviewScore: (4 + (f.h % 10) / 10).toFixed(1),
    reviewCount: String(f.h % 200),
    multiImage: [`//s.alicdn.com/@sc04/kf/Hmock${f.id}a.jpg`, `//s.alicdn.com/@sc04/kf/Hmock${f.id}b.jpg`],
    isP4p: opts.paid ?? false,
    goldSupplierYears: `${f.years} yrs`,
    tradeProduct: f.h % 3 !== 0,
    supplierHref: `//mock${f.h % 1000}.en.alibaba.com/company_profile.html?spm=a2700.mock`,
    verifiedSupplier: f.h % 4 === 0,
    isVerifiedManufacturer: f.h % 5 === 0,
  };
  if (f.h % 3 === 0) offer.soldOrder = `${(f.h % 5000).toLocaleString('en-US')} sold`;
  return offer;
}

/**
 * The same offer in the older field names public clients still read: `detailUrl`, `minOrderQuality` +
 * `minOrderUnit`, `minOrderDesc`, `goldYears`, `originalMinPrice` (a bare number: its currency is unknown).
 */
export function olderAlibabaOffer(seed: string, i: number): AlibabaMockOffer {
  const f = offerFacts(seed, i);
  return {
    productId: f.id,
    title: f.title,
    detailUrl: `//www.alibaba.com/product-detail/${encodeURIComponent(f.title.replace(/\s+/g, '-'))}_${f.id}.html`,
    originalMinPrice: (f.lowCents / 100).toFixed(2),
    minOrderQuality: f.moq,
    minOrderUnit: f.unit,
    minOrderDesc: `${f.moq} ${f.unit} (Min. Order)`,
    companyName: f.companyName,
    companyId: f.companyId,
    countryCode: f.country,
    mainImage: `//s.alicdn.com/@sc04/kf/Hmock${f.id}a.jpg`,
    goldYears: `${f.years} YRS`,
  };
}

/** Offer `i` of a keyword result list, as the page writes it. */
export function resultOffer(seed: string, i: number, page: number): AlibabaMockOffer {
  if (i % ALIBABA_OLDER_EVERY === ALIBABA_OLDER_EVERY - 1) return olderAlibabaOffer(seed, i);
  return generatedAlibabaOffer(seed, i, {
    style: page === ALIBABA_VND_PAGE ? 'vnd' : 'usd',
    // The first two places of a page are paid.
    paid: i % ALIBABA_PAGE_SIZE < 2,
  });
}

/** JSON safe inside a <script>: no `</script>` or `<!--` can close or comment it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The scripts of a keyword result page: the page-data object initialised, then its blocks, each in its own
 * streamed script; the block number moves with the page (sse10, sse11…), as on the site. The first page also
 * carries the `_wending` sponsored block (two products, one of them an organic offer again).
 */
export function resultScripts(seed: string, page: number, offers: AlibabaMockOffer[], total: number): string {
  const sse = `window.__page__data_sse${9 + page}`;
  const list = {
    offerResultData: {
      offers,
      totalCount: total,
      paginationData: { pageCount: Math.ceil(total / ALIBABA_PAGE_SIZE) },
    },
    keyword: seed,
  };
  const parts = [
    `<script>${sse} = ${sse} || {};</script>`,
    `<script>${sse}._offer_list = ${scriptJson(list)};</script>`,
  ];
  if (page === 1 && offers.length > 0) {
    const sponsored = [generatedAlibabaOffer(`${seed}#wending`, 0), offers[4] ?? offers[0]];
    const wending = { topSponsorModel: { productList: sponsored } };
    parts.push(
      '<script>window.__page__data_sse11 = window.__page__data_sse11 || {};</script>',
      `<script>window.__page__data_sse11._wending = ${scriptJson(wending)};</script>`,
    );
  }
  return parts.join('');
}

/** The same page after a site change: the blocks renamed, so nothing a parser knows is there. */
export function changedResultScripts(offers: AlibabaMockOffer[], total: number): string {
  const data = { productResultData: { products: offers, totalNum: total } };
  return `<script>window.__page__data_sse10 = window.__page__data_sse10 || {};</script><script>window.__page__data_sse10._product_list = ${scriptJson(data)};</script>`;
}
