import { storage } from 'wxt/utils/storage';
import type { SearchFilters, SortOrder } from '../core/sources/provider';

/**
 * The last search the side panel ran for a product, so reopening the panel on the same product shows its
 * results at once (from the background's cache). Kept in session storage: it lasts as long as the browser
 * session, like the cache it leans on, and is gone with the session rather than becoming one more place a query
 * is stored. Written and read by the side panel only.
 */
export interface LastSearch {
  source: string;
  mode: 'keywords' | 'image';
  /** The words, or the picture's http(s) address. */
  query: string;
  sort: SortOrder;
  filters: SearchFilters;
  at: number;
  /**
   * Until when the background's cache holds the answer (when it was fetched plus the cache hours then set): only
   * until then is the search run again by itself on opening, answered from the cache without a request.
   */
  expiresAt: number;
}

/** Products remembered at most (the newest win): enough for a day of browsing, small enough to read at once. */
const KEEP = 50;

export const lastSearches = storage.defineItem<Record<string, LastSearch>>('session:lastSearches', {
  fallback: {},
});

/** The last search run for this product, or null; `all` is a read of every one already under way. */
export async function recallSearch(
  productKey: string,
  all: Promise<Record<string, LastSearch>> = lastSearches.getValue(),
): Promise<LastSearch | null> {
  return (await all)[productKey] ?? null;
}

let writes: Promise<void> = Promise.resolve();

/** Remembers the search just answered for this product (writes in order; the oldest products fall away). */
export function rememberSearch(productKey: string, search: LastSearch): Promise<void> {
  writes = writes
    .then(async () => {
      const all = { ...(await lastSearches.getValue()), [productKey]: search };
      const keys = Object.keys(all).sort((a, b) => (all[b]?.at ?? 0) - (all[a]?.at ?? 0));
      for (const key of keys.slice(KEEP)) delete all[key];
      await lastSearches.setValue(all);
    })
    .catch(() => {});
  return writes;
}
