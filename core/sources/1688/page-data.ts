/**
 * Reading a 1688 offer page's data object after the page's own scripts ran (the offer reader's fallback when a
 * fetched page's HTML does not carry the data: see entrypoints/background/sources/offer-reader.ts).
 */
import type { PageDataReader } from '../definition';

/**
 * Serialised into the offer page and run in its own world, so it uses nothing imported: the current pages'
 * `window.context` (or the older `window.__INIT_DATA`) as plain JSON data — a round trip through JSON drops
 * functions and anything else that cannot leave the page. Null when there is none or it cannot be copied.
 */
export const pageOfferData: PageDataReader = () => {
  const w = window as unknown as { context?: unknown; __INIT_DATA?: unknown };
  for (const value of [w.context, w.__INIT_DATA]) {
    if (!value || typeof value !== 'object') continue;
    try {
      const text = JSON.stringify(value);
      // A page data object is a few hundred kilobytes; anything far larger is not it.
      if (text && text.length < 5_000_000) return JSON.parse(text);
    } catch {
      // a cycle or a getter that throws: not plain data
    }
  }
  return null;
};
