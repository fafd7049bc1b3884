import type { Money } from '../money';

/** Where a field's value came from, in order of trust. */
export type DetectLayer =
  | 'adapter'
  | 'jsonld'
  | 'microdata'
  | 'rdfa'
  | 'opengraph'
  | 'twitter'
  | 'dom'
  | 'url';

export type Availability = 'in_stock' | 'out_of_stock' | 'preorder' | 'discontinued' | 'limited' | null;

/**
 * What the spotter reports for one page. Every string is plain text (no markup), bounded in length; every
 * URL is absolute http(s). `null` means "not found", never a guess.
 */
export interface DetectedProduct {
  kind: 'product' | 'social-candidate';
  title: string;
  /** The post's own words for a social candidate (a Xiaohongshu note's text); null for shop pages. */
  text: string | null;
  price: Money | null;
  /** Upper end of a price range (AggregateOffer highPrice, "¥12.50-18.00"), same currency as price. */
  priceMax: Money | null;
  images: string[];
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  availability: Availability;
  /** Adapter id ("taobao", "amazon", "shopify") or "generic". */
  site: string;
  /** The site's own item id when known (Taobao id, ASIN, Shopify product id). */
  itemId: string | null;
  canonicalUrl: string;
  /** Which layer gave each field that has a value. */
  sources: Partial<
    Record<
      'title' | 'text' | 'price' | 'images' | 'brand' | 'sku' | 'gtin' | 'availability' | 'itemId',
      DetectLayer
    >
  >;
}
