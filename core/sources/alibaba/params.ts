/**
 * Query strings and bodies of the Alibaba.com requests, in the order public clients send them, and the paging
 * rule. Nothing is signed: unlike the 1688 gateway these are plain web endpoints.
 */
import { type ImageRegion, MAX_REGIONS } from './parse-image';

/**
 * The last page asked for: a bound against runaway paging, not a fact of the site (one public client saw 100
 * pages of results; 50 is plenty for a person).
 */
export const MAX_PAGE = 50;
/** Suggestions asked for: what the site's own search box shows (one public client allows up to 20). */
export const SUGGEST_COUNT = 10;

export function clampPage(page: number | undefined): number {
  return page !== undefined && Number.isSafeInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

/** `/trade/search?fsb=y&IndexArea=product_en&keywords=…&originKeywords=…&tab=all&page=N`. */
export function keywordSearchQuery(keywords: string, page: number): Record<string, string> {
  return {
    fsb: 'y',
    IndexArea: 'product_en',
    keywords,
    originKeywords: keywords,
    tab: 'all',
    page: String(page),
  };
}

/** The upload's one multipart field: the picture as a JPEG data URL. */
export function imageUploadFields(jpegBase64: string): Record<string, string> {
  return { pictureBase: `data:image/jpeg;base64,${jpegBase64}` };
}

/**
 * `/search/api/imageTextSearch?tab=all&SearchScene=imageTextSearch&imagePath=…&regions=[…]&from=…&page=N
 * &currency=USD&language=en_US`. The currency is asked for so that prices without a symbol are known to be
 * dollars (the call takes it: PROTOCOL.md, "Second look").
 */
export function imageSearchQuery(
  imagePath: string,
  regions: readonly ImageRegion[],
  page: number,
): Record<string, string> {
  return {
    tab: 'all',
    SearchScene: 'imageTextSearch',
    imagePath,
    regions: JSON.stringify(regions.slice(0, MAX_REGIONS)),
    // What the site's own home-page search box sends; kept as is, since such "analytics" parameters have turned
    // out to be required on Alibaba-group endpoints before.
    from: 'pcHomeContent',
    page: String(page),
    currency: IMAGE_SEARCH_CURRENCY,
    language: 'en_US',
  };
}

/** The currency the image search is asked to answer in. */
export const IMAGE_SEARCH_CURRENCY = 'USD';

/** `associationSuggestionViewService?keywords=…&tab=all&bizScene=&pageSize=10&showAd=false&showGgs=false`. */
export function suggestQuery(keywords: string): Record<string, string> {
  return {
    keywords,
    tab: 'all',
    bizScene: '',
    pageSize: String(SUGGEST_COUNT),
    showAd: 'false',
    showGgs: 'false',
  };
}

/** What one answer says about paging, besides its entries. */
export interface PagingFacts {
  /** Entries in the answer's list before any was dropped. */
  rawCount: number;
  /** Total matches, when the answer states it. */
  total: number | null;
  /** Pages in all, when the answer states it (`paginationData.pageCount`). */
  pageCount: number | null;
  /** Entries a full page holds: stated by the answer, or seen on this search's first page; null when unknown. */
  pageSize: number | null;
}

/**
 * Whether another page may hold more offers. The site decides its page size (48 in one public client), so none
 * is assumed: a stated page count answers it; else the total against the entries up to this page (earlier
 * pages as full as the stated or first-seen page size, or as this one); else a page as full as a known page
 * size; else, knowing nothing, yes — an empty next page ends it.
 */
export function hasMorePages(page: number, facts: PagingFacts): boolean {
  const { rawCount, total, pageCount, pageSize } = facts;
  if (rawCount === 0 || page >= MAX_PAGE) return false;
  if (pageCount !== null) return page < pageCount;
  const perPage = Math.max(pageSize ?? 0, rawCount);
  if (total !== null) return (page - 1) * perPage + rawCount < total;
  return pageSize === null || rawCount >= pageSize;
}
