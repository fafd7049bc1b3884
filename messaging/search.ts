import type { StoredOffer } from '../storage/types';

/** How a search request travelled: a transport, or the local cache. */
export type SearchVia = 'gateway-tab' | 'page-mtop' | 'cache';

/** The answer to `searchOffers`: offers, or a state the person can act on. */
export type SearchReply =
  | {
      state: 'ok';
      offers: StoredOffer[];
      hasMore: boolean;
      pageId: string | null;
      total: number | null;
      via: SearchVia;
      fetchedAt: number;
      stale: boolean;
    }
  | { state: 'needs-verification'; url: string }
  | { state: 'needs-login'; url: string }
  | { state: 'throttled'; retryAt: number }
  | { state: 'opened-page'; url: string; reason: string }
  | { state: 'error'; message: string };
