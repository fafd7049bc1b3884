/**
 * Query strings and bodies of the Alibaba.com requests, in the order public clients send them. Nothing is
 * signed: unlike the 1688 gateway these are plain web endpoints.
 */
import { type ImageRegion, MAX_REGIONS } from './parse-image';

/** Offers on one result page, as public clients count them (the page size cannot be chosen). */
export const PAGE_SIZE = 40;
export const MAX_PAGE = 50;

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

/** `/search/api/imageTextSearch?tab=all&SearchScene=imageTextSearch&imagePath=…&regions=[…]&from=…&page=N`. */
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
  };
}

/**
 * Whether another page may hold more offers. With a total: the offers up to this page fall short of it (earlier
 * pages are assumed full). Without one: this page was full.
 */
export function hasMorePages(page: number, rawCount: number, total: number | null): boolean {
  if (rawCount === 0 || page >= MAX_PAGE) return false;
  const perPage = Math.max(PAGE_SIZE, rawCount);
  if (total !== null) return (page - 1) * perPage + rawCount < total;
  return rawCount >= PAGE_SIZE;
}
