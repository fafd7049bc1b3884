/**
 * Reading an Alibaba.com product page's data object after the page's own scripts ran (the offer reader's
 * fallback when a fetched page's HTML does not carry it: see entrypoints/background/sources/offer-reader.ts).
 */
import type { PageDataReader } from '../definition';

/**
 * Serialised into the product page and run in its own world, so it uses nothing imported: `window.detailData`
 * (what public readers of product-detail pages read) as plain JSON data, or null.
 */
export const pageDetailData: PageDataReader = () => {
  const value = (window as unknown as { detailData?: unknown }).detailData;
  if (!value || typeof value !== 'object') return null;
  try {
    const text = JSON.stringify(value);
    return text && text.length < 5_000_000 ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};
