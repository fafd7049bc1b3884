import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PopupPage } from './pages/PopupPage';
import { ShopTab } from './pages/ShopTab';
import { withScreenshots } from './support/browser';
import { countRows, type Harness, pricesSettled, startHarness } from './support/harness';

describe('foundation: spotted products reach storage and the popup', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  test('a Taobao item and a JSON-LD shop page are stored and listed in the popup', async () => {
    await withScreenshots(h.browser, 'thin-slice', async () => {
      const taobao = await h.browser.context.newPage();
      await taobao.goto('http://item.taobao.com/item.htm?id=712345678901');
      const shop = await ShopTab.open(h.browser, 'https://www.example-shop.test/p/1');

      const popup = await PopupPage.open(h.browser);
      await popup.products.nth(1).waitFor();
      const listed = await popup.listed();
      const byTitle = new Map(listed.map((p) => [p.title, p]));
      const tee = byTitle.get('ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣');
      const bottle = byTitle.get('Stainless Steel Insulated Water Bottle 750 ml');
      assert.ok(tee, `Taobao product listed: ${JSON.stringify(listed)}`);
      assert.ok(bottle, `shop product listed: ${JSON.stringify(listed)}`);
      assert.match(tee.price, /39\.90/);
      assert.match(bottle.price, /24\.99/);
      assert.equal(tee.site, 'taobao.com');

      assert.equal(await countRows(h, 'products'), 2);
      await pricesSettled(h);
      assert.equal(await countRows(h, 'priceObservations'), 2);

      // Seeing the same page again at the same price adds no second observation. The background records the
      // sighting before it updates the tab's state, so once the reloaded page's report is in that state, any
      // second observation would have been written.
      await shop.waitForReport((r) => r !== null);
      const seenAt = await shop.reportedAt();
      await shop.page.reload();
      await shop.waitForReport((r) => r?.title === 'Stainless Steel Insulated Water Bottle 750 ml', {
        after: seenAt,
      });
      await popup.page.reload();
      await popup.products.nth(1).waitFor();
      await pricesSettled(h);
      assert.equal(await countRows(h, 'priceObservations'), 2);
      await Promise.all([taobao.close(), shop.page.close(), popup.page.close()]);
    });
  });

  test('forged messages are rejected with a typed error and store nothing', async () => {
    await withScreenshots(h.browser, 'forged-messages', async () => {
      const before = await countRows(h, 'products');
      const popup = await PopupPage.open(h.browser);
      const product = {
        kind: 'product',
        title: 'Forged',
        text: null,
        price: { minor: 100, currency: 'USD' },
        priceMax: null,
        images: [],
        brand: null,
        sku: null,
        gtin: null,
        availability: null,
        site: 'generic',
        itemId: 'forged-1',
        canonicalUrl: 'https://evil.example/p',
        sources: {},
      };
      // A message this page may send, with the wrong shape.
      const wrongShape = (await popup.sendRaw({
        sourcelens: 1,
        type: 'getTabProduct',
        data: { tabId: 'all' },
      })) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      assert.equal(wrongShape.ok, false);
      assert.equal(wrongShape.error?.code, 'bad-data');
      assert.match(wrongShape.error?.message ?? '', /tabId/);

      // Well-formed, but from an extension page pretending to be the content script of a shop tab.
      const notContent = (await popup.sendRaw({
        sourcelens: 1,
        type: 'productSpotted',
        data: { product, pageUrl: 'https://evil.example/p' },
      })) as { ok: boolean; error?: { code: string; message: string } };
      assert.equal(notContent.ok, false);
      assert.equal(notContent.error?.code, 'bad-sender');

      const unknown = (await popup.sendRaw({ sourcelens: 1, type: 'dropTables', data: {} })) as {
        ok: boolean;
        error?: { code: string };
      };
      assert.equal(unknown.error?.code, 'unknown-type');
      const junk = (await popup.sendRaw('hello')) as { ok: boolean; error?: { code: string } };
      assert.equal(junk.error?.code, 'bad-envelope');

      assert.equal(await countRows(h, 'products'), before);
      await popup.page.close();
    });
  });
});
