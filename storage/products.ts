import type { DetectedProduct } from '../core/detect/types';
import type { SourceLensDb } from './db';
import { type NewObservation, readHistory, recordObservations, wouldRecord } from './price-history';
import { historyTables } from './price-inbox';
import { productKey } from './product-key';
import { withQuotaGuard } from './quota';
import type { StoredProduct } from './types';

// Price history lives in price-history.ts; these names stay here for the code that imports them from products.
export { OBSERVATION_REFRESH_MS } from './price-history';

export { productKey } from './product-key';

/**
 * Records what the spotter saw: upserts the product row and, when it has a price, records a price observation
 * (price-history.ts decides whether it is new). One transaction, so a half-written sighting can't exist.
 */
export async function recordSpottedProduct(
  database: SourceLensDb,
  product: DetectedProduct,
  pageUrl: string,
  now: number,
): Promise<{ productKey: string; observed: boolean }> {
  const key = productKey(product);
  return withQuotaGuard(() =>
    database.transaction('rw', [database.products, ...historyTables(database)], async () => {
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
      const observation: NewObservation = {
        subjectKey: key,
        subjectKind: 'product',
        minor: product.price.minor,
        maxMinor: product.priceMax?.minor ?? null,
        currency: product.price.currency,
        at: now,
        where: pageUrl,
        via: 'spotter',
      };
      const observed = await wouldRecord(database, observation);
      await recordObservations(database, [observation]);
      return { productKey: key, observed };
    }),
  );
}

/** Price history of one product or offer, oldest first (kept for its callers; see price-history.ts). */
export function priceHistory(database: SourceLensDb, subjectKey: string) {
  return readHistory(database, subjectKey);
}

/** Most recently seen products first. */
export function recentProducts(database: SourceLensDb, limit = 50) {
  return database.products.orderBy('lastSeenAt').reverse().limit(limit).toArray();
}
