/** Shared set-up of the backup tests: a database filled by the app's own write paths, and its dump. */

import { Dexie } from 'dexie';
import type { DetectedProduct } from '../../../../core/detect/types';
import { SourceLensDb } from '../../../../storage/db';
import { recordOffers, recordOfferVariants, writeLookup } from '../../../../storage/offers';
import { settleInbox } from '../../../../storage/price-inbox';
import { recordSpottedProduct } from '../../../../storage/products';
import { keepOffer, setShortlistStatus } from '../../../../storage/shortlist';
import { offer } from '../../../support/builders';

/** The database under test: always named as the app's (a backup names its database, and restore checks it). */
export async function freshDb(): Promise<SourceLensDb> {
  await Dexie.delete('sourcelens');
  const database = new SourceLensDb();
  await database.open();
  return database;
}

export function product(over: Partial<DetectedProduct> = {}): DetectedProduct {
  return {
    kind: 'product',
    title: '夏季连衣裙 Summer dress',
    text: null,
    price: { minor: 12900, currency: 'CNY' },
    priceMax: null,
    images: ['https://img.example-shop.test/a.jpg'],
    brand: null,
    sku: null,
    gtin: null,
    availability: 'in_stock',
    site: 'taobao',
    itemId: '123',
    canonicalUrl: 'https://item.taobao.com/item.htm?id=123',
    sources: {},
    ...over,
  };
}

/** A little of everything, written the way the app writes it. */
export async function seed(database: SourceLensDb, at = 1_000_000): Promise<void> {
  await recordSpottedProduct(database, product(), 'https://item.taobao.com/item.htm?id=123', at);
  await recordSpottedProduct(
    database,
    product({ price: { minor: 11900, currency: 'CNY' } }),
    'https://item.taobao.com/item.htm?id=123',
    at + 86_400_000,
  );
  await recordOffers(
    database,
    [
      offer({
        offerId: '600000000001',
        priceTiers: [
          { minQty: 2, priceMinor: 1500 },
          { minQty: 100, priceMinor: 1200 },
        ],
        priceMinMinor: 1200,
        priceMaxMinor: 1500,
        moq: 2,
        supplier: { name: '义乌服饰', shopUrl: 'https://shop1.1688.com/' },
        images: ['https://cbu01.alicdn.com/img/a.jpg'],
      }),
      offer({ offerId: '600000000002', priceMinMinor: 990 }),
    ],
    'https://s.1688.com/selloffer/offer_search.htm?keywords=x',
    'search',
    at,
  );
  // The observations settled into points, as the background does soon after recording (storage/price-inbox.ts).
  await settleInbox(database);
  // Its page read once: the variants as last read travel with the offer row.
  await recordOfferVariants(
    database,
    '1688:600000000001',
    [
      { spec: '黑色>M', skuId: '5001', specId: 'a1', priceMinor: 1500, discountPriceMinor: null, stock: 120 },
      { spec: '白色>L', skuId: null, specId: null, priceMinor: null, discountPriceMinor: 1400, stock: null },
    ],
    true,
    at + 60_000,
  );
  await keepOffer(
    database,
    {
      offerKey: '1688:600000000001',
      productKey: 'taobao:123',
      note: '=ask for samples',
      // A quote and a backslash: escapes inside the file's strings.
      tags: ['Summer', '夏', 'say "hi" \\ bye'],
    },
    at,
  );
  await setShortlistStatus(
    database,
    { offerKey: '1688:600000000001', productKey: null, status: 'contacted' },
    at + 1000,
  );
  await writeLookup(database, {
    key: '1688|keywords|dress',
    source: '1688',
    query: 'dress',
    offerKeys: ['1688:600000000001', '1688:600000000002'],
    paging: {
      hasMore: true,
      pageId: 'abc',
      total: 2,
      imageId: null,
      lastPage: 1,
      filteredHere: [],
      sortedHere: false,
    },
    fetchedAt: at,
    expiresAt: at + 3_600_000,
  });
  await database.imageHashes.put({
    url: 'https://cbu01.alicdn.com/img/a.jpg',
    hash: '0123456789abcdef',
    error: null,
    at,
    usedAt: at,
  });
}

/** Every table's rows as JSON text, in key order: equal dumps are the same data byte for byte. */
export async function dump(database: Dexie): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of database.tables) out[table.name] = JSON.stringify(await table.toArray());
  return out;
}

/** A Blob's text with `edit` applied, as a new Blob. */
export async function edited(blob: Blob, edit: (text: string) => string): Promise<Blob> {
  return new Blob([edit(await blob.text())]);
}
