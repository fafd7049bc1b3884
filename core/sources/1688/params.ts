/**
 * Parameters of the one recommend API both searches use: `data = {"appId": …, "params": "<JSON string>"}`.
 * Keyword search and image search use appId 32517, keyword suggestions appId 39799.
 */
import type { SearchFilters, SearchOptions, SortOrder } from '../provider';

export const SEARCH_APP_ID = 32517;
export const SUGGEST_APP_ID = 39799;
export const MAX_PAGE_SIZE = 60;

type Params = Record<string, string | number | boolean>;

/** The `data` string that is sent and signed. */
export function recommendData(appId: number, params: Params): string {
  return JSON.stringify({ appId, params: JSON.stringify(params) });
}

export function clampPage(page: number | undefined): number {
  return Number.isSafeInteger(page) && (page as number) >= 1 ? Math.min(page as number, 100) : 1;
}

export function clampPageSize(size: number | undefined): number {
  return Number.isSafeInteger(size) && (size as number) >= 1
    ? Math.min(size as number, MAX_PAGE_SIZE)
    : MAX_PAGE_SIZE;
}

/**
 * A fresh paging session id. The real format is not documented; any opaque string is accepted by the clients
 * seen, so this is 32 lower-case hex characters. Keep one per search session when paging.
 */
export function newPageId(random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < 32; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/**
 * Sort → `sortType` (+ `descendOrder`). `va_rmdarkgmv30rt` (30-day GMV, descending) is documented; `price` with
 * `descendOrder` true/false is the name the person-facing page uses; relevance sends no sortType at all.
 */
export function sortParams(sort: SortOrder | undefined): Params {
  switch (sort) {
    case 'price-asc':
      return { sortType: 'price', descendOrder: false };
    case 'price-desc':
      return { sortType: 'price', descendOrder: true };
    case 'sales':
      return { sortType: 'va_rmdarkgmv30rt', descendOrder: true };
    default:
      return {};
  }
}

function filterParams(filters: SearchFilters | undefined): Params {
  const out: Params = {};
  if (!filters) return out;
  const province = filters.province?.trim();
  if (province) out.province = province;
  const city = filters.city?.trim();
  if (city) out.city = city;
  if (Number.isSafeInteger(filters.maxMinOrder) && (filters.maxMinOrder as number) > 0) {
    out.quantityBegin = filters.maxMinOrder as number;
  }
  // Parameter name not confirmed on the real gateway (a guess): the provider also filters the answer itself.
  if (filters.dropship) out.dropShipping = true;
  return out;
}

export interface KeywordParamsOptions extends SearchOptions {
  /** Send the GBK percent-encoded keywords instead of plain text (1688's own page does; both are accepted). */
  gbkKeywords?: string | null;
}

/** `getOfferList` params for keyword search. */
export function keywordSearchParams(keywords: string, opts: KeywordParamsOptions = {}): Params {
  const params: Params = {
    method: 'getOfferList',
    keywords: opts.gbkKeywords ?? keywords,
    charset: 'GBK',
    beginPage: clampPage(opts.page),
    pageSize: clampPageSize(opts.pageSize),
    verticalProductFlag: 'pcmarket',
    searchScene: 'pcOfferSearch',
    ...sortParams(opts.sort),
    ...filterParams(opts.filters),
  };
  if (opts.sort === undefined || opts.sort === 'relevance') delete params.sortType;
  if (opts.pageId) params.pageId = opts.pageId;
  return params;
}

/** `input_suggest` params (appId 39799). */
export function suggestParams(prefix: string): Params {
  return {
    bizName: 'input_suggest',
    keyword: prefix,
    verticalProductFlag: 'pcmarket',
    type: 'offer',
    appName: 'nodeSearchWork',
  };
}

/** Step 1 of image search: upload a JPEG as base64. */
export function imageUploadParams(jpegBase64: string): Params {
  return {
    method: 'uploadBase64WithRequest',
    imageBase64: jpegBase64,
    searchScene: 'pcImageSearch',
    appName: 'pctusou',
    beginPage: 1,
    pageSize: MAX_PAGE_SIZE,
  };
}

/** Step 2 of image search: offers for an uploaded image id. */
export function imageSearchParams(imageId: string, opts: SearchOptions = {}): Params {
  const params: Params = {
    method: 'imageOfferSearchService',
    imageId,
    searchScene: 'pcImageSearch',
    appName: 'pctusou',
    beginPage: clampPage(opts.page),
    pageSize: clampPageSize(opts.pageSize),
    ...sortParams(opts.sort),
    ...filterParams(opts.filters),
  };
  if (opts.pageId) params.pageId = opts.pageId;
  return params;
}

// Shared with Alibaba.com's image search; re-exported so 1688 callers keep one import.
export { cleanBase64, isJpegBase64 } from '../jpeg';
