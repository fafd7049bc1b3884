/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMockSources, type MockOffer, type MockSources } from '../mock-sources/server';
import { PopupPage } from './pages/PopupPage';
import { ResultsPanel } from './pages/ResultsPanel';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { assertAccessible } from './support/axe';
import { withScreenshots } from './support/browser';
import { type Harness, readRow, startHarness } from './support/harness';
import { poll } from './support/wait';

const SHOP_URL = 'https://item.taobao.com/item.htm?id=712345678901';
const A = '910000000001';
const B = '910000000002';
const KEY_A = `1688:${A}`;
const KEY_B = `1688:${B}`;

/** A 1688 search item with quantity tiers. */
function item(id: string, title: string, tiers: [number, string][], shop: string): MockOffer {
  return {
    offerId: id,
    title,
    priceInfo: { price: tiers[0]?.[1] },
    province: '浙江',
    city: '义乌',
    bookedCount: 100,
    afterPriceList: [{ matKey: 'quantity_begin', text: `${tiers[0]?.[0]}件起批` }],
    loginId: `seller${id.slice(-1)}`,
    shop: { text: shop, tpYear: '5' },
    shopAddition: { quantityPrices: tiers.map(([q, v]) => ({ quantity: `≥${q}件`, value: v })) },
  };
}

/** A kept offer's row in the database, read from an extension page (undefined when not kept). */
function keptRow(h: Harness, offerKey: string) {
  return readRow(h, 'shortlist', offerKey, 'offerKey') as Promise<
    | {
        status: string;
        note: string;
        tags: string[];
        statusHistory: { status: string; at: number }[];
        targetPriceMinor?: number | null;
        addedAt: number;
      }
    | undefined
  >;
}

/** Adds a price point to a subject's history, as a scheduled refresh would record it. */
async function addPoint(h: Harness, point: Record<string, unknown>) {
  const page = await h.browser.openExtensionPage('options.html');
  try {
    await page.evaluate(
      (p) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('priceObservations', 'readwrite');
            tx.objectStore('priceObservations').add(p);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      point,
    );
  } finally {
    await page.close();
  }
}

describe('the popup: reviewing the shortlist', { timeout: 300_000 }, () => {
  let h: Harness;
  let mock: MockSources;

  before(async () => {
    mock = createMockSources();
    // The source's default politeness: this file makes one search.
    h = await startHarness(mock.hostHandlers());
  });
  after(async () => {
    await h?.close();
  });

  test('an empty shortlist says how to fill it', async () => {
    const popup = await PopupPage.open(h.browser);
    await popup.page.getByTestId('shortlist-empty').waitFor();
    assert.match((await popup.page.getByTestId('shortlist-empty').textContent()) ?? '', /Keep/);
    await assertAccessible(popup.page, 'popup, empty shortlist');
    await popup.page.close();
  });

  test('the side panel’s header shows the retail price’s sparkline and its lowest and highest seen', async () => {
    await withScreenshots(h.browser, 'popup-panel-sparkline', async () => {
      const tab = await ShopTab.open(h.browser, SHOP_URL);
      await tab.waitForReport((r) => r !== null);
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      await panel.title.waitFor();
      // One price seen: no range to show.
      assert.equal(await panel.page.getByTestId('price-range').count(), 0);
      // A week ago the same product was ¥45.00.
      await addPoint(h, {
        subjectKey: 'taobao:712345678901',
        subjectKind: 'product',
        minor: 4500,
        maxMinor: null,
        currency: 'CNY',
        at: Date.now() - 7 * 24 * 60 * 60 * 1000,
        where: SHOP_URL,
        via: 'spotter',
        detailAt: Date.now() - 7 * 24 * 60 * 60 * 1000,
      });
      // Written behind Dexie's back (no change notice): the panel reads it when opened again.
      await panel.page.reload();
      const range = panel.page.getByTestId('price-range');
      await range.waitFor();
      assert.equal(await range.getByTestId('price-sparkline').getAttribute('data-points'), '2');
      assert.match((await range.getByTestId('price-low-high').textContent()) ?? '', /39\.90.*45\.00/);
      await panel.page.close();
      await tab.page.close();
    });
  });

  test('keep → listed → detail chart → status with date → note and tags → search and filters find it', async () => {
    await withScreenshots(h.browser, 'popup-review', async () => {
      mock.sources['1688'].setOffers([
        item(
          A,
          '弹窗测试 纯棉短袖T恤 白色',
          [
            [2, '15.00'],
            [50, '12.00'],
          ],
          '义乌弹窗工厂',
        ),
        item(B, '弹窗测试 雪纺衬衫', [[1, '30.00']], '杭州商行'),
      ]);
      // Kept through the side panel, for the Taobao product on the tab.
      const tab = await ShopTab.open(h.browser, SHOP_URL);
      await tab.waitForReport((r) => r !== null);
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      const box = new SearchBox(panel.page);
      const results = new ResultsPanel(panel.page);
      await panel.title.waitFor();
      await box.search('弹窗测试 纯棉短袖T恤');
      await results.cards.first().waitFor();
      await results.keep(A, { note: '先拿样' });
      await results.keep(B);
      await panel.page.close();

      // Since it was kept, a scheduled refresh saw the price at 50 fall from ¥12.00 to ¥10.80.
      const kept = await keptRow(h, KEY_A);
      assert.ok(kept);
      await addPoint(h, {
        subjectKey: KEY_A,
        subjectKind: 'offer',
        minor: 1080,
        maxMinor: 1500,
        currency: 'CNY',
        at: kept.addedAt + 60_000,
        where: `https://detail.1688.com/offer/${A}.html`,
        via: 'refresh',
        detailAt: kept.addedAt + 60_000,
      });

      const popup = await PopupPage.open(h.browser);
      const row = popup.row(KEY_A);
      await row.waitFor();
      assert.equal(await popup.count(), 2);
      assert.match((await row.getByTestId('shortlist-row-title').textContent()) ?? '', /纯棉短袖/);
      assert.match((await row.getByTestId('shortlist-row-supplier').textContent()) ?? '', /义乌弹窗工厂/);
      // The price at the buyer's 50 units (the ¥12.00 tier as last read), down 10 % since kept.
      assert.match((await row.getByTestId('shortlist-row-price').textContent()) ?? '', /12\.00/);
      await row.getByTestId('shortlist-row-change').waitFor();
      assert.equal(await row.getByTestId('shortlist-row-change').getAttribute('data-dir'), 'down');
      assert.match((await row.getByTestId('shortlist-row-change').textContent()) ?? '', /10%/);
      assert.equal(await row.getByTestId('sparkline').getAttribute('data-trend'), 'down');
      // Kept for the ¥39.90 Taobao product: a margin is shown.
      assert.match((await row.getByTestId('shortlist-row-margin').textContent()) ?? '', /\d+(\.\d+)?%/);
      assert.equal(await row.getAttribute('data-status'), 'considering');
      await assertAccessible(popup.page, 'popup, shortlist');

      // Keyboard: the newest kept (B) is first; ↓ moves to A, Enter opens it.
      await popup.row(KEY_B).focus();
      await popup.page.keyboard.press('ArrowDown');
      assert.equal(
        await popup.page.evaluate(() => document.activeElement?.getAttribute('data-offer-key')),
        KEY_A,
      );
      await popup.page.keyboard.press('Enter');
      await popup.detail.waitFor();
      assert.equal(await popup.detail.getAttribute('data-offer-key'), KEY_A);

      // The chart: retail and wholesale on one axis; the readout names each point's origin.
      const chart = popup.page.getByTestId('price-chart');
      await chart.waitFor();
      assert.ok(Number(await chart.getAttribute('data-points')) >= 2);
      await chart.locator('canvas').waitFor();
      const readout = popup.page.getByTestId('chart-readout-wholesale');
      assert.equal(await readout.getAttribute('data-via'), 'refresh');
      assert.match((await readout.textContent()) ?? '', /10\.80.*scheduled refresh/);
      await popup.page.getByTestId('chart-earlier').click();
      assert.equal(await readout.getAttribute('data-via'), 'search');
      assert.equal(await popup.page.getByTestId('chart-readout-retail').getAttribute('data-via'), 'spotter');
      await assertAccessible(popup.page, 'popup, a kept offer in detail');

      // Status: contacted, with the date of the change, kept in the database.
      await popup.page.getByTestId('status-contacted').click();
      const history = popup.page.getByTestId('status-history');
      await history.locator('li[data-status="contacted"]').waitFor();
      assert.match((await history.locator('li[data-status="contacted"] time').textContent()) ?? '', /\d/);
      const moved = await poll(
        () => keptRow(h, KEY_A),
        (r) => r?.status === 'contacted',
        { what: 'the status saved' },
      );
      assert.deepEqual(
        moved?.statusHistory.map((s) => s.status),
        ['considering', 'contacted'],
      );
      assert.ok((moved?.statusHistory[1]?.at ?? 0) >= kept.addedAt);
      assert.equal(await popup.page.getByTestId('status-contacted').getAttribute('aria-pressed'), 'true');

      // Note and tags, saved together.
      await popup.page.getByTestId('detail-note').fill('先拿样，面料厚实');
      await popup.page.getByTestId('detail-tags').fill('summer');
      await popup.page.getByTestId('detail-tags').press('Enter');
      await popup.page.getByTestId('detail-tags').fill('小红书');
      await popup.page.getByTestId('detail-save').click();
      const noted = await poll(
        () => keptRow(h, KEY_A),
        (r) => r?.note === '先拿样，面料厚实',
        { what: 'the note saved' },
      );
      assert.deepEqual(noted?.tags, ['summer', '小红书']);

      // The target price, when the alerts' message is there.
      await popup.page.getByTestId('detail-target').fill('10.5');
      await popup.page.getByTestId('detail-target').press('Enter');
      const targeted = await poll(
        () => keptRow(h, KEY_A),
        (r) => r?.targetPriceMinor === 1050,
        { what: 'the target price saved' },
      );
      assert.equal(targeted?.targetPriceMinor, 1050);

      // The tiers as last read, the buyer's marked.
      assert.match(
        (await popup.page.getByTestId('detail-tiers').locator('[aria-current="true"]').textContent()) ?? '',
        /12\.00/,
      );

      // Escape: back to the list, the row focused again and showing what changed.
      // The first Escape leaves the target price's field (what was typed stays), the second goes back.
      await popup.page.keyboard.press('Escape');
      assert.equal(await popup.detail.count(), 1);
      await popup.page.keyboard.press('Escape');
      await popup.detail.waitFor({ state: 'detached' });
      await poll(
        () => popup.page.evaluate(() => document.activeElement?.getAttribute('data-offer-key') ?? null),
        (k) => k === KEY_A,
        { what: 'the row focused again' },
      );
      assert.equal(await row.getAttribute('data-status'), 'contacted');
      assert.deepEqual(await row.getByTestId('shortlist-row-tag').allTextContents(), ['summer', '小红书']);

      // Search over title, supplier, notes and tags.
      for (const [words, expected] of [
        ['面料厚实', [KEY_A]],
        ['小红书', [KEY_A]],
        ['杭州商行', [KEY_B]],
        ['衬衫', [KEY_B]],
      ] as const) {
        await popup.search(words);
        await poll(
          () => popup.count(),
          (n) => n === expected.length,
          { what: `matches for ${words}` },
        );
        assert.equal(await popup.rows.first().getAttribute('data-offer-key'), expected[0]);
      }
      await popup.search('zzzz-nothing');
      await popup.page.getByTestId('shortlist-no-match').waitFor();
      await popup.search('');
      await poll(
        () => popup.count(),
        (n) => n === 2,
        { what: 'both again' },
      );

      // Filters: tag, status, price moved, retail product.
      await popup.filter('tag', 'summer');
      await poll(
        () => popup.count(),
        (n) => n === 1,
        { what: 'tagged summer' },
      );
      await popup.filter('tag', '\u0000all');
      await popup.filter('status', 'contacted');
      await poll(
        () => popup.count(),
        (n) => n === 1,
        { what: 'contacted' },
      );
      await popup.filter('status', 'ordered');
      await popup.page.getByTestId('shortlist-no-match').waitFor();
      await popup.filter('status', 'all');
      await popup.filter('moved', 'down');
      await poll(
        () => popup.count(),
        (n) => n === 1,
        { what: 'price dropped' },
      );
      assert.equal(await popup.rows.first().getAttribute('data-offer-key'), KEY_A);
      await popup.filter('moved', 'any');

      // Grouped by the retail product they were kept for, best margin first (A's ¥12.00 before B's ¥30.00).
      await popup.page.getByTestId('shortlist-group').click();
      const header = popup.page.getByTestId('shortlist-group-header');
      await header.waitFor();
      assert.equal(await header.getAttribute('data-count'), '2');
      assert.deepEqual(
        await popup.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-offer-key'))),
        [KEY_A, KEY_B],
      );

      // Sorted by price change: the drop first.
      await popup.page.getByTestId('shortlist-group').click();
      await popup.page.getByTestId('shortlist-sort').selectOption('change');
      await poll(
        () => popup.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-offer-key'))),
        (keys) => keys[0] === KEY_A,
        { what: 'the price drop first' },
      );

      // Export CSV: a file download of the shortlist.
      const download = popup.page.waitForEvent('download');
      await popup.page.getByTestId('shortlist-export').click();
      assert.match((await download).suggestedFilename(), /^sourcelens-shortlist-.*\.csv$/);

      // The offer's page read from its detail: its variants stay with it and are shown, as last read, next time.
      await popup.open(KEY_B);
      await popup.page.getByTestId('detail-read-offer').click();
      const read = popup.detail.getByTestId('offer-details');
      await read.waitFor({ timeout: 60_000 });
      const readSkus = await read.getByTestId('offer-details-sku').allTextContents();
      assert.ok(readSkus.length > 0, 'the page listed variants');
      await popup.page.close();
      const again = await PopupPage.open(h.browser);
      await again.open(KEY_B);
      const asRead = again.detail.getByTestId('detail-variants-as-read');
      await asRead.waitFor();
      assert.deepEqual(await asRead.getByTestId('offer-details-sku').allTextContents(), readSkus);
      assert.equal(
        await again.page.getByTestId('detail-read-offer').textContent(),
        'Read the offer page again',
      );
      await again.page.close();
    });
  });
});
