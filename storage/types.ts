import type * as v from 'valibot';
import type { Availability } from '../core/detect/types';
import type { StoredVariantsSchema } from '../core/sources/offer-schema';
import type { SearchFilters } from '../core/sources/provider';
import type { PriceTier, WholesaleOffer } from '../core/sources/types';

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
  /** Its variants as its page last showed them; absent until the page was read (storage/offers.ts). */
  variants?: StoredVariants;
}

export type StoredVariants = v.InferOutput<typeof StoredVariantsSchema>;

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
  /** How it was seen: the spotter on a retail page, a search, harvesting, an offer page, a scheduled refresh. */
  via: 'spotter' | 'search' | 'harvest' | 'offer-page' | 'refresh';
  /** An offer's tier prices as read with this price, when known (searches often give only a range). */
  tiers?: PriceTier[];
  /**
   * Set (= `at`) on full-detail points only; the daily min/max points retention makes have none. Indexed, so the
   * index lists exactly the points retention may still collapse (IndexedDB leaves rows without the key out).
   */
  detailAt?: number;
  /** Daily min/max points only: the day's highest `minor` (`minor` is then the day's lowest). */
  highMinor?: number;
}

/** A price point as a block holds it: its subject is the block's. */
export type BlockPoint = Omit<PriceObservation, 'id' | 'subjectKey' | 'subjectKind'>;

/**
 * Many price points of one subject in one row (storage/price-blocks.ts): whole UTC days, oldest first. Reading a
 * subject's history is then a few rows, not one row per point. Key: `[subjectKey+start]`.
 */
export interface PriceBlock {
  subjectKey: string;
  /** The UTC day start of its first point: blocks never share a day, so the key is unique per subject. */
  start: number;
  subjectKind: PriceObservation['subjectKind'];
  /** Oldest first, `at` unique. */
  points: BlockPoint[];
  /** `points.length`, indexed: the options page counts prices from the index alone, reading no block. */
  size: number;
  /**
   * The oldest full-detail point's `at`; absent when every point is a daily one. Indexed, so the index lists
   * exactly the blocks retention may still collapse.
   */
  detailFrom?: number;
}

/** The newest price point of each subject, kept beside the history so settling the inbox reads no history. */
export type LatestPrice = Omit<PriceObservation, 'id' | 'detailAt' | 'highMinor'>;

/**
 * One recorded batch of observations waiting to be settled into the history (storage/price-inbox.ts), in the order
 * they were seen. `subjects` lists their subjects once each (a multi-entry index: a reader finds its rows).
 */
export interface InboxBatch {
  id?: number;
  subjects: string[];
  points: Omit<PriceObservation, 'id' | 'detailAt' | 'highMinor'>[];
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
  /**
   * The unit price at the buyer's quantity they would buy at (minor units of the offer's currency): a scheduled
   * refresh that finds it reached raises an alert. Null for none; rows kept before it existed lack it (read as
   * null — not indexed, so no schema version).
   */
  targetPriceMinor: number | null;
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
  /** Last time a search asked for this picture's hash (to purge pictures unused for some days). */
  usedAt: number;
}
