import { storage } from 'wxt/utils/storage';

/** A search asked for from a right-click, waiting for the side panel to run it. */
export interface PendingSearch {
  mode: 'image' | 'keywords';
  query: string;
  at: number;
}

export const pendingSearch = storage.defineItem<PendingSearch | null>('session:pendingSearch', {
  fallback: null,
});
