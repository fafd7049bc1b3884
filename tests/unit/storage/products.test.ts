import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DetectedProduct } from '../../../core/detect/types';
import { SourceLensDb } from '../../../storage/db';
import {
  OBSERVATION_REFRESH_MS,
  priceHistory,
  productKey,
  recentProducts,
  recordSpottedProduct,
} from '../../../storage/products';

const base: DetectedProduct = {
  kind: 'product',
  title: '纯棉短袖T恤',
  text: null,
  price: { minor: 3990, currency: 'CNY' },
  priceMax: null,
  images: [],
  brand: null,
  sku: null,
  gtin: null,
  availability: 'in_stock',
  site: 'taobao',
  itemId: '712345678901',
  canonicalUrl: 'https://item.taobao.com/item.htm?id=712345678901',
  sources: {},
};

let database: SourceLensDb;
let n = 0;
beforeEach(() => {
  n += 1;
  database = new SourceLensDb(`test-${n}`);
});
afterEach(async () => {
  await database.delete();
});

describe('recordSpottedProduct', () => {
  it('keys products by site and item id, or by URL when there is no id', () => {
    expect(productKey(base)).toBe('taobao:712345678901');
    expect(productKey({ ...base, itemId: null })).toBe(
      'url:https://item.taobao.com/item.htm?id=712345678901',
    );
  });

  it('stores a product row and one price observation in minor units', async () => {
    const r = await recordSpottedProduct(database, base, base.canonicalUrl, 1000);
    expect(r).toEqual({ productKey: 'taobao:712345678901', observed: true });
    const row = await database.products.get(r.productKey);
    expect(row).toMatchObject({
      title: '纯棉短袖T恤',
      priceMinor: 3990,
      currency: 'CNY',
      firstSeenAt: 1000,
      lastSeenAt: 1000,
    });
    const history = await priceHistory(database, r.productKey);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      minor: 3990,
      currency: 'CNY',
      at: 1000,
      via: 'spotter',
      where: base.canonicalUrl,
    });
  });

  it('does not repeat an unchanged price within a day, but records a change or a stale price', async () => {
    await recordSpottedProduct(database, base, base.canonicalUrl, 1000);
    expect((await recordSpottedProduct(database, base, base.canonicalUrl, 2000)).observed).toBe(false);
    const cheaper = { ...base, price: { minor: 3590, currency: 'CNY' } };
    expect((await recordSpottedProduct(database, cheaper, base.canonicalUrl, 3000)).observed).toBe(true);
    expect(
      (await recordSpottedProduct(database, cheaper, base.canonicalUrl, 3000 + OBSERVATION_REFRESH_MS))
        .observed,
    ).toBe(true);
    const history = await priceHistory(database, 'taobao:712345678901');
    expect(history.map((h) => h.minor)).toEqual([3990, 3590, 3590]);
    const row = await database.products.get('taobao:712345678901');
    expect(row?.firstSeenAt).toBe(1000);
    expect(row?.priceMinor).toBe(3590);
  });

  it('keeps the last known price when a later sighting has none (price rendered late)', async () => {
    await recordSpottedProduct(database, base, base.canonicalUrl, 1000);
    const r = await recordSpottedProduct(database, { ...base, price: null }, base.canonicalUrl, 2000);
    expect(r.observed).toBe(false);
    expect((await database.products.get(r.productKey))?.priceMinor).toBe(3990);
  });

  it('lists recent products newest first', async () => {
    await recordSpottedProduct(database, base, base.canonicalUrl, 1000);
    await recordSpottedProduct(database, { ...base, itemId: '2', title: 'B' }, base.canonicalUrl, 5000);
    expect((await recentProducts(database)).map((p) => p.title)).toEqual(['B', '纯棉短袖T恤']);
  });
});
