import type { RouteId } from '../core/sources/index';
import type { OfferSku } from '../core/sources/provider';
import type { StoredOffer } from '../storage/types';

/** How a search request travelled: one of the source's routes (its definition's), or the local cache. */
export type SearchVia = RouteId | 'cache';

/** The answer to `searchOffers`: offers, or a state the person can act on. */
export type SearchReply =
  | {
      state: 'ok';
      offers: StoredOffer[];
      hasMore: boolean;
      pageId: string | null;
      total: number | null;
      /** Image search: the uploaded picture's id at the source, for later pages. */
      imageId: string | null;
      via: SearchVia;
      fetchedAt: number;
      stale: boolean;
    }
  | { state: 'needs-verification'; url: string }
  | { state: 'needs-login'; url: string }
  | { state: 'throttled'; retryAt: number }
  | { state: 'opened-page'; url: string; reason: string }
  | { state: 'error'; message: string };

/** A state a source answered instead of results: the person can act on it (or wait). */
export type WallReply = Extract<SearchReply, { state: 'needs-verification' | 'needs-login' | 'throttled' }>;

/**
 * The answer to `suggestQueries`. Suggestions are a convenience: they never queue behind searches, so a
 * prefix typed while the source is busy or backing off simply gets none (`skipped`).
 */
export type SuggestReply =
  | { state: 'ok'; suggestions: string[] }
  | { state: 'skipped'; reason: 'busy' | 'blocked' | 'superseded' | 'unsupported' }
  | { state: 'error'; message: string };

/** The answer to `readOffer`: the offer as its detail page shows it, or why not. */
export type OfferReply =
  | { state: 'ok'; offer: StoredOffer; skus: OfferSku[]; generation: 'context' | 'init-data' }
  | { state: 'delisted' }
  | WallReply
  | { state: 'error'; message: string };
