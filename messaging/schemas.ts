import * as v from 'valibot';

/**
 * Runtime schemas for everything that crosses into the background. Content scripts run beside hostile
 * pages, so every field is bounded and URLs must be http(s); a message that fails here changes nothing.
 */
const httpUrl = v.pipe(v.string(), v.maxLength(2048), v.url(), v.regex(/^https?:\/\//i, 'must be http(s)'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const currency = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'ISO 4217 code'));
const minor = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

export const MoneySchema = v.object({ minor, currency });

const layer = v.picklist(['adapter', 'jsonld', 'microdata', 'rdfa', 'opengraph', 'twitter', 'dom', 'url']);

export const DetectedProductSchema = v.object({
  kind: v.picklist(['product', 'social-candidate']),
  title: v.pipe(text(300), v.minLength(1)),
  text: v.nullable(text(2000)),
  price: v.nullable(MoneySchema),
  priceMax: v.nullable(MoneySchema),
  images: v.pipe(v.array(httpUrl), v.maxLength(20)),
  brand: v.nullable(text(100)),
  sku: v.nullable(text(100)),
  gtin: v.nullable(text(100)),
  availability: v.nullable(v.picklist(['in_stock', 'out_of_stock', 'preorder', 'discontinued', 'limited'])),
  site: text(40),
  itemId: v.nullable(text(100)),
  canonicalUrl: httpUrl,
  sources: v.record(
    v.picklist(['title', 'text', 'price', 'images', 'brand', 'sku', 'gtin', 'availability', 'itemId']),
    layer,
  ),
});

export const ProductSpottedSchema = v.object({ product: DetectedProductSchema, pageUrl: httpUrl });
export const EmptySchema = v.optional(v.union([v.object({}), v.undefined(), v.null()]));
/** A wholesale source (core/sources/index.ts); 1688 when not said. */
const sourceId = v.optional(v.picklist(['1688', 'alibaba']), '1688');
/** The person passed a check on a source's site. */
export const SourceVerifiedSchema = v.optional(
  v.union([v.object({ source: sourceId }), v.undefined(), v.null()]),
);
export const TabIdSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const sort = v.picklist(['relevance', 'price-asc', 'price-desc', 'sales']);
export const SearchOffersSchema = v.pipe(
  v.object({
    source: sourceId,
    mode: v.picklist(['keywords', 'image']),
    query: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2048)),
    sort,
    filters: v.object({
      province: v.optional(text(20)),
      city: v.optional(text(20)),
      maxMinOrder: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
      dropship: v.optional(v.boolean()),
    }),
    page: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
    pageId: v.nullable(text(64)),
    imageId: v.optional(v.nullable(text(2048))),
    refresh: v.boolean(),
  }),
  // An image search fetches the picture: only an http(s) address may ever be fetched.
  v.check((r) => r.mode !== 'image' || /^https?:\/\//i.test(r.query), 'a picture must be an http(s) URL'),
);
/** The query box's prefix, for 1688's own suggestions. */
export const SuggestQueriesSchema = v.object({
  prefix: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(50)),
});
/** One 1688 offer to read in full (tiers, SKUs, dropship price) from its detail page. */
export const ReadOfferSchema = v.object({
  offerId: v.pipe(v.string(), v.regex(/^\d{5,20}$/, 'a 1688 offer id')),
});
export const ShortlistToggleSchema = v.object({ offerKey: text(200), productKey: v.nullable(text(400)) });

const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)));
const shortText = (max: number) => v.nullable(text(max));
export const WholesaleOfferSchema = v.object({
  source: v.pipe(text(20), v.value('1688')),
  offerId: v.pipe(v.string(), v.regex(/^\d{5,20}$/)),
  title: v.pipe(text(300), v.minLength(1)),
  url: httpUrl,
  images: v.pipe(v.array(httpUrl), v.maxLength(20)),
  currency: v.pipe(text(3), v.value('CNY')),
  priceTiers: v.pipe(
    v.array(v.object({ minQty: v.pipe(v.number(), v.integer(), v.minValue(1)), priceMinor: minor })),
    v.maxLength(20),
  ),
  priceMinMinor: v.nullable(minor),
  priceMaxMinor: v.nullable(minor),
  moq: count,
  unit: shortText(20),
  dropship: v.nullable(v.boolean()),
  sales: count,
  isAd: v.boolean(),
  shippingPromise: shortText(60),
  supplier: v.object({
    name: shortText(100),
    loginId: shortText(100),
    memberId: shortText(100),
    province: shortText(20),
    city: shortText(20),
    years: count,
    isFactory: v.nullable(v.boolean()),
    badges: v.pipe(v.array(text(30)), v.maxLength(20)),
    repurchaseRate: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    shopUrl: v.nullable(httpUrl),
  }),
});
/** Offers read from a 1688 page the person is browsing (only 1688 pages may report them; see the handler). */
export const OffersHarvestedSchema = v.object({
  pageUrl: v.pipe(httpUrl, v.regex(/^https:\/\/[a-z0-9.-]*\.1688\.com\//, 'a 1688 page')),
  kind: v.picklist(['results', 'offer-page']),
  offers: v.pipe(v.array(WholesaleOfferSchema), v.maxLength(120)),
});

export const HashImagesSchema = v.object({ urls: v.pipe(v.array(httpUrl), v.maxLength(120)) });
