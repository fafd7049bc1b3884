/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MockOffer } from '../mock-sources/server';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ResultsPanel } from './pages/ResultsPanel';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, readRow, startHarness } from './support/harness';
import { poll } from './support/wait';

const SEARCH_PATH = 'h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/';
const SHOP_URL = 'https://item.taobao.com/item.htm?id=712345678901';

/** A 1688 search item with the facts the filters and orders read (no picture: no same-photo clusters). */
function item(
  id: string,
  o: {
    factory: boolean;
    promise: string | null;
    dropship: boolean;
    tiers: [number, string][];
    sold: number;
    place: [string, string];
  },
): MockOffer {
  return {
    offerId: id,
    title: `工作流测试 纯棉T恤 ${id.slice(-1)}`,
    priceInfo: { price: o.tiers[0]?.[1] },
    province: o.place[0],
    city: o.place[1],
    bookedCount: o.sold,
    afterPriceList: [{ matKey: 'quantity_begin', text: `${o.tiers[0]?.[0]}件起批` }],
    factoryInspection: String(o.factory),
    bizType: o.factory ? '生产加工' : '经销批发',
    loginId: `seller${id.slice(-1)}`,
    memberId: `b2b-seller${id.slice(-1)}`,
    shop: { text: `${o.place[1]}${o.factory ? '工厂' : '商行'}${id.slice(-1)}`, tpYear: '5' },
    shopAddition: { quantityPrices: o.tiers.map(([q, v]) => ({ quantity: `≥${q}件`, value: v })) },
    ...(o.promise ? { offerMiddle: [{ text: o.promise }] } : {}),
    ...(o.dropship ? { isOnePsale: 'true', tags: [{ text: '一件代发' }] } : {}),
  };
}

// At the default quantity (50): A ¥10.00, B ¥8.00, C ¥15.00, D ¥6.00 (below its minimum of 200), E ¥7.50,
// F ¥11.00. Factories: A, C, E. Within 48 h: A, B (24 h pick-up), E, F.
const A = '900000000001';
const B = '900000000002';
const C = '900000000003';
const D = '900000000004';
const E = '900000000005';
const F = '900000000006';
const CATALOGUE = [
  item(A, {
    factory: true,
    promise: '48小时发货',
    dropship: true,
    tiers: [
      [2, '12.00'],
      [50, '10.00'],
    ],
    sold: 120,
    place: ['浙江', '义乌'],
  }),
  item(B, {
    factory: false,
    promise: '24小时揽收',
    dropship: false,
    tiers: [[1, '8.00']],
    sold: 500,
    place: ['广东', '广州'],
  }),
  item(C, {
    factory: true,
    promise: '72小时发货',
    dropship: true,
    tiers: [
      [10, '15.00'],
      [100, '14.00'],
    ],
    sold: 50,
    place: ['浙江', '杭州'],
  }),
  item(D, {
    factory: false,
    promise: null,
    dropship: false,
    tiers: [[200, '6.00']],
    sold: 900,
    place: ['江苏', '苏州'],
  }),
  item(E, {
    factory: true,
    promise: '48小时发货',
    dropship: false,
    tiers: [
      [1, '9.00'],
      [50, '7.50'],
    ],
    sold: 10,
    place: ['福建', '泉州'],
  }),
  item(F, {
    factory: false,
    promise: '48小时发货',
    dropship: true,
    tiers: [[1, '11.00']],
    sold: 300,
    place: ['广东', '深圳'],
  }),
];

/** A kept offer's shortlist row, read from an extension page by its offer key (undefined when not kept). */
function shortlistRow(h: Harness, offerKey: string) {
  return readRow(h, 'shortlist', offerKey, 'offerKey') as Promise<
    { status: string; note: string; tags: string[]; statusHistory: { status: string }[] } | undefined
  >;
}

describe('the sourcing workflow in the side panel', { timeout: 300_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let tab: ShopTab;
  let panel: SidePanelPage;
  let box: SearchBox;
  let results: ResultsPanel;
  const searches = () =>
    mock.requests.filter((r) => `${r.host}${r.path}` === SEARCH_PATH && r.apiMethod === 'getOfferList')
      .length;

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
    tab = await ShopTab.open(h.browser, SHOP_URL);
    await tab.waitForReport((r) => r !== null);
    panel = await SidePanelPage.open(h.browser, tab.tabId);
    box = new SearchBox(panel.page);
    results = new ResultsPanel(panel.page);
  });
  after(async () => {
    await h?.close();
  });

  test('spot → search → filter and sort at once → compare two → ask the supplier → keep with a note and tags', async () => {
    await withScreenshots(h.browser, 'workflow-flow', async () => {
      mock.sources['1688'].setOffers(CATALOGUE);
      // Spotted: the Taobao product is in the header.
      assert.match((await panel.title.textContent()) ?? '', /T恤/);
      await box.search('工作流测试 纯棉T恤');
      await results.cards.first().waitFor();
      assert.equal(await results.count(), 6);
      const sent = searches();

      // Filters narrow the offers shown at once, without a new search.
      const page = panel.page;
      await page.getByTestId('filter-factory').check();
      await poll(
        () => results.allIds(),
        (ids) => ids.length === 3,
        { what: 'factories only' },
      );
      assert.deepEqual((await results.allIds()).sort(), [A, C, E]);
      await page.getByTestId('filter-48h').check();
      assert.deepEqual((await results.allIds()).sort(), [A, E]);
      assert.match((await page.getByTestId('results-filtered').textContent()) ?? '', /2 of 6/);
      await page.getByTestId('filter-factory').uncheck();
      await page.getByTestId('filter-48h').uncheck();
      await page.getByTestId('filter-price-max').fill('9');
      await page.getByTestId('filter-price-max').press('Tab');
      // The price at the buyer's 50 units, not the first tier's.
      assert.deepEqual((await results.allIds()).sort(), [B, D, E]);
      await page.getByTestId('filter-price-max').fill('');
      await page.getByTestId('filter-price-max').press('Tab');
      assert.equal(await results.count(), 6);
      assert.equal(searches(), sent, 'no search was sent for filters only SourceLens applies');

      // Orders re-order the offers shown at once.
      await results.setSort('unit-price');
      assert.deepEqual(await results.allIds(), [D, E, B, A, F, C]);
      await results.setSort('sales');
      assert.deepEqual(await results.allIds(), [D, B, F, A, C, E]);
      // The buyer's tier is highlighted: A at 50 units is in its ≥50 tier.
      assert.match(
        (await (await results.reveal(A)).getByTestId('offer-tier-mine').textContent()) ?? '',
        /≥50/,
      );
      await results.setSort('match');

      // Compare two offers side by side.
      await (await results.reveal(A)).getByTestId('offer-compare').check();
      await (await results.reveal(B)).getByTestId('offer-compare').check();
      assert.equal(await results.compareTray.getAttribute('data-count'), '2');
      await page.getByTestId('compare-open').click();
      const table = results.compareView.getByTestId('compare-table');
      await table.waitFor();
      assert.deepEqual(
        await table
          .getByTestId('compare-offer')
          .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-offer-id'))),
        [A, B],
      );
      const priceRow = table.locator('tbody tr').first();
      assert.match((await priceRow.textContent()) ?? '', /10\.00.*8\.00/);
      // B is cheaper at 50 units: its price is marked best.
      assert.equal(await priceRow.locator('td[data-best="true"]').count(), 1);
      assert.equal(await priceRow.locator('td').nth(1).getAttribute('data-best'), 'true');
      await page.keyboard.press('Escape');
      await results.compareView.waitFor({ state: 'detached' });

      // Ask A's supplier: the message is copied and 1688's chat opens for that seller; A becomes "contacted".
      await results.catchClipboard();
      await (await results.reveal(A)).getByTestId('offer-ask').click();
      const ask = results.askDialog;
      await ask.waitFor();
      const message = ask.getByTestId('ask-message');
      assert.match(await message.inputValue(), /50件/);
      assert.doesNotMatch(await message.inputValue(), /多久/);
      await ask.getByTestId('ask-leadTime').check();
      // The message is composed again after the tick's render.
      await poll(
        () => message.inputValue(),
        (v) => /多久能发货/.test(v),
        { what: 'the lead-time line in the message' },
      );
      assert.match((await ask.getByTestId('ask-gloss').textContent()) ?? '', /how soon after ordering/);
      await message.fill(`${await message.inputValue()}\n麻烦发一下色卡`);
      const contact = h.browser.context.waitForEvent('page');
      await ask.getByTestId('ask-send').click();
      const chat = await contact;
      await chat.getByTestId('mock-contact').waitFor();
      assert.equal(await chat.getByTestId('mock-contact').getAttribute('data-q-touid'), 'cnalichnseller1');
      assert.equal(await chat.getByTestId('mock-contact').getAttribute('data-q-offerid'), A);
      await chat.close();
      const copied = await results.copied();
      assert.equal(copied.length, 1);
      assert.match(copied[0] ?? '', /多久能发货[\s\S]*麻烦发一下色卡$/);
      await poll(
        () => shortlistRow(h, `1688:${A}`),
        (row) => row?.status === 'contacted',
        { what: 'A contacted in the shortlist' },
      );
      await (await results.reveal(A)).getByTestId('offer-status').waitFor();
      assert.match((await results.toast.textContent()) ?? '', /contacted/);

      // Keep B with a note and tags in one step.
      await results.keep(B, { note: 'Ask for the colour chart', tags: ['summer', 'TikTok'] });
      const row = await poll(
        () => shortlistRow(h, `1688:${B}`),
        (r) => r !== undefined,
        { what: 'B kept' },
      );
      assert.equal(row?.note, 'Ask for the colour chart');
      assert.deepEqual(row?.tags, ['summer', 'tiktok']);
      assert.equal(
        await (await results.reveal(B)).getByTestId('offer-keep').getAttribute('aria-pressed'),
        'true',
      );
      // Kept again: the same sheet edits the note.
      await (await results.reveal(B)).getByTestId('offer-keep').click();
      assert.equal(
        await results.keepDialog.getByTestId('keep-note').inputValue(),
        'Ask for the colour chart',
      );
      await page.keyboard.press('Escape');
    });
  });

  test('a sourcing summary is copied in the person’s language', async () => {
    await withScreenshots(h.browser, 'workflow-summary', async () => {
      await results.catchClipboard();
      await (await results.reveal(E)).getByTestId('offer-copy-summary').click();
      await poll(
        () => results.copied(),
        (c) => c.length === 1,
        { what: 'the summary copied' },
      );
      const [summary = ''] = await results.copied();
      assert.match(
        summary,
        /^工作流测试 纯棉T恤 5\nhttps:\/\/detail\.1688\.com\/offer\/900000000005\.html\n/,
      );
      assert.match(summary, /Price at 50 pcs: CN¥7\.50 each/);
      assert.match(summary, /Supplier: 泉州工厂5/);
    });
  });

  test('the templates edited in the options page write the ask sheet’s message; an unknown placeholder is warned about', async () => {
    await withScreenshots(h.browser, 'workflow-templates', async () => {
      const options = await h.browser.openExtensionPage('options.html');
      const closing = options.getByTestId('template-zh-closing');
      await closing.fill('请尽快回复 {fooBar}');
      await closing.press('Tab');
      await options.getByTestId('template-zh-closing-unknown').waitFor();
      assert.match(
        (await options.getByTestId('template-zh-closing-unknown').textContent()) ?? '',
        /\{fooBar\}/,
      );
      assert.match(
        (await options.getByTestId('templates-preview').textContent()) ?? '',
        /请尽快回复 \{fooBar\}$/,
      );

      await (await results.reveal(C)).getByTestId('offer-ask').click();
      await results.askDialog.waitFor();
      assert.match(await results.askDialog.getByTestId('ask-message').inputValue(), /请尽快回复 \{fooBar\}$/);
      await panel.page.keyboard.press('Escape');

      await options.getByTestId('template-zh-closing-reset').click();
      assert.equal(await closing.inputValue(), '麻烦回复一下，谢谢！');
      await options.getByTestId('template-zh-closing-unknown').waitFor({ state: 'detached' });
      await options.close();
      await (await results.reveal(C)).getByTestId('offer-ask').click();
      assert.match(await results.askDialog.getByTestId('ask-message').inputValue(), /麻烦回复一下，谢谢！$/);
      await panel.page.keyboard.press('Escape');
      await results.askDialog.waitFor({ state: 'detached' });
    });
  });

  test('keyboard: ↑/↓ move between cards, Enter opens the offer, K keeps, C ticks for compare', async () => {
    await withScreenshots(h.browser, 'workflow-keyboard', async () => {
      const page = panel.page;
      await page.getByTestId('compare-clear').click();
      const order = await results.allIds();
      await (await results.reveal(order[0] as string)).focus();
      await page.keyboard.press('ArrowDown');
      assert.equal(await results.focusedId(), order[1]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await results.focusedId(), order[2]);
      await page.keyboard.press('ArrowUp');
      assert.equal(await results.focusedId(), order[1]);
      // One card is in the tab order: the focused one.
      assert.equal(
        await results.cards.evaluateAll((cards) => cards.filter((c) => c.tabIndex === 0).length),
        1,
      );

      const opened = h.browser.context.waitForEvent('page');
      await page.keyboard.press('Enter');
      const offerPage = await opened;
      await offerPage.waitForLoadState('domcontentloaded');
      assert.equal(offerPage.url(), `https://detail.1688.com/offer/${order[1]}.html`);
      await offerPage.close();

      await page.bringToFront();
      await (await results.reveal(order[1] as string)).focus();
      await page.keyboard.press('c');
      assert.equal(await results.compareTray.getAttribute('data-count'), '1');
      assert.match((await results.toast.textContent()) ?? '', /Added to compare \(1 of 4\)/);
      await page.keyboard.press('k');
      await results.keepDialog.waitFor();
      await page.keyboard.press('Escape');
      await results.keepDialog.waitFor({ state: 'detached' });
      // Focus is back on the card it left.
      assert.equal(await results.focusedId(), order[1]);
    });
  });

  test('a long list: one card rendering per visible slot, End reaches the last one', async () => {
    await withScreenshots(h.browser, 'workflow-virtual', async () => {
      const many = Array.from({ length: 200 }, (_, i) =>
        item(String(910_000_000_000 + i), {
          factory: i % 2 === 0,
          promise: null,
          dropship: false,
          tiers: [[1, (5 + (i % 40) / 4).toFixed(2)]],
          sold: i,
          place: ['浙江', '义乌'],
        }),
      );
      mock.sources['1688'].setOffers(many);
      try {
        await box.search('虚拟列表测试 纯棉T恤');
        await results.cards.first().waitFor();
        const total = await results.count();
        const rendered = await results.cards.count();
        assert.ok(total >= 20, `${total} offers in the list`);
        assert.ok(rendered < total && rendered <= 12, `${rendered} cards in the page for ${total}`);
        await results.cards.first().focus();
        await panel.page.keyboard.press('End');
        await poll(
          () => results.focusedId(),
          (id) => id !== null && id === many.at(total - 1)?.offerId,
          { what: 'the last card focused' },
        );
        const inView = await panel.page.evaluate(() => {
          const r = document.activeElement?.getBoundingClientRect();
          return !!r && r.top >= 0 && r.bottom <= window.innerHeight + 1;
        });
        assert.ok(inView, 'the focused card is scrolled into view');
        assert.ok((await results.cards.count()) <= 12, 'still only the cards in view');
      } finally {
        mock.sources['1688'].setOffers(null);
      }
    });
  });

  test('the language changed in the options while a message is being written: the sheet keeps it, the panel changes once it is closed', async () => {
    await withScreenshots(h.browser, 'workflow-language-sheet', async () => {
      const page = panel.page;
      await results.cards.first().getByTestId('offer-ask').click();
      await results.askDialog.waitFor();
      const message = results.askDialog.getByTestId('ask-message');
      const draft = '您好，这款可以印我们的logo吗？（草稿）';
      await message.fill(draft);
      // Marks this document, and notes when the panel has heard of the change (its own listener, added at start,
      // runs before this one).
      await page.evaluate(() => {
        (window as { __sameDocument?: boolean }).__sameDocument = true;
        chrome.storage.onChanged.addListener((changes, area) => {
          if (area === 'local' && 'uiLanguage' in changes)
            (window as { __heardChange?: boolean }).__heardChange = true;
        });
      });
      const options = await h.browser.openExtensionPage('options.html');
      try {
        await options.getByTestId('language').selectOption('zh_CN');
        await options.getByRole('heading', { name: '源镜设置' }).waitFor();
        await page.waitForFunction(() => (window as { __heardChange?: boolean }).__heardChange === true);
        // Given time to reload, it does not: the same document, the draft as typed.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.equal(
          await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument === true),
          true,
          'the panel did not reload under the open sheet',
        );
        assert.equal(await message.inputValue(), draft);
        await page.keyboard.press('Escape');
        await poll(
          async () => ((await page.getByTestId('search-button').textContent()) ?? '').trim(),
          (text) => text === '搜索 1688',
          { what: 'the panel in Chinese once the sheet is closed', timeoutMs: 15_000 },
        );
      } finally {
        // Back to the browser's language; with no sheet open the panel follows at once.
        await options.getByTestId('language').selectOption('browser');
        await options.getByRole('heading', { name: 'SourceLens settings' }).waitFor();
        await poll(
          async () => ((await page.getByTestId('search-button').textContent()) ?? '').trim(),
          (text) => text === 'Search 1688',
          { what: 'the panel in English again', timeoutMs: 15_000 },
        );
        await options.close();
      }
    });
  });
});

describe('the workflow in Chinese', { timeout: 180_000 }, () => {
  let h: Harness;

  before(async () => {
    h = await startHarness(createMockSources().hostHandlers(), { lang: 'zh-CN' });
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
  });
  after(async () => {
    await h?.close();
  });

  test('a browser in Chinese shows the results, their actions and the ask sheet in Chinese', async () => {
    await withScreenshots(h.browser, 'workflow-zh', async () => {
      const tab = await ShopTab.open(h.browser, SHOP_URL);
      await tab.waitForReport((r) => r !== null);
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      const box = new SearchBox(panel.page);
      const results = new ResultsPanel(panel.page);
      await box.search();
      await results.cards.first().waitFor();
      assert.match((await panel.page.getByTestId('results-toolbar').textContent()) ?? '', /我要采购的数量/);
      const first = results.cards.first();
      assert.equal((await first.getByTestId('offer-keep').textContent())?.trim(), '收藏');
      assert.match((await first.getByTestId('offer-supplier').textContent()) ?? '', /年|店铺回头率/);
      await first.getByTestId('offer-ask').click();
      await results.askDialog.waitFor();
      assert.match((await results.askDialog.textContent()) ?? '', /询价/);
      assert.match(await results.askDialog.getByTestId('ask-message').inputValue(), /^您好/);
    });
  });
});
