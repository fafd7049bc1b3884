/**
 * What the spotter reports for one page, declared once: the background checks every report against this
 * schema, and `DetectedProduct` (types.ts) is inferred from it. Every string is plain text (no markup) and
 * bounded; every URL is absolute http(s); `null` means "not found", never a guess.
 */
import * as v from 'valibot';
import { httpUrl, MoneySchema, text } from '../wire';

/** Where a field's value came from, in order of trust. */
export const DETECT_LAYERS = [
  'adapter',
  'jsonld',
  'microdata',
  'rdfa',
  'opengraph',
  'twitter',
  'dom',
  'url',
] as const;

export const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'discontinued', 'limited'] as const;

/** The fields whose source layer is reported. */
export const SOURCED_FIELDS = [
  'title',
  'text',
  'price',
  'images',
  'brand',
  'sku',
  'gtin',
  'availability',
  'itemId',
] as const;

export const DetectedProductSchema = v.object({
  kind: v.picklist(['product', 'social-candidate']),
  title: v.pipe(text(300), v.minLength(1)),
  /** The post's own words for a social candidate (a Xiaohongshu note's text); null for shop pages. */
  text: v.nullable(text(2000)),
  price: v.nullable(MoneySchema),
  /** Upper end of a price range (AggregateOffer highPrice, "¥12.50-18.00"), same currency as price. */
  priceMax: v.nullable(MoneySchema),
  images: v.pipe(v.array(httpUrl), v.maxLength(20)),
  brand: v.nullable(text(100)),
  sku: v.nullable(text(100)),
  gtin: v.nullable(text(100)),
  availability: v.nullable(v.picklist(AVAILABILITIES)),
  /** Adapter id ("taobao", "amazon", "shopify") or "generic". */
  site: text(40),
  /** The site's own item id when known (Taobao id, ASIN, Shopify product id). */
  itemId: v.nullable(text(100)),
  canonicalUrl: httpUrl,
  /** Which layer gave each field that has a value. */
  sources: v.record(v.picklist(SOURCED_FIELDS), v.picklist(DETECT_LAYERS)),
});
