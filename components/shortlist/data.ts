/**
 * The popup's reads of the database, in as few IndexedDB round trips as it can: the kept entries, then their
 * offers and retail products by key (bulkGet, both in one read transaction), then the price histories of the
 * rows in view, all in one transaction. Writing goes through background messages (messaging/client.ts).
 */
import type { SourceLensDb } from '../../storage/db';
import { readHistories } from '../../storage/price-history';
import { historyTables } from '../../storage/price-inbox';
import type { ShortlistEntry, StoredOffer, StoredProduct } from '../../storage/types';
import type { HistoryPoint } from './review';

export interface ShortlistData {
  /** Newest kept first. */
  entries: ShortlistEntry[];
  offers: Map<string, StoredOffer>;
  products: Map<string, StoredProduct>;
  /** How many offers are kept in all. */
  total: number;
  /** Every kept entry is here (false for a first screen's worth read with `limit`). */
  complete: boolean;
  /** With `limit`: the price histories of those offers, read with them (the first frame's sparklines). */
  histories: Map<string, HistoryPoint[]>;
}

/**
 * The kept entries with their offers and retail products: two round trips however long the list is. With
 * `limit`, only the newest that many (what the popup's first frame shows), their price histories and the total
 * count, so the first frame does not wait for thousands of offers to be read and decoded.
 */
export async function loadShortlist(database: SourceLensDb, limit?: number): Promise<ShortlistData> {
  const tables = [database.shortlist, database.offers, database.products, ...historyTables(database)];
  return database.transaction('r', tables, async () => {
    const newest = database.shortlist.orderBy('addedAt').reverse();
    const [entries, total] = await Promise.all([
      limit === undefined ? newest.toArray() : newest.limit(limit).toArray(),
      limit === undefined ? Promise.resolve(-1) : database.shortlist.count(),
    ]);
    const productKeys = [...new Set(entries.flatMap((e) => (e.productKey ? [e.productKey] : [])))];
    const offerKeys = entries.map((e) => e.offerKey);
    const [offerRows, productRows, histories] = await Promise.all([
      database.offers.bulkGet(offerKeys),
      database.products.bulkGet(productKeys),
      limit === undefined ? new Map<string, HistoryPoint[]>() : readHistories(database, offerKeys),
    ]);
    const offers = new Map<string, StoredOffer>();
    for (const o of offerRows) if (o) offers.set(o.key, o);
    const products = new Map<string, StoredProduct>();
    for (const p of productRows) if (p) products.set(p.key, p);
    const all = total < 0 ? entries.length : total;
    return { entries, offers, products, total: all, complete: entries.length >= all, histories };
  });
}

/** The histories of several subjects, read side by side in one transaction (storage/price-history.ts). */
export { readHistories } from '../../storage/price-history';
