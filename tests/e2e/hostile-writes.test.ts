/// <reference types="chrome" />
/**
 * Issue 13 in the browser: a page elsewhere carrying a real store's Shopify markup cannot touch that store's
 * row or price history; a page flooding pushState stores a bounded number of rows and points while the side
 * panel keeps getting answers; page URLs are stored without their secrets.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ShopTab } from './pages/ShopTab';
import { ROOT, withScreenshots } from './support/browser';
import { type Harness, pricesSettled, startHarness } from './support/harness';

const CANDLE = readFileSync(
  join(ROOT, 'tests', 'fixtures', 'sites', 'shop.lumen-candles.test', 'products', 'amber-soy-candle.html'),
  'utf8',
);

/** The store's own page, copied by evil.example with its own words and price. */
const EVIL = CANDLE.replace(/Amber Soy Candle 8 oz/g, 'Amber Soy Candle — buy at evil.example').replace(
  /\b18\.00\b/g,
  '1.00',
);

/** A shop page that, once loaded, pushes 1,000 locations, each with another product. */
const FLOOD = `<!doctype html><html><head><meta charset="utf-8"><title>Item 0</title>
<script type="application/ld+json" id="ld">{"@context":"https://schema.org","@type":"Product","name":"Item 0",
"offers":{"@type":"Offer","price":"10.00","priceCurrency":"EUR"}}</script></head>
<body><h1 id="h">Item 0</h1><button>Add to cart</button><script>
window.flood = async () => {
  for (let i = 1; i <= 1000; i++) {
    history.pushState({}, '', '/item/' + i + '?session=SECRET' + i + '#access_token=SECRET');
    document.title = 'Item ' + i;
    document.getElementById('h').textContent = 'Item ' + i;
    document.getElementById('ld').textContent = JSON.stringify({ '@context': 'https://schema.org',
      '@type': 'Product', name: 'Item ' + i, offers: { '@type': 'Offer', price: String(10 + i), priceCurrency: 'EUR' } });
    await new Promise((r) => setTimeout(r, 5));
  }
};
</script></body></html>`;

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

async function rows(h: Harness, table: string): Promise<Record<string, unknown>[]> {
  const page = await h.browser.openExtensionPage('options.html');
  try {
    return await page.evaluate(
      (name) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
      table,
    );
  } finally {
    await page.close();
  }
}

async function productKeyOf(h: Harness, tabId: number): Promise<string> {
  return h.browser.worker.evaluate(async (id) => {
    const got = await chrome.storage.session.get(`tab:${id}`);
    return (got[`tab:${id}`] as { productKey: string }).productKey;
  }, tabId);
}

describe('hostile pages cannot write what is not theirs', { timeout: 180_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ 'evil.example': html(EVIL), 'www.flood-shop.test': html(FLOOD) });
  });
  after(async () => {
    await h?.close();
  });

  test("a report from https://evil.example naming another store's product leaves its row and history unchanged", async () => {
    await withScreenshots(h.browser, 'hostile-evil', async () => {
      const real = await ShopTab.open(h.browser, 'https://shop.lumen-candles.test/products/amber-soy-candle');
      await real.waitForReport((r) => r?.title === 'Amber Soy Candle 8 oz');
      const key = await productKeyOf(h, real.tabId);
      assert.match(key, /^shopify:shop\.lumen-candles\.test:/);
      const rowBefore = (await rows(h, 'products')).find((r) => r.key === key);
      await pricesSettled(h);
      const historyBefore = (await rows(h, 'priceObservations')).filter((o) => o.subjectKey === key);
      assert.equal(historyBefore.length, 1);

      const evil = await ShopTab.open(h.browser, 'https://evil.example/products/amber-soy-candle');
      await evil.waitForReport((r) => r?.title === 'Amber Soy Candle — buy at evil.example');
      const evilKey = await productKeyOf(h, evil.tabId);
      assert.notEqual(evilKey, key);
      await pricesSettled(h);
      assert.deepEqual(
        (await rows(h, 'products')).find((r) => r.key === key),
        rowBefore,
      );
      assert.deepEqual(
        (await rows(h, 'priceObservations')).filter((o) => o.subjectKey === key),
        historyBefore,
      );
      const evilRow = (await rows(h, 'products')).find((r) => r.key === evilKey);
      assert.match(String(evilRow?.url), /^https:\/\/evil\.example\//, 'its own row links to its own page');
      await evil.page.close();
      await real.page.close();
    });
  });

  test('a pushState flood stores a bounded number of rows and points; the panel keeps getting answers', async (t) => {
    await withScreenshots(h.browser, 'hostile-flood', async () => {
      await pricesSettled(h);
      const before = {
        products: (await rows(h, 'products')).length,
        points: (await rows(h, 'priceObservations')).length,
      };
      const tab = await ShopTab.open(h.browser, 'https://www.flood-shop.test/item/0');
      await tab.waitForReport((r) => r?.title === 'Item 0');
      const flooding = tab.page.evaluate(() => (window as unknown as { flood: () => Promise<void> }).flood());
      // Meanwhile the side panel asks the background what the tab shows, and gets answers.
      const panel = await h.browser.openExtensionPage('sidepanel.html');
      let answers = 0;
      for (let i = 0; i < 10; i++) {
        const reply = await panel.evaluate(
          (tabId) => chrome.runtime.sendMessage({ sourcelens: 1, type: 'getTabProduct', data: { tabId } }),
          tab.tabId,
        );
        if ((reply as { ok?: boolean }).ok) answers += 1;
      }
      await flooding;
      assert.equal(answers, 10);
      await panel.close();
      // The spotter's page budget (40 at once) and the background's tab limit (10 at once, then one each 6 s):
      // the background bound is the tighter one — at most 20 in a minute.
      await pricesSettled(h);
      const products = (await rows(h, 'products')).length - before.products;
      const points = (await rows(h, 'priceObservations')).length - before.points;
      t.diagnostic(`flood of 1,000 pushStates: ${products} product rows, ${points} price points stored`);
      assert.ok(products >= 1 && products <= 20, `${products} product rows`);
      assert.ok(points <= 20, `${points} price points`);
      const stored =
        JSON.stringify(await rows(h, 'products')) + JSON.stringify(await rows(h, 'priceObservations'));
      assert.doesNotMatch(stored, /SECRET|access_token/, 'page URLs are stored without their secrets');
      await tab.page.close();
    });
  });
});
