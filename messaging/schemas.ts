import * as v from 'valibot';
import { DetectedProductSchema } from '../core/detect/product-schema';
import { DEFAULT_SOURCE, SOURCE_IDS } from '../core/sources/index';
import { SearchFiltersSchema, SORT_ORDERS, WholesaleOfferSchema } from '../core/sources/offer-schema';
import { httpUrl, text } from '../core/wire';
import { SHORTLIST_STATUSES } from '../storage/types';

/**
 * Runtime schemas for everything that crosses into the background. Content scripts run beside hostile
 * pages, so every field is bounded and URLs must be http(s); a message that fails here changes nothing. The
 * product and offer shapes are the ones core declares (their types are inferred from the same schemas), and
 * source ids and sorts come from the source registry: nothing here restates a type.
 */
export const ProductSpottedSchema = v.object({ product: DetectedProductSchema, pageUrl: httpUrl });
export const EmptySchema = v.optional(v.union([v.object({}), v.undefined(), v.null()]));
/** A registered wholesale source (core/sources/index.ts); the first one when not said. */
const sourceId = v.optional(v.picklist(SOURCE_IDS), DEFAULT_SOURCE);
/** The person passed a check on a source's site. */
export const SourceVerifiedSchema = v.optional(
  v.union([v.object({ source: sourceId }), v.undefined(), v.null()]),
);
export const TabIdSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const requestId = v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, 'a request id'));

export const SearchOffersSchema = v.pipe(
  v.object({
    source: sourceId,
    mode: v.picklist(['keywords', 'image']),
    query: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2048)),
    sort: v.picklist(SORT_ORDERS),
    filters: SearchFiltersSchema,
    page: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
    pageId: v.nullable(text(64)),
    imageId: v.optional(v.nullable(text(2048))),
    refresh: v.boolean(),
    /** The panel's id for this search: its progress is reported under it, and `cancelSearch` names it. */
    requestId: v.optional(requestId),
  }),
  // An image search fetches the picture: only an http(s) address may ever be fetched.
  v.check((r) => r.mode !== 'image' || /^https?:\/\//i.test(r.query), 'a picture must be an http(s) URL'),
);
/** One search as the background runs it (defaults filled in). */
export type SearchRequest = v.InferOutput<typeof SearchOffersSchema>;

/** The query box's prefix, for the source's own suggestions. */
export const SuggestQueriesSchema = v.object({
  source: sourceId,
  prefix: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(50)),
});
/** One offer to read in full (tiers, variants, dropship price) from its own page. */
export const ReadOfferSchema = v.object({
  source: sourceId,
  offerId: v.pipe(v.string(), v.regex(/^\d{5,20}$/, 'an offer id')),
});
export const CancelSearchSchema = v.object({ requestId });

export const ShortlistToggleSchema = v.object({ offerKey: text(200), productKey: v.nullable(text(400)) });
/** Keep an offer with a note and tags in one step, or change them. */
export const KeepOfferSchema = v.object({
  offerKey: text(200),
  productKey: v.nullable(text(400)),
  note: v.optional(text(2000)),
  tags: v.optional(v.pipe(v.array(text(30)), v.maxLength(20))),
});
/** Move a kept offer (or one kept now) along the buying steps. */
export const SetOfferStatusSchema = v.object({
  offerKey: text(200),
  productKey: v.nullable(text(400)),
  status: v.picklist(SHORTLIST_STATUSES),
});
/** The price a kept offer should reach (minor units at the buyer's quantity; null clears it): alerts fire on it. */
export const SetTargetPriceSchema = v.object({
  offerKey: text(200),
  targetPriceMinor: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
});

/**
 * Offers read from a 1688 page the person is browsing (only 1688 pages may report them; see the handler): the
 * offer shape, narrowed to what the harvest script reads there — 1688 ids, yuan.
 */
export const HarvestedOfferSchema = v.object({
  ...WholesaleOfferSchema.entries,
  source: v.pipe(text(20), v.value('1688')),
  offerId: v.pipe(v.string(), v.regex(/^\d{5,20}$/)),
  currency: v.pipe(text(3), v.value('CNY')),
});
export const OffersHarvestedSchema = v.object({
  pageUrl: v.pipe(httpUrl, v.regex(/^https:\/\/[a-z0-9.-]*\.1688\.com\//, 'a 1688 page')),
  kind: v.picklist(['results', 'offer-page']),
  offers: v.pipe(v.array(HarvestedOfferSchema), v.maxLength(120)),
});

export const HashImagesSchema = v.object({ urls: v.pipe(v.array(httpUrl), v.maxLength(120)) });

/**
 * The in-page "Find source" button (spotter content script): search by the picture it sits on, or by words.
 * The picture is fetched by the background later, so only an http(s) address is taken.
 */
export const FindSourceFromPageSchema = v.variant('mode', [
  v.object({ mode: v.literal('image'), query: httpUrl }),
  v.object({
    mode: v.literal('keywords'),
    query: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  }),
]);
