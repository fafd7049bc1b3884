/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { poll } from './support/wait';

const SEARCH_PATH = 'h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/';

/**
 * The side panel's shell: the product header, the search bar's progress and Cancel, the remembered search, the
 * sources offered (those not turned off in the options), and every designed state (nothing spotted, no results,
 * cancelled, offline, needs-login, throttled, access denied, a source's error with "Try again").
 * Walls and faults come from the local mock sources; each state is reached the way a person would reach it.
 */
describe('the side panel shell and its states', { timeout: 300_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let tab: ShopTab;
  let panel: SidePanelPage;
  let box: SearchBox;

  const searches = () =>
    mock.requests.filter((r) => `${r.host}${r.path}` === SEARCH_PATH && r.apiMethod === 'getOfferList');
  /** `searchOffers` messages the background has received so far (from any extension page). */
  const searchMessages = () =>
    h.browser.worker.evaluate(
      () =>
        ((globalThis as { __e2eMessages?: { type: string | null }[] }).__e2eMessages ?? []).filter(
          (m) => m.type === 'searchOffers',
        ).length,
    );
  /** The sources the panel's picker offers, in order. */
  const offered = () =>
    box.page
      .getByTestId('search-source')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const lift = async () => {
    mock.setWall(null);
    mock.sources['1688'].setFault(null);
    mock.sources.alibaba.setFault(null);
    await h.browser.worker.evaluate(() => chrome.storage.sync.set({ disabledSources: [] }));
    await box.page.evaluate(() =>
      chrome.runtime.sendMessage({ sourcelens: 1, type: 'sourceVerified', data: {} }),
    );
  };

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
    tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    panel = await SidePanelPage.open(h.browser, tab.tabId);
    box = new SearchBox(panel.page);
  });
  after(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await lift();
  });

  test('the header shows the product, its price and the shop by its host, never a detection layer', async () => {
    await withScreenshots(h.browser, 'panel-header', async () => {
      await panel.title.waitFor();
      assert.equal(await panel.title.textContent(), 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣');
      assert.match((await panel.price.textContent()) ?? '', /39\.90/);
      assert.equal(await panel.shop.textContent(), 'taobao.com');
      // A Shopify store (detected as "shopify") is named by its own host.
      const store = await ShopTab.open(
        h.browser,
        'https://shop.lumen-candles.test/products/amber-soy-candle',
      );
      const r = await store.waitForReport((x) => x !== null);
      assert.equal(r?.site, 'shopify');
      const other = await SidePanelPage.open(h.browser, store.tabId);
      await other.title.waitFor();
      assert.equal(await other.shop.textContent(), 'lumen-candles.test');
      assert.match((await other.price.textContent()) ?? '', /18\.00/);
      await other.page.close();
      await store.page.close();
    });
  });

  test('nothing spotted: says so, focuses the query box, and explains searching by a picture', async () => {
    await withScreenshots(h.browser, 'panel-nothing', async () => {
      const news = await ShopTab.open(h.browser, 'https://www.example-news.test/2026/11/markets');
      assert.deepEqual(await news.spotterPassDone(), []);
      const empty = await SidePanelPage.open(h.browser, news.tabId);
      await empty.noProduct.waitFor();
      const other = new SearchBox(empty.page);
      await empty.page.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'search-query',
      );
      assert.match((await empty.page.getByTestId('picture-hint').textContent()) ?? '', /right-click/);
      // "Type what you are looking for" puts the focus back in the box, ready to type.
      await other.query.blur();
      await empty.page.getByTestId('type-query').click();
      assert.equal(
        await empty.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'search-query',
      );
      await empty.page.keyboard.type('保温杯');
      await other.search();
      await other.offers.first().waitFor();
      await empty.page.close();
      await news.page.close();
    });
  });

  test('a running search shows its source, step and offers so far, and Cancel stops it at once', async () => {
    await withScreenshots(h.browser, 'panel-cancel', async () => {
      mock.setWall('stall');
      const before = await box.answers();
      await box.setMode('keywords');
      await box.query.fill('取消测试 帆布包');
      await box.page.getByTestId('search-button').click();
      await box.progress.waitFor();
      // The background reports the step under the panel's request id: a results page, at the stalled source.
      await poll(
        () => box.progress.getAttribute('data-step'),
        (step) => step === 'search',
        { what: 'the progress line at the search step' },
      );
      assert.match((await box.progress.textContent()) ?? '', /page 1 of 1688/);
      await poll(
        async () => mock.requests.some((r) => r.wall === 'stall'),
        (reached) => reached,
        { what: 'the stalled request at the source' },
      );
      const cancelledAt = Date.now();
      await box.page.getByTestId('search-cancel').click();
      await box.nextAnswer(before, 10_000);
      await box.state('cancelled').waitFor();
      // Well before the request's deadline (20 s): the cancel reached the transport.
      assert.ok(Date.now() - cancelledAt < 5000, `cancelled after ${Date.now() - cancelledAt} ms`);
      assert.equal(await box.progress.count(), 0, 'no progress line after the cancel');
      // "Search again" runs the same search.
      mock.setWall(null);
      const again = await box.answers();
      await box.page.getByTestId('cancelled-retry').click();
      await box.nextAnswer(again);
      await box.offers.first().waitFor();
    });
  });

  test('no results: fewer words as one-click searches, and the picture instead', async () => {
    await withScreenshots(h.browser, 'panel-no-results', async () => {
      mock.setWall('empty');
      await box.search('空结果 测试 不锈钢 水杯');
      const state = box.state('no-results');
      await state.waitFor();
      const chips = state.getByTestId('fewer-words');
      assert.deepEqual(await chips.allTextContents(), ['空结果 测试 不锈钢', '空结果 测试', '空结果']);
      assert.equal(await state.getByTestId('no-results-picture').count(), 1, 'the picture is offered');
      mock.setWall(null);
      const before = searches().length;
      const answers = await box.answers();
      await chips.first().click();
      await box.nextAnswer(answers);
      assert.equal(await box.query.inputValue(), '空结果 测试 不锈钢');
      assert.ok(searches().length > before, 'the shorter query was searched at the source');
      await box.offers.first().waitFor();
    });
  });

  test('reopening the panel on the same product shows its last search at once, from the cache', async () => {
    await withScreenshots(h.browser, 'panel-remembered', async () => {
      await box.search('记住测试 收纳盒');
      await box.offers.first().waitFor();
      const shown = await box.offers.count();
      const before = searches().length;
      const reopened = await SidePanelPage.open(h.browser, tab.tabId);
      const again = new SearchBox(reopened.page);
      await again.offers.first().waitFor({ timeout: 10_000 });
      assert.equal(await again.via(), 'cache');
      assert.equal(await again.offers.count(), shown);
      assert.equal(await again.query.inputValue(), '记住测试 收纳盒');
      assert.equal(searches().length, before, 'no request to the source');
      await reopened.page.close();
    });
  });

  test('offline: nothing is sent, the panel says so, and searches by itself once back online', async () => {
    await withScreenshots(h.browser, 'panel-offline', async () => {
      await box.setMode('keywords');
      await box.query.fill('离线测试 雨伞');
      const sentBefore = await searchMessages();
      await box.page.context().setOffline(true);
      try {
        await box.search();
        await box.state('offline').waitFor();
        assert.equal(await searchMessages(), sentBefore, 'no search message was sent');
      } finally {
        const answers = await box.answers();
        await box.page.context().setOffline(false);
        await box.nextAnswer(answers);
      }
      await box.offers.first().waitFor();
      assert.equal(await searchMessages(), sentBefore + 1);
    });
  });

  test('needs login: a button opens the source, then "logged in, search again" retries', async () => {
    await withScreenshots(h.browser, 'panel-login', async () => {
      mock.setWall('login');
      await box.search('登录测试 马克杯');
      const state = box.state('needs-login');
      await state.waitFor();
      const href = await state.getByTestId('login-button').locator('xpath=..').getAttribute('href');
      assert.match(href ?? '', /^https:\/\/login\.1688\.com\//);
      mock.setWall(null);
      const answers = await box.answers();
      await state.getByTestId('login-retry').click();
      await box.nextAnswer(answers);
      await box.offers.first().waitFor();
    });
  });

  test('throttled: says until when and counts down', async () => {
    await withScreenshots(h.browser, 'panel-throttled', async () => {
      mock.setWall('throttled');
      await box.search('限速测试 台灯');
      const state = box.state('throttled');
      await state.waitFor();
      const countdown = state.getByTestId('throttled-countdown');
      const read = async () => {
        const m = /(\d+):(\d\d)/.exec((await countdown.textContent()) ?? '');
        return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
      };
      const first = await read();
      assert.ok(first > 30 && first <= 90, `counting down from ${first} s`);
      await poll(read, (s) => s >= 0 && s < first, { what: 'the countdown to move', timeoutMs: 5000 });
    });
  });

  test('access denied: no check to pass, so no verify button — only a later retry', async () => {
    await withScreenshots(h.browser, 'panel-denied', async () => {
      mock.sources['1688'].setFault('deny');
      await box.search('拒绝测试 杯子');
      const state = box.state('access-denied');
      await state.waitFor();
      assert.equal(await state.getByTestId('verify-button').count(), 0);
      assert.equal(await state.getByTestId('denied-retry').count(), 1);
    });
  });

  test('a source turned off in the options is not offered; the one chosen falls back to the first still on', async () => {
    await withScreenshots(h.browser, 'panel-sources-off', async () => {
      await poll(offered, (ids) => ids.length === 2, { what: 'both sources offered' });
      await box.page.getByTestId('search-source').selectOption('alibaba');
      let options = await h.browser.openExtensionPage('options.html');
      try {
        const alibaba = options.getByTestId('setting-source-alibaba');
        await poll(
          () => alibaba.isEnabled(),
          (on) => on,
          { what: 'the switch read from storage' },
        );
        assert.equal(await alibaba.isChecked(), true, 'on by default');
        await alibaba.uncheck();
        await poll(offered, (ids) => ids.join() === '1688', { what: 'Alibaba.com gone from the picker' });
        assert.equal(await box.page.getByTestId('search-source').inputValue(), '1688');
        // Every source off: the search bar says so, with the way to the options (opened anew: the options page
        // is closed first, since the browser would only bring an open one forward).
        await options.getByTestId('setting-source-1688').uncheck();
        const off = box.page.getByTestId('state-sources-off');
        await off.waitFor();
        assert.equal(await box.page.getByTestId('search-button').count(), 0, 'nothing to search with');
        await options.close();
        const opened = h.browser.context.waitForEvent('page');
        await off.getByTestId('open-options').click();
        options = await opened;
        await options.waitForLoadState();
        assert.match(options.url(), /\/options\.html/);
        // Back on: offered again, in the registry's order.
        await options.getByTestId('setting-source-alibaba').check();
        await options.getByTestId('setting-source-1688').check();
        await poll(offered, (ids) => ids.join() === '1688,alibaba', { what: 'both sources back' });
      } finally {
        await options.close();
      }
    });
  });

  test('a source that fails (HTTP 500) shows the error state, and "Try again" runs the search again', async () => {
    await withScreenshots(h.browser, 'panel-error', async () => {
      const alibabaSearches = () =>
        mock.requests.filter((r) => r.host === 'www.alibaba.com' && r.path === '/trade/search').length;
      mock.sources.alibaba.setFault('server-error');
      await box.page.getByTestId('search-source').selectOption('alibaba');
      try {
        await box.search('error test water bottle');
        const state = box.state('error');
        await state.waitFor();
        assert.match((await state.textContent()) ?? '', /HTTP 500/);
        const retry = state.getByTestId('error-retry');
        assert.equal(await retry.textContent(), 'Try again');
        const asked = alibabaSearches();
        mock.sources.alibaba.setFault(null);
        const answers = await box.answers();
        await retry.click();
        await box.nextAnswer(answers);
        await box.offers.first().waitFor();
        assert.ok(alibabaSearches() > asked, 'the search went to the source again');
        assert.equal(await box.state('error').count(), 0);
      } finally {
        await box.page.getByTestId('search-source').selectOption('1688');
      }
    });
  });

  test("while more offers load, the progress shows in the results' meta row: the offers do not move", async () => {
    await withScreenshots(h.browser, 'panel-more-progress', async () => {
      // As narrow as a side panel gets in use, where a wrapping line would show first.
      const size = box.page.viewportSize();
      await box.page.setViewportSize({ width: 320, height: 800 });
      try {
        await box.search('更多测试 保温杯');
        await box.offers.first().waitFor();
        const list = box.page.getByTestId('results-list');
        const top = () => list.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        const before = await top();
        // The next page hangs at the source, so the panel stays in its loading state while it is measured.
        mock.setWall('stall');
        await box.page.getByTestId('search-more').click();
        await box.progress.waitFor();
        assert.equal(
          await box.page.getByTestId('search-meta').getByTestId('search-progress').count(),
          1,
          'the progress line is in the meta row',
        );
        assert.equal(await top(), before, 'the offers stay where they were while the page loads');
        const answers = await box.answers();
        await box.page.getByTestId('search-cancel').click();
        await box.nextAnswer(answers, 10_000);
        await box.progress.waitFor({ state: 'detached' });
        assert.equal(await top(), before, 'and after it');
        assert.ok((await box.offers.count()) > 0, 'the offers already shown stay');
      } finally {
        if (size) await box.page.setViewportSize(size);
      }
    });
  });
});
