import type { DetectedProduct } from '../core/detect/types';
import type { SourceLensDb } from './db';
import type { StoredProduct } from './types';

/** A new price observation is written when the price changed, or when the last one is older than this. */
export const OBSERVATION_REFRESH_MS = 24 * 60 * 60 * 1000;

export function productKey(p: Pick<DetectedProduct, 'site' | 'itemId' | 'canonicalUrl'>): string {
  if (p.itemId) return `${p.site}:${p.itemId}`;
  return `url:${p.canonicalUrl}`;
}

/**
 * Records what the spotter saw: upserts the product row and, when it has a price, adds a price observation
 * unless the same price was already observed recently. One transaction, so a half-written sighting can't exist.
 */
export async function recordSpottedProduct(
  database: SourceLensDb,
  product: DetectedProduct,
  pageUrl: string,
  now: number,
): Promise<{ productKey: string; observed: boolean }> {
  const key = productKey(product);
  return database.transaction('rw', database.products, database.priceObservations, async () => {
    const existing = await database.products.get(key);
    const row: StoredProduct = {
      key,
      kind: product.kind,
      site: product.site,
      itemId: product.itemId,
      title: product.title,
      text: product.text,
      url: product.canonicalUrl,
      images: product.images,
      brand: product.brand,
      sku: product.sku,
      gtin: product.gtin,
      availability: product.availability,
      priceMinor: product.price?.minor ?? existing?.priceMinor ?? null,
      priceMaxMinor: product.price ? (product.priceMax?.minor ?? null) : (existing?.priceMaxMinor ?? null),
      currency: product.price?.currency ?? existing?.currency ?? null,
      firstSeenAt: existing?.firstSeenAt ?? now,
      lastSeenAt: now,
    };
    await database.products.put(row);
    if (!product.price) return { productKey: key, observed: false };
    const last = await database.priceObservations
      .where('[subjectKey+at]')
      .between([key, -Infinity], [key, Infinity])
      .last();
    const same =
      last &&
      last.minor === product.price.minor &&
      last.currency === product.price.currency &&
      last.maxMinor === (product.priceMax?.minor ?? null);
    if (same && now - last.at < OBSERVATION_REFRESH_MS) return { productKey: key, observed: false };
    await database.priceObservations.add({
      subjectKey: key,
      subjectKind: 'product',
      minor: product.price.minor,
      maxMinor: product.priceMax?.minor ?? null,
      currency: product.price.currency,
      at: now,
      where: pageUrl,
      via: 'spotter',
    });
    return { productKey: key, observed: true };
  });
}

/** Price history of one product or offer, oldest first. */
export function priceHistory(database: SourceLensDb, subjectKey: string) {
  return database.priceObservations
    .where('[subjectKey+at]')
    .between([subjectKey, -Infinity], [subjectKey, Infinity])
    .toArray();
}

/** Most recently seen products first. */
export function recentProducts(database: SourceLensDb, limit = 50) {
  return database.products.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}
