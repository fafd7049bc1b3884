import type { RouteId } from '../core/sources/index';
import type { OfferSku, SearchFilters, Unrecognised } from '../core/sources/provider';
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
      /** The last page of the source's list read for this answer ("more offers" asks for the next). */
      lastPage: number;
      /** Filters the source does not take, applied by SourceLens to this answer. */
      filteredHere: (keyof SearchFilters)[];
      /** The source did not return the asked order; SourceLens sorted the offers. */
      sortedHere: boolean;
      via: SearchVia;
      fetchedAt: number;
      stale: boolean;
    }
  /** `denied`: the source's check page refused access outright (`action=deny`): nothing to pass, only to wait. */
  | { state: 'needs-verification'; url: string; denied?: true }
  | { state: 'needs-login'; url: string }
  | { state: 'throttled'; retryAt: number }
  | { state: 'opened-page'; url: string; reason: string }
  | UnrecognisedReply
  | TimedOutReply
  /** The person cancelled the search. */
  | { state: 'cancelled' }
  | { state: 'error'; message: string };

/**
 * The source answered in a shape SourceLens does not recognise (the site changed): what to copy for a report,
 * and `url`, the page on the source where the person can go on by hand.
 */
export type UnrecognisedReply = Omit<Unrecognised, 'state'> & {
  state: 'unrecognised';
  /** The source's id. */
  source: string;
  url: string;
};

/** No answer by the request's deadline; the source is free again and the person may retry. */
export interface TimedOutReply {
  state: 'timed-out';
  seconds: number;
}

/** A state a source answered instead of results: the person can act on it (or wait). */
export type WallReply = Extract<SearchReply, { state: 'needs-verification' | 'needs-login' | 'throttled' }>;

/**
 * The answer to `suggestQueries`. Suggestions are a convenience: they never queue behind searches, so a
 * prefix typed while the source is busy or backing off simply gets none (`skipped`).
 */
export type SuggestReply =
  | { state: 'ok'; suggestions: string[] }
  | { state: 'skipped'; reason: 'busy' | 'blocked' | 'superseded' | 'unsupported' | 'unrecognised' }
  | { state: 'error'; message: string };

/** The answer to `readOffer`: the offer as its detail page shows it, or why not. */
export type OfferReply =
  | {
      state: 'ok';
      offer: StoredOffer;
      skus: OfferSku[];
      generation: 'context' | 'init-data';
      /** How the page was read: its HTML fetched, or shown in the helper tab after its scripts ran. */
      read: 'fetched' | 'rendered';
      /** False when the page carried no variant map at all ("variants not loaded", not "no variants"). */
      skusKnown: boolean;
    }
  | { state: 'delisted' }
  | WallReply
  | UnrecognisedReply
  | TimedOutReply
  | { state: 'error'; message: string };
