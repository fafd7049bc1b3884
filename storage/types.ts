import type { Availability } from '../core/detect/types';
import type { SearchFilters } from '../core/sources/provider';
import type { WholesaleOffer } from '../core/sources/types';

/** A retail product the spotter saw. Key: `site:itemId`, or `url:<canonical URL>` when the site has no id. */
export interface StoredProduct {
  key: string;
  kind: 'product' | 'social-candidate';
  site: string;
  itemId: string | null;
  title: string;
  /** A social post's text (Xiaohongshu note); null for shop products. */
  text: string | null;
  url: string;
  images: string[];
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  availability: Availability;
  /** Latest price seen, integer minor units; null for social candidates and unpriced pages. */
  priceMinor: number | null;
  priceMaxMinor: number | null;
  currency: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** A wholesale offer from a source. Key: `source:offerId`; seeing it again updates the row. */
export interface StoredOffer extends WholesaleOffer {
  key: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** One price seen at one moment: the raw material of price history. */
export interface PriceObservation {
  id?: number;
  /** `StoredProduct.key` or `StoredOffer.key`. */
  subjectKey: string;
  subjectKind: 'product' | 'offer';
  minor: number;
  maxMinor: number | null;
  currency: string;
  /** Epoch milliseconds. */
  at: number;
  /** The page where it was seen (http(s)). */
  where: string;
  via: 'spotter' | 'search' | 'harvest' | 'offer-page';
}

/**
 * Where the buyer is with a kept offer. The order is the usual path (considering → contacted → sample ordered →
 * ordered); `rejected` can come at any point.
 */
export const SHORTLIST_STATUSES = ['considering', 'contacted', 'sample', 'ordered', 'rejected'] as const;
export type ShortlistStatus = (typeof SHORTLIST_STATUSES)[number];

/** An offer the user kept, optionally for a retail product they are sourcing. */
export interface ShortlistEntry {
  id?: number;
  offerKey: string;
  productKey: string | null;
  note: string;
  /** The buyer's own labels ("summer", "for Xiaohongshu"), lower-cased, each once. */
  tags: string[];
  status: ShortlistStatus;
  /** Every status the entry had, with when it was set, oldest first (the first is when it was kept). */
  statusHistory: { status: ShortlistStatus; at: number }[];
  /** The quantity the buyer plans to order (for tier and margin figures). */
  quantity: number | null;
  addedAt: number;
}

/** What a cached search answer said about paging, beside its offers: enough to ask for the next page. */
export interface LookupPaging {
  hasMore: boolean;
  /** The source's paging session id, to pass back for the next page. */
  pageId: string | null;
  /** Matches the source reported, when it did. */
  total: number | null;
  /** Image search: the uploaded picture's id at the source (no second upload for later pages). */
  imageId: string | null;
  /**
   * The last page of the source's list these offers came from: filters applied here may read a few pages for
   * one answer, and "more offers" goes on after it. Null in lookups stored before it was kept.
   */
  lastPage: number | null;
  /** Filters the source does not take, applied by SourceLens to this answer. */
  filteredHere: (keyof SearchFilters)[];
  /** The source did not return the offers in the asked order; SourceLens sorted them. */
  sortedHere: boolean;
}

/** A cached answer from a source: which offers a query returned, and when it goes stale. */
export interface CachedLookup {
  key: string;
  source: string;
  query: string;
  offerKeys: string[];
  paging: LookupPaging;
  fetchedAt: number;
  expiresAt: number;
}

/** A picture's perceptual hash (64-bit dHash, hex), cached per image URL; null with the reason when unreadable. */
export interface ImageHash {
  url: string;
  hash: string | null;
  error: string | null;
  at: number;
}
