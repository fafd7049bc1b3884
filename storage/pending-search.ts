import { storage } from 'wxt/utils/storage';

/** A search asked for from a right-click, the in-page button or the like, for the side panel to run. */
export interface SearchRequestFromPage {
  mode: 'image' | 'keywords';
  query: string;
}

/** A search waiting for the side panel, with when it was asked for. */
export interface PendingSearch extends SearchRequestFromPage {
  at: number;
}

export const pendingSearch = storage.defineItem<PendingSearch | null>('session:pendingSearch', {
  fallback: null,
});
