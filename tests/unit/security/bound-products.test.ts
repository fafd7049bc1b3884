/**
 * Issue 13, "Any page can poison stored products": a report is bound to the page the browser says sent it. Goes
 * through the real router and handlers, so the checks hold for what a content script can actually send.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectProduct } from '../../../core/detect';
import { canonicalAllowed } from '../../../core/detect/bind';
import type { DetectedProduct } from '../../../core/detect/types';
import { handlers } from '../../../entrypoints/background/handlers';
import { createRouter } from '../../../messaging/router';
import type { SenderInfo } from '../../../messaging/sender';
import { db } from '../../../storage/db';
import { priceHistory } from '../../../storage/products';
import { doc } from '../detect/helpers';

const ID = 'sourcelens-test';
const route = createRouter(handlers, ID, `chrome-extension://${ID}/`);
let nextTab = 1;

const product = (over: Partial<DetectedProduct>): DetectedProduct => ({
  kind: 'product',
  title: 'Blue linen shirt',
  text: null,
  price: { minor: 4500, currency: 'USD' },
  priceMax: null,
  images: ['https://cdn.alice-store.example/shirt.jpg'],
  brand: null,
  sku: null,
  gtin: null,
  availability: 'in_stock',
  site: 'shopify',
  itemId: '7001',
  canonicalUrl: 'https://alice-store.example/products/blue-linen-shirt',
  sources: {},
  ...over,
});

/** A productSpotted message as the browser delivers it: `sender.url` is the tab's real page. */
function spot(p: DetectedProduct, senderUrl: string, pageUrl = senderUrl) {
  const sender: SenderInfo = { id: ID, url: senderUrl, tab: { id: nextTab++ }, frameId: 0 };
  return route({ sourcelens: 1, type: 'productSpotted', data: { product: p, pageUrl } }, sender);
}

async function snapshot(key: string) {
  return { row: await db().products.get(key), history: await priceHistory(db(), key) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  const d = db();
  await d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));
});

describe('product reports are bound to their sender', () => {
  it("a Shopify-markup page elsewhere cannot overwrite a real store's row or price history", async () => {
    const real = await spot(product({}), 'https://alice-store.example/products/blue-linen-shirt');
    expect(real.ok).toBe(true);
    const key = real.ok ? (real.data as { productKey: string }).productKey : '';
    const before = await snapshot(key);
    expect(before.row?.title).toBe('Blue linen shirt');
    expect(before.history).toHaveLength(1);

    // evil.example carries Shopify markup and names the same product id and Alice's canonical URL.
    const forged = product({
      title: 'Buy at evil.example',
      price: { minor: 1, currency: 'USD' },
      images: ['https://evil.example/x.jpg'],
    });
    const reply = await spot(forged, 'https://evil.example/products/blue-linen-shirt');
    expect(await snapshot(key)).toEqual(before);
    // Whatever evil.example reports is its own row, on its own host.
    if (reply.ok) {
      const own = await db().products.get((reply.data as { productKey: string }).productKey);
      expect(own?.url.startsWith('https://evil.example/')).toBe(true);
    }
  });

  it('a named site is accepted only from its own hosts', async () => {
    const taobao = product({
      site: 'taobao',
      itemId: '712345678901',
      canonicalUrl: 'https://item.taobao.com/item.htm?id=712345678901',
    });
    const real = await spot(taobao, 'https://item.taobao.com/item.htm?id=712345678901');
    expect(real.ok).toBe(true);
    const before = await snapshot('taobao:712345678901');
    const reply = await spot(
      { ...taobao, title: 'forged', price: { minor: 1, currency: 'CNY' } },
      'https://evil.example/item.htm?id=712345678901',
    );
    expect(reply.ok).toBe(false);
    expect(await snapshot('taobao:712345678901')).toEqual(before);
  });

  it("a page naming another page than its sender's is refused", async () => {
    const reply = await spot(
      product({ canonicalUrl: 'https://evil.example/p' }),
      'https://evil.example/p',
      'https://alice-store.example/products/blue-linen-shirt',
    );
    expect(reply.ok).toBe(false);
    expect(await db().products.count()).toBe(0);
  });

  it('a cross-site canonical URL is refused: the row is keyed and linked by the page itself', async () => {
    const neighbour = product({
      site: 'generic',
      itemId: null,
      canonicalUrl: 'https://alice.bigcartel.com/product/mug',
    });
    const reply = await spot(neighbour, 'https://evil.bigcartel.com/product/mug');
    expect(reply.ok).toBe(true);
    expect(await db().products.get('url:https://alice.bigcartel.com/product/mug')).toBeUndefined();
    const rows = await db().products.toArray();
    expect(rows.map((r) => r.url)).toEqual(['https://evil.bigcartel.com/product/mug']);
  });

  it('the detector itself does not take a neighbour on a shared platform as the same site', () => {
    expect(canonicalAllowed('https://alice.bigcartel.com/p', 'https://evil.bigcartel.com/p', 'generic')).toBe(
      false,
    );
    expect(canonicalAllowed('https://www.shop.example/p', 'https://shop.example/p?x=1', 'generic')).toBe(
      true,
    );
    expect(
      canonicalAllowed(
        'https://detail.tmall.com/item.htm?id=1',
        'https://detail.m.tmall.com/item.htm?id=1',
        'tmall',
      ),
    ).toBe(true);
    const page = doc(`<html><head><title>Mug</title>
      <link rel="canonical" href="https://alice.bigcartel.com/product/mug">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Mug",
        "offers":{"@type":"Offer","price":"12.00","priceCurrency":"USD"}}</script></head>
      <body><h1>Mug</h1></body></html>`);
    const found = detectProduct(page, 'https://evil.bigcartel.com/product/mug');
    expect(found?.canonicalUrl).toBe('https://evil.bigcartel.com/product/mug');
  });
});
