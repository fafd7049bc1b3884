import type { ShortlistCsvRow } from '../core/export/shortlist-csv';
import type { SourceLensDb } from './db';
import type { ShortlistEntry } from './types';

/** A row of the export, with the whole stored entry. */
export type ShortlistRow = ShortlistCsvRow & { entry: ShortlistEntry };

/**
 * Every kept offer with its stored offer and the retail product it was kept for, oldest kept first: the rows
 * of the shortlist export. Two bulk reads, not one per entry.
 */
export async function readShortlistRows(database: SourceLensDb): Promise<ShortlistRow[]> {
  return database.transaction('r', database.shortlist, database.offers, database.products, async () => {
    const entries = await database.shortlist.orderBy('addedAt').toArray();
    const offers = await database.offers.bulkGet(entries.map((e) => e.offerKey));
    const productKeys = entries.map((e) => e.productKey ?? '');
    const products = await database.products.bulkGet(productKeys);
    return entries.map((entry, i) => {
      const product = entry.productKey ? products[i] : undefined;
      return {
        entry,
        offer: offers[i] ?? null,
        product: product
          ? { title: product.title, priceMinor: product.priceMinor, currency: product.currency }
          : null,
      };
    });
  });
}
