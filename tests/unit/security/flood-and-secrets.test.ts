/**
 * Issue 13: "One page can write without limit" (a per-tab rate limit on productSpotted), "URL secrets are
 * stored" (fragments and secret parameters never reach IndexedDB) and "Harvested offers accept links to any
 * host" (links rebuilt from the offer id). Through the real router and handlers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DetectedProduct } from '../../../core/detect/types';
import { maxActions } from '../../../core/rate/token-bucket';
import type { WholesaleOffer } from '../../../core/sources/types';
import { withoutSecrets } from '../../../core/url';
import { handlers } from '../../../entrypoints/background/handlers';
import { SPOTTED_LIMIT } from '../../../entrypoints/background/spotted';
import { createRouter } from '../../../messaging/router';
import { db } from '../../../storage/db';

const ID = 'sourcelens-test';
const ORIGIN = `chrome-extension://${ID}/`;
const route = createRouter(handlers, ID, ORIGIN);
let tab = 100;

const product = (i: number): DetectedProduct => ({
  kind: 'product',
  title: `Shirt ${i}`,
  text: null,
  price: { minor: 1000 + i, currency: 'USD' },
  priceMax: null,
  images: [],
  brand: null,
  sku: null,
  gtin: null,
  availability: 'in_stock',
  site: 'shopify',
  itemId: String(9000 + i),
  canonicalUrl: `https://flood.example/products/${i}`,
  sources: {},
});

async function allStoredText(): Promise<string> {
  const d = db();
  const tables = await Promise.all(d.tables.map((t) => t.toArray()));
  return JSON.stringify(tables);
}

beforeEach(async () => {
  fakeBrowser.reset();
  const d = db();
  await d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())));
});
afterEach(() => vi.restoreAllMocks());

describe('a flood of product reports from one tab', () => {
  it('1,000 reports in a minute store at most 20 rows and 20 price points; the panel still gets answers', async () => {
    const tabId = tab++;
    const start = Date.now();
    let clock = start;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const bound = maxActions(SPOTTED_LIMIT, 60_000);
    expect(bound).toBe(20);
    let accepted = 0;
    for (let i = 0; i < 1000; i++) {
      clock = start + i * 60; // 1,000 messages spread over one minute
      const url = `https://flood.example/products/${i}`;
      const reply = await route(
        { sourcelens: 1, type: 'productSpotted', data: { product: product(i), pageUrl: url } },
        { id: ID, url, tab: { id: tabId }, frameId: 0 },
      );
      if (reply.ok) accepted += 1;
      else expect(reply.error.code).toBe('rate-limited');
      if (i % 100 === 0) {
        const panel = await route(
          { sourcelens: 1, type: 'getTabProduct', data: { tabId } },
          { id: ID, url: `${ORIGIN}sidepanel.html` },
        );
        expect(panel.ok).toBe(true);
      }
    }
    expect(accepted).toBeLessThanOrEqual(bound);
    expect(await db().products.count()).toBeLessThanOrEqual(bound);
    expect(await db().priceObservations.count()).toBeLessThanOrEqual(bound);
    // Another tab is not starved by the flooding one.
    const other = await route(
      {
        sourcelens: 1,
        type: 'productSpotted',
        data: { product: product(5000), pageUrl: 'https://flood.example/products/5000' },
      },
      { id: ID, url: 'https://flood.example/products/5000', tab: { id: tab++ }, frameId: 0 },
    );
    expect(other.ok).toBe(true);
  });
});

describe('URL secrets', () => {
  it('strips fragments and secret parameters, keeps what identifies the product', () => {
    expect(withoutSecrets('https://item.taobao.com/item.htm?id=7123&spm=a1.b2&access_token=s3cr3t#x')).toBe(
      'https://item.taobao.com/item.htm?id=7123',
    );
    expect(withoutSecrets('https://www.amazon.com/dp/B0C1234567?th=1&psc=1#customerReviews')).toBe(
      'https://www.amazon.com/dp/B0C1234567?th=1&psc=1',
    );
    expect(withoutSecrets('https://u:p@shop.example/p?Token=1&SID=2&code=3&signature=4&key=5')).toBe(
      'https://shop.example/p',
    );
    expect(withoutSecrets('javascript:alert(1)')).toBeNull();
  });

  it('never reach IndexedDB from a product report', async () => {
    const url =
      'https://shop.example/products/mug?variant=42&session=SECRET1&utm_source=x#access_token=SECRET2';
    const p: DetectedProduct = {
      ...product(1),
      site: 'generic',
      itemId: null,
      canonicalUrl: 'https://shop.example/products/mug?auth=SECRET3&variant=42',
    };
    const reply = await route(
      { sourcelens: 1, type: 'productSpotted', data: { product: p, pageUrl: url } },
      { id: ID, url, tab: { id: tab++ }, frameId: 0 },
    );
    expect(reply.ok).toBe(true);
    const stored = await allStoredText();
    expect(stored).toContain('variant=42');
    expect(stored).not.toMatch(/SECRET|access_token|#/);
  });
});

describe('harvested offers', () => {
  const offer = (over: Partial<WholesaleOffer>): WholesaleOffer => ({
    source: '1688',
    offerId: '612345678901',
    title: '纯棉T恤',
    url: 'https://evil.example/phish',
    images: [],
    currency: 'CNY',
    priceTiers: [],
    priceMinMinor: 1250,
    priceMaxMinor: null,
    moq: 2,
    unit: null,
    dropship: null,
    sales: null,
    isAd: false,
    shippingPromise: null,
    supplier: {
      name: 'Yiwu Co',
      loginId: null,
      memberId: null,
      province: null,
      city: null,
      years: null,
      isFactory: null,
      badges: [],
      repurchaseRate: null,
      shopUrl: 'https://evil.example/shop',
    },
    ...over,
  });

  it('are stored with links rebuilt from their ids, and without the page URL secrets', async () => {
    const pageUrl = 'https://s.1688.com/selloffer/offer_search.htm?keywords=tshirt&token=SECRET4#frag';
    const reply = await route(
      { sourcelens: 1, type: 'offersHarvested', data: { pageUrl, kind: 'results', offers: [offer({})] } },
      { id: ID, url: pageUrl, tab: { id: tab++ }, frameId: 0 },
    );
    expect(reply).toEqual({ ok: true, data: { recorded: 1 } });
    const row = await db().offers.get('1688:612345678901');
    expect(row?.url).toBe('https://detail.1688.com/offer/612345678901.html');
    expect(row?.supplier.shopUrl).toBeNull();
    const stored = await allStoredText();
    expect(stored).not.toMatch(/evil\.example|SECRET|#frag/);
  });
});
