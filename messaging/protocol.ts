import type * as v from 'valibot';
import type { DetectedProduct } from '../core/detect/types';
import type { ImageHash, ShortlistEntry, StoredProduct } from '../storage/types';
import * as s from './schemas';
import type { OfferReply, SearchReply, SuggestReply } from './search';

/**
 * The one protocol map. Each message names its schema (checked in the background), who may send it, and the
 * shape of its answer. Direction: `content` = spotter content script → background; `page` = extension pages
 * (popup, side panel, options) → background.
 */
export const protocol = {
  /** content → background: the spotter found (or re-found) a product on this tab. */
  productSpotted: { from: 'content', schema: s.ProductSpottedSchema },
  /** content → background: the page no longer shows a product (SPA navigation away). */
  productCleared: { from: 'content', schema: s.EmptySchema },
  /** content → background: offers on a 1688 page the person is browsing (harvest script). */
  offersHarvested: { from: 'content', schema: s.OffersHarvestedSchema },
  /** page → background: what the spotter saw on a tab (side panel follows the active tab). */
  getTabProduct: { from: 'page', schema: s.TabIdSchema },
  /** page → background: the user asked to erase everything SourceLens stored (options page). */
  deleteAllData: { from: 'page', schema: s.EmptySchema },
  /** page → background: search a wholesale source by keywords or by a picture's URL. */
  searchOffers: { from: 'page', schema: s.SearchOffersSchema },
  /** page → background: a source's own query suggestions for what the person is typing. */
  suggestQueries: { from: 'page', schema: s.SuggestQueriesSchema },
  /** page → background: read one offer's detail page (tiers, SKUs, dropshipping) on demand. */
  readOffer: { from: 'page', schema: s.ReadOfferSchema },
  /** page → background: the person passed the check on a source; lift the back-off. */
  sourceVerified: { from: 'page', schema: s.SourceVerifiedSchema },
  /** page → background: perceptual hashes of pictures (product and offers), for same-photo matching. */
  hashImages: { from: 'page', schema: s.HashImagesSchema },
  /** page → background: keep an offer in the shortlist, or drop it when it is already there. */
  toggleShortlist: { from: 'page', schema: s.ShortlistToggleSchema },
  /** page → background: keep an offer with a note and tags (or change them). */
  keepOffer: { from: 'page', schema: s.KeepOfferSchema },
  /** page → background: move a kept offer along the buying steps (asking a supplier marks it contacted). */
  setOfferStatus: { from: 'page', schema: s.SetOfferStatusSchema },
  /** page → background: the price a kept offer should reach (popup detail view); a refresh reaching it alerts. */
  setTargetPrice: { from: 'page', schema: s.SetTargetPriceSchema },
  /** page → background: the person has seen the price alerts (popup opened); the toolbar count goes. */
  alertsSeen: { from: 'page', schema: s.EmptySchema },
  /** page → background: stop a running search the panel started. */
  cancelSearch: { from: 'page', schema: s.CancelSearchSchema },
  /** content → background: the in-page "Find source" button was clicked; open the side panel on that search. */
  findSourceFromPage: { from: 'content', schema: s.FindSourceFromPageSchema },
  /** content → background: the in-page button's words in the language chosen in the options (not the browser's). */
  inPageButtonText: { from: 'content', schema: s.EmptySchema },
} as const satisfies Record<string, { from: 'content' | 'page'; schema: v.GenericSchema }>;

export type MessageType = keyof typeof protocol;
/** What a handler receives: the data after its schema (defaults filled in). */
export type MessageData<T extends MessageType> = v.InferOutput<(typeof protocol)[T]['schema']>;
/** What a sender passes: the data before its schema (fields with defaults may be left out). */
export type MessageInput<T extends MessageType> = v.InferInput<(typeof protocol)[T]['schema']>;

/** Answers, by message. Plain data only (structured-clone safe). */
export interface ProtocolReplies {
  productSpotted: { productKey: string; observed: boolean };
  productCleared: { cleared: true };
  offersHarvested: { recorded: number };
  getTabProduct: { product: DetectedProduct | null; stored: StoredProduct | null };
  deleteAllData: { deleted: true };
  searchOffers: SearchReply;
  suggestQueries: SuggestReply;
  readOffer: OfferReply;
  sourceVerified: { cleared: true };
  toggleShortlist: { kept: boolean };
  keepOffer: { entry: ShortlistEntry };
  setOfferStatus: { entry: ShortlistEntry };
  /** `entry`: null when the offer is not kept (a target belongs to a kept offer). */
  setTargetPrice: { entry: ShortlistEntry | null };
  alertsSeen: { cleared: true };
  cancelSearch: { cancelled: boolean };
  hashImages: { hashes: ImageHash[] };
  /** `opened`: whether the browser opened the panel (the search is left for it either way). */
  /**
   * `opened`: the panel opened, or was open already and takes the search; else `notice` says in the person's
   * language how to open it (the search waits there).
   */
  findSourceFromPage: { opened: boolean; notice: string | null };
  inPageButtonText: { label: string; hint: string };
}

export type ErrorCode =
  | 'bad-envelope'
  | 'unknown-type'
  | 'bad-sender'
  | 'bad-data'
  | 'handler-failed'
  /** Too many messages of this type from one tab (messaging/refusal.ts). */
  | 'rate-limited';
export type Reply<T extends MessageType> =
  | { ok: true; data: ProtocolReplies[T] }
  | { ok: false; error: { code: ErrorCode; message: string } };

/** The wire envelope every message travels in. */
export interface Envelope<T extends MessageType = MessageType> {
  sourcelens: 1;
  type: T;
  data: MessageInput<T>;
}
