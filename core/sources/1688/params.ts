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
 * Sort → the `sortType` 1688's own pages send (captured from their sort clicks; a public scraper's input enum
 * lists exactly these): `va_price_asc`, `va_price_desc`, `va_rmdarkgmv30` (sales). Relevance sends no sortType;
 * `descendOrder` belongs to 2014-era addresses and is not sent. Whether the answer really came sorted is checked
 * by the caller.
 */
export const SORT_TYPES: Readonly<Record<SortOrder, string | null>> = {
  relevance: null,
  'price-asc': 'va_price_asc',
  'price-desc': 'va_price_desc',
  sales: 'va_rmdarkgmv30',
};

/** Image search: the page sends `sortType: "normal"` whatever is shown; other orders are applied here. */
export const IMAGE_SORT_TYPE = 'normal';

export function sortParams(sort: SortOrder | undefined): Params {
  const sortType = sort ? SORT_TYPES[sort] : null;
  return sortType ? { sortType } : {};
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
  // No dropshipping filter is sent: no public client knows the API's name for it, so it is applied here to the
  // items' own marks (the source definition says so).
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
    sortType: IMAGE_SORT_TYPE,
    ...filterParams(opts.filters),
  };
  if (opts.pageId) params.pageId = opts.pageId;
  return params;
}

// Shared with Alibaba.com's image search; re-exported so 1688 callers keep one import.
export { cleanBase64, isJpegBase64 } from '../jpeg';
