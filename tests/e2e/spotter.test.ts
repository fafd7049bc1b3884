import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { hasProductSignal } from '../../core/detect/signal';
import { ShopTab } from './pages/ShopTab';
import { SidePanelPage } from './pages/SidePanelPage';
import { ROOT, withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';

/**
 * ShopTab.spotterPassDone knows when the spotter is done only on a page without a product signal (the spotter
 * then does everything in one turn): the pages it is used on are checked to be such pages.
 */
function assertNoProductSignal(url: string, file: string): void {
  const { document } = parseHTML(readFileSync(join(ROOT, 'tests', 'fixtures', 'sites', file), 'utf8'));
  assert.equal(hasProductSignal(document, url), false, `${url} shows a product signal`);
}

describe('spotter on shop pages under their real host names', { timeout: 120_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('a Chinese shop (Taobao): title, CNY price, item id, badge, side panel', async () => {
    await withScreenshots(h.browser, 'spotter-taobao', async () => {
      const tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
      const r = await tab.waitForReport((x) => x !== null);
      assert.equal(r?.site, 'taobao');
      assert.equal(r?.title, 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣');
      assert.deepEqual(r?.price, { minor: 3990, currency: 'CNY' });
      assert.equal(await tab.badge(), '✓');
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      await panel.title.waitFor();
      assert.equal(await panel.title.textContent(), 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣');
      assert.match((await panel.price.textContent()) ?? '', /39\.90/);
      await panel.page.close();
      await tab.page.close();
    });
  });

  test('Amazon (a real saved page): USD price and the ASIN', async () => {
    await withScreenshots(h.browser, 'spotter-amazon', async () => {
      const tab = await ShopTab.open(h.browser, 'https://www.amazon.com/dp/B001FK81PU');
      const r = (await tab.waitForReport((x) => x !== null)) as unknown as {
        site: string;
        price: unknown;
        itemId: string;
      };
      assert.equal(r.site, 'amazon');
      assert.equal(r.itemId, 'B001FK81PU');
      assert.deepEqual(r.price, { minor: 3498, currency: 'USD' });
      await tab.page.close();
    });
  });

  test('a Shopify store on its own domain: the sale price, not the struck-through one', async () => {
    await withScreenshots(h.browser, 'spotter-shopify', async () => {
      const tab = await ShopTab.open(h.browser, 'https://shop.lumen-candles.test/products/amber-soy-candle');
      const r = await tab.waitForReport((x) => x !== null);
      assert.equal(r?.site, 'shopify');
      assert.equal(r?.title, 'Amber Soy Candle 8 oz');
      assert.deepEqual(r?.price, { minor: 1800, currency: 'USD' });
      await tab.page.close();
    });
  });

  test('a news article with prices in its text: no product, no badge', async () => {
    await withScreenshots(h.browser, 'spotter-article', async () => {
      const url = 'https://www.example-news.test/2026/11/markets';
      assertNoProductSignal(url, 'www.example-news.test/2026/11/markets.html');
      const tab = await ShopTab.open(h.browser, url);
      // The spotter has looked at the page and told the background nothing.
      assert.deepEqual(await tab.spotterPassDone(), []);
      assert.equal(await tab.reported(), null);
      assert.equal(await tab.badge(), '');
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      await panel.noProduct.waitFor();
      await panel.page.close();
      await tab.page.close();
    });
  });

  test('single-page-app navigation: the product rendered after pushState is spotted, and cleared on back', async () => {
    await withScreenshots(h.browser, 'spotter-spa', async () => {
      assertNoProductSignal('https://www.example-spa.test/', 'www.example-spa.test/index.html');
      const tab = await ShopTab.open(h.browser, 'https://www.example-spa.test/');
      // Before the navigation the spotter has looked at the shop's home view and found nothing to report.
      assert.deepEqual(await tab.spotterPassDone(), []);
      assert.equal(await tab.reported(), null);
      await tab.page.click('#open');
      const r = await tab.waitForReport((x) => x !== null);
      assert.equal(r?.title, 'Folding LED Desk Lamp');
      assert.deepEqual(r?.price, { minor: 2995, currency: 'EUR' });
      assert.equal(await tab.badge(), '✓');
      await tab.page.goBack();
      await tab.waitForReport((x) => x === null);
      await tab.waitForBadge('');
      await tab.page.close();
    });
  });

  test('a page that rewrites its DOM every 10 ms keeps running and is spotted once', async () => {
    await withScreenshots(h.browser, 'spotter-busy', async () => {
      const tab = await ShopTab.open(h.browser, 'https://www.example-busy.test/');
      const r = await tab.waitForReport((x) => x !== null);
      assert.equal(r?.title, 'Ticking Clock Speaker');
      // The page keeps running beside the spotter: more than 20 ticks (of 10 ms) within a second.
      const t1 = Number(await tab.page.textContent('#tick'));
      const kept = await tab.page
        .waitForFunction((from) => Number(document.querySelector('#tick')?.textContent) - from > 20, t1, {
          timeout: 1000,
          polling: 50,
        })
        .then(() => true)
        .catch(() => false);
      const t2 = Number(await tab.page.textContent('#tick'));
      assert.ok(kept, `page kept ticking (${t1} → ${t2})`);
      await tab.page.close();
    });
  });
});
