/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { FIXTURE_CONTEXT_ID, FIXTURE_INIT_DATA_ID, SCRIPTED_PAGE_ID } from '../mock-sources/1688/mock';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ResultsPanel } from './pages/ResultsPanel';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, readRow, startHarness } from './support/harness';
import { poll } from './support/wait';

const SEARCH_PATH = 'h5api.m.1688.com/h5/mtop.relationrecommend.wirelessrecommend.recommend/2.0/';
const MIN_INTERVAL_MS = 1500;

describe('1688 through the mock, in the browser', { timeout: 240_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let tab: ShopTab;
  let box: SearchBox;

  /**
   * What the "Find source" click handler does for a picture (native menus can't be clicked from tests): leave
   * the search in session storage for the side panel; resolves once the panel has shown its answer.
   */
  const rightClickImageSearch = async (url: string) => {
    const answers = await box.page.getByTestId('search-panel').getAttribute('data-answers');
    await h.browser.worker.evaluate(
      (u) => chrome.storage.session.set({ pendingSearch: { mode: 'image', query: u, at: Date.now() } }),
      url,
    );
    await box.page.waitForFunction(
      (prev) => document.querySelector('[data-testid="search-panel"]')?.getAttribute('data-answers') !== prev,
      answers,
      { timeout: 60_000 },
    );
  };

  const searches = () =>
    mock.requests.filter((r) => `${r.host}${r.path}` === SEARCH_PATH && r.apiMethod === 'getOfferList');

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    // Politeness spacing shortened for the test run (no jitter), through the real setting.
    await h.browser.worker.evaluate(
      (ms) => chrome.storage.sync.set({ sourceSettings: { minIntervalMs: ms, jitterMs: 0, cacheHours: 24 } }),
      MIN_INTERVAL_MS,
    );
    tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    const panel = await SidePanelPage.open(h.browser, tab.tabId);
    box = new SearchBox(panel.page);
  });
  after(async () => {
    await h?.close();
  });
  beforeEach(() => mock.setWall(null));

  test('a keyword search from the spotted product returns offers with tiers, MOQ and supplier facts', async () => {
    await withScreenshots(h.browser, 'sources-keywords', async () => {
      // The Taobao title, stripped of marketing words, is the suggested query.
      const suggested = await box.query.inputValue();
      assert.ok(suggested.length > 0 && !/新款|ins|2025/.test(suggested), `suggested query: ${suggested}`);
      await box.search();
      assert.equal(await box.via(), 'gateway-tab');
      const count = await box.offers.count();
      assert.ok(count > 0, 'offers shown');
      const first = box.offers.first();
      assert.match((await first.getByTestId('offer-moq').textContent()) ?? '', /\d/);
      assert.ok(((await first.getByTestId('offer-supplier').textContent()) ?? '').length > 2);
      const withTiers = await box.page.getByTestId('offer-tiers').count();
      assert.ok(withTiers > 0, 'some offers show quantity tiers');
      const href = await first.getByTestId('offer-title').locator('xpath=..').getAttribute('href');
      assert.match(href ?? '', /^https:\/\/detail\.1688\.com\/offer\/\d+\.html$/);
      // The gateway checked our token and signature: at least one search call answered SUCCESS.
      assert.ok(
        searches().some((r) => r.ret?.startsWith('SUCCESS')),
        JSON.stringify(searches().map((r) => r.ret)),
      );
    });
  });

  test('the second identical search is served from the cache without asking 1688', async () => {
    await withScreenshots(h.browser, 'sources-cache', async () => {
      const before = searches().length;
      await box.search();
      assert.equal(await box.via(), 'cache');
      assert.equal(searches().length, before);
    });
  });

  test('requests are spaced by the politeness interval at the server, token handshake included', async () => {
    await withScreenshots(h.browser, 'sources-rate', async () => {
      const before = mock.requests.length;
      await box.search('保温杯 不锈钢');
      await box.search('瑜伽裤 女');
      await box.search('手机壳 硅胶');
      const times = mock.requests
        .slice(before)
        .filter((r) => `${r.host}${r.path}` === SEARCH_PATH)
        .map((r) => r.time);
      assert.ok(times.length >= 3, `${times.length} gateway requests`);
      for (let i = 1; i < times.length; i += 1) {
        const gap = (times[i] as number) - (times[i - 1] as number);
        // The slot is taken when the request leaves the extension; allow the local hop's jitter.
        assert.ok(gap >= MIN_INTERVAL_MS - 100, `gap ${gap} ms between requests`);
      }
    });
  });

  for (const [wall, state] of [
    ['punish', 'needs-verification'],
    ['slider', 'needs-verification'],
    ['rgv587', 'needs-verification'],
    ['user-validate', 'needs-verification'],
    ['login', 'needs-login'],
    ['throttled', 'throttled'],
  ] as const) {
    test(`a ${wall} answer becomes the ${state} state, and the source is left alone until the person acts`, async () => {
      await withScreenshots(h.browser, `sources-wall-${wall}`, async () => {
        mock.setWall(wall);
        await box.search(`墙测试 ${wall}`);
        await box.state(state).waitFor();
        if (state === 'needs-verification') {
          const href = await box.page.getByTestId('verify-button').locator('xpath=..').getAttribute('href');
          assert.match(href ?? '', /^https:\/\/[^/]*1688\.com\//);
        }
        // While backing off, another search does not reach 1688.
        const before = mock.count();
        await box.search(`墙测试 again ${wall}`);
        await box.state(state === 'needs-login' ? 'needs-login' : state).waitFor();
        assert.equal(mock.count(), before);
        // The person passed the check: the back-off lifts and searching works again.
        mock.setWall(null);
        await h.browser.worker.evaluate(() => undefined);
        await box.page.evaluate(() =>
          chrome.runtime.sendMessage({ sourcelens: 1, type: 'sourceVerified', data: {} }),
        );
        await box.search(`墙测试 after ${wall}`);
        await box.offers
          .first()
          .waitFor({ timeout: 10_000 })
          .catch(() => {});
        const shown = (await box.page.getByTestId('search-panel').textContent()) ?? '';
        const recent = mock.requests.slice(-4).map((r) => [r.path.slice(0, 60), r.status, r.ret, r.wall]);
        assert.ok(
          (await box.offers.count()) > 0,
          `after verifying: ${shown.slice(-200)} ${JSON.stringify(recent)}`,
        );
      });
    });
  }

  test('a right-click on a product picture runs an image search (JPEG re-encoded from a PNG)', async () => {
    await withScreenshots(h.browser, 'sources-image', async () => {
      // The menu items exist (update fails for an unknown id).
      await h.browser.worker.evaluate(() => chrome.contextMenus.update('find-source-image', {}));
      const before = mock.requests.filter((r) => r.apiMethod === 'uploadBase64WithRequest').length;
      await rightClickImageSearch('https://www.example-shop.test/img/babylonian.png');
      const shown = (await box.page.getByTestId('search-panel').textContent()) ?? '';
      assert.equal(await box.via(), 'gateway-tab', shown.slice(0, 300));
      assert.ok((await box.offers.count()) > 0);
      const uploads = mock.requests.filter((r) => r.apiMethod === 'uploadBase64WithRequest');
      assert.equal(uploads.length, before + 1);
      assert.ok(uploads.at(-1)?.ret?.startsWith('SUCCESS'), `upload answered ${uploads.at(-1)?.ret}`);
      assert.ok(mock.requests.some((r) => r.apiMethod === 'imageOfferSearchService'));
    });
  });

  test('browsing a 1688 offer page and a results page records their offers and prices', async () => {
    await withScreenshots(h.browser, 'sources-harvest', async () => {
      const detail = await h.browser.context.newPage();
      await detail.goto('https://detail.1688.com/offer/833454967766.html');
      const row = (await poll(
        () => readRow(h, 'offers', '1688:833454967766'),
        (r) => r !== undefined,
        { what: 'the offer page recorded', timeoutMs: 30_000, intervalMs: 200 },
      )) as { priceTiers?: unknown[]; moq?: number | null; title?: string };
      assert.ok(row, 'offer page recorded');
      assert.ok((row.priceTiers?.length ?? 0) > 0, JSON.stringify(row));
      await detail.close();

      const results = await h.browser.context.newPage();
      await results.goto('https://s.1688.com/selloffer/offer_search.htm?keywords=%C3%B1%D7%D3');
      const firstId = await results.locator('a[href*="detail.1688.com/offer/"]').first().getAttribute('href');
      const id = /offer\/(\d+)\.html/.exec(firstId ?? '')?.[1];
      assert.ok(id, 'the results page lists offers');
      const card = (await poll(
        () => readRow(h, 'offers', `1688:${id}`),
        (r) => r !== undefined,
        { what: 'a results-page card recorded', timeoutMs: 30_000, intervalMs: 200 },
      )) as { title?: string; priceMinMinor?: number | null } | undefined;
      assert.ok(card?.title, 'a results-page card recorded');
      assert.ok((card?.priceMinMinor ?? 0) > 0);
      await results.close();
    });
  });

  test('typing in the query box shows 1688 suggestions, one request for the newest prefix only', async () => {
    await withScreenshots(h.browser, 'sources-suggest', async () => {
      const suggests = () => mock.requests.filter((r) => r.apiMethod === 'input_suggest').length;
      const before = suggests();
      // Typed key by key: the debounce sends only the last prefix.
      await box.setMode('keywords');
      await box.query.fill('');
      await box.query.pressSequentially('雨伞', { delay: 50 });
      await box.page.waitForFunction(
        () => document.querySelectorAll('[data-testid="query-suggestions"] [role="option"]').length > 0,
        undefined,
        { timeout: 30_000 },
      );
      const shown = await box.suggestions();
      assert.ok(shown.length > 0 && shown.every((text) => text.startsWith('雨伞')), JSON.stringify(shown));
      assert.equal(suggests(), before + 1);
    });
  });

  test('an offer page is read on request: every tier, the SKUs with prices and stock, dropshipping', async () => {
    await withScreenshots(h.browser, 'sources-details', async () => {
      await box.search('详情测试 帆布包');
      const card = box.offers.nth(1);
      const offerId = (await card.getAttribute('data-offer-id')) ?? '';
      const tabsBefore = h.browser.context.pages().length;
      await card.getByTestId('offer-details-button').click();
      const details = card.getByTestId('offer-details');
      await details.waitFor({ timeout: 60_000 });
      assert.ok(
        mock.requests.some((r) => r.host === 'detail.1688.com' && r.path === `/offer/${offerId}.html`),
        'the detail page was loaded from 1688',
      );
      assert.ok((await details.getByTestId('offer-details-tiers').locator('tr').count()) >= 1);
      const skus = details.getByTestId('offer-details-sku');
      assert.equal(await skus.count(), 6);
      assert.match((await skus.first().textContent()) ?? '', /黑色>M.*\d.*100/);
      // No tab per page: at most the one helper tab on the offer pages' origin, kept for the next read.
      const tabsAfterFirst = h.browser.context.pages().length;
      assert.ok(
        tabsAfterFirst <= tabsBefore + 1,
        `${tabsAfterFirst} tabs after one read (${tabsBefore} before)`,
      );
      // A second offer's page is fetched from that tab's page (same origin), and opens no tab.
      const other = box.offers.nth(2);
      const otherId = (await other.getAttribute('data-offer-id')) ?? '';
      await other.getByTestId('offer-details-button').click();
      await other.getByTestId('offer-details').waitFor({ timeout: 60_000 });
      assert.equal(await other.getByTestId('offer-details').getAttribute('data-read'), 'fetched');
      const fetched = mock.requests.filter(
        (r) => r.host === 'detail.1688.com' && r.path === `/offer/${otherId}.html`,
      );
      assert.deepEqual(
        fetched.map((r) => r.fetchSite),
        ['same-origin'],
        'fetched once, from a page of the same origin',
      );
      assert.equal(h.browser.context.pages().length, tabsAfterFirst, 'no tab opened for the second read');
      // A second click folds it away.
      await card.getByTestId('offer-details-button').click();
      await details.waitFor({ state: 'detached' });
    });
  });

  test('offer pages: only a page that builds its data by script is shown in the helper tab (measured over the mock pages)', async () => {
    await withScreenshots(h.browser, 'sources-details-fallback', async () => {
      const ids = [
        ...Array.from({ length: 10 }, (_, i) => `70000000000${i}`),
        FIXTURE_CONTEXT_ID,
        FIXTURE_INIT_DATA_ID,
        SCRIPTED_PAGE_ID,
      ];
      const reads: Record<string, string> = {};
      for (const offerId of ids) {
        const reply = (await box.page.evaluate(
          (id) => chrome.runtime.sendMessage({ sourcelens: 1, type: 'readOffer', data: { offerId: id } }),
          offerId,
        )) as { ok: boolean; data: { state: string; read?: string } };
        assert.equal(reply.data.state, 'ok', `${offerId}: ${JSON.stringify(reply).slice(0, 200)}`);
        reads[offerId] = reply.data.read ?? '?';
      }
      const rendered = Object.keys(reads).filter((id) => reads[id] === 'rendered');
      console.log(`offer pages read: ${ids.length}, shown in the helper tab (fallback): ${rendered.length}`);
      assert.deepEqual(rendered, [SCRIPTED_PAGE_ID]);
    });
  });

  test('a delisted offer says so instead of showing stale facts', async () => {
    await withScreenshots(h.browser, 'sources-delisted', async () => {
      const reply = (await box.page.evaluate(() =>
        chrome.runtime.sendMessage({ sourcelens: 1, type: 'readOffer', data: { offerId: '100000000001' } }),
      )) as { ok: boolean; data: { state: string } };
      assert.deepEqual(reply, { ok: true, data: { state: 'delisted' } });
    });
  });

  test('offers met in an earlier search are marked as seen before', async () => {
    await withScreenshots(h.browser, 'sources-seen', async () => {
      await box.search('见过测试 晾衣架');
      assert.equal(await box.page.getByTestId('offer-seen').count(), 0);
      await box.page.getByTestId('search-meta').getByRole('button').click();
      await box.page.getByTestId('offer-seen').first().waitFor({ timeout: 60_000 });
      assert.equal(await box.page.getByTestId('offer-seen').count(), await box.offers.count());
    });
  });

  test('filters: MOQ and province reach 1688, dropshipping is applied here (no public name for it), and the panel says so', async () => {
    await withScreenshots(h.browser, 'sources-filters', async () => {
      const page = box.page;
      await page.getByTestId('search-source').selectOption('1688');
      await box.setMode('keywords');
      await page.getByTestId('filter-dropship').check();
      await page.getByTestId('filter-max-moq').fill('1');
      await page.getByTestId('filter-max-moq').press('Tab');
      await page.getByTestId('filter-province').selectOption('浙江');
      try {
        const before = searches().length;
        await box.search('筛选测试 收纳盒');
        const sent = searches().slice(before);
        assert.ok(sent.length >= 1, 'searched');
        for (const request of sent) {
          const params = JSON.parse(JSON.parse(request.query.data ?? '{}').params ?? '{}') as Record<
            string,
            unknown
          >;
          assert.deepEqual(
            {
              province: params.province,
              quantityBegin: params.quantityBegin,
              dropShipping: params.dropShipping,
            },
            { province: '浙江', quantityBegin: 1, dropShipping: undefined },
          );
        }
        // Filtering here may read the next pages of the same list to show enough offers (same paging id).
        assert.equal(
          new Set(sent.map((r) => JSON.parse(JSON.parse(r.query.data ?? '{}').params ?? '{}').pageId)).size,
          1,
        );
        await box.offers.first().waitFor();
        for (const card of await box.offers.all()) {
          assert.match((await card.getByTestId('offer-supplier').textContent()) ?? '', /浙江/);
          assert.match((await card.getByTestId('offer-moq').textContent()) ?? '', /^MOQ 1\b/);
          assert.match((await card.textContent()) ?? '', /dropshipping/);
        }
        assert.match(
          (await page.getByTestId('refined-here').textContent()) ?? '',
          /filtered by SourceLens: Dropshipping only/,
        );
      } finally {
        await page.getByTestId('filter-dropship').uncheck();
        await page.getByTestId('filter-max-moq').fill('');
        await page.getByTestId('filter-max-moq').press('Tab');
        await page.getByTestId('filter-province').selectOption('');
      }
    });
  });

  test('more offers: the next page of the same result list (same paging id) is added below', async () => {
    await withScreenshots(h.browser, 'sources-more', async () => {
      await box.search('翻页测试 帆布包');
      await box.offers.first().waitFor();
      // The list is virtualised (only the cards in view are in the page): offers are counted in the list.
      const results = new ResultsPanel(box.page);
      const first = await results.count();
      const page1 = searches().at(-1);
      await box.page.getByTestId('search-more').click();
      await poll(
        () => results.count(),
        (n) => n > first,
        { what: 'the next page added', timeoutMs: 60_000 },
      );
      const page2 = searches().at(-1);
      const params = (r: typeof page1) =>
        JSON.parse(JSON.parse(r?.query.data ?? '{}').params ?? '{}') as Record<string, unknown>;
      assert.equal(params(page2).beginPage, 2);
      assert.equal(params(page2).pageId, params(page1).pageId);
      const ids = await results.allIds();
      assert.equal(ids.length, await results.count(), 'each offer once');
      assert.ok(ids.length > first);
    });
  });

  test('every source limit is a setting: the options page writes what the background then keeps to', async () => {
    await withScreenshots(h.browser, 'sources-limits', async () => {
      const options = await h.browser.openExtensionPage('options.html');
      for (const [id, value] of [
        ['setting-backoff-min', '120'],
        ['setting-backoff-max', '150'],
        ['setting-wall-pause', '30'],
        ['setting-jitter', '2'],
      ] as const) {
        await options.getByTestId(id).fill(value);
        await options.getByTestId(id).press('Tab');
      }
      const saved = (await h.browser.worker.evaluate(() => chrome.storage.sync.get('sourceSettings'))) as {
        sourceSettings: { throttleBackoffMs: number[]; wallPauseMs: number; jitterMs: number };
      };
      assert.deepEqual(saved.sourceSettings.throttleBackoffMs, [120_000, 150_000]);
      assert.equal(saved.sourceSettings.wallPauseMs, 30 * 60_000);
      assert.equal(saved.sourceSettings.jitterMs, 2000);
      // A rate limit now keeps the host alone for 120-150 s (the panel says until when).
      mock.setWall('throttled');
      await box.page.getByTestId('search-source').selectOption('1688');
      await box.setMode('keywords');
      const before = Date.now();
      await box.search('限速设置测试');
      await box.state('throttled').waitFor();
      mock.setWall(null);
      const retryAt = await box.page.evaluate(async () => {
        const r = (await chrome.runtime.sendMessage({
          sourcelens: 1,
          type: 'searchOffers',
          data: {
            mode: 'keywords',
            query: '限速设置测试 2',
            sort: 'relevance',
            filters: {},
            page: 1,
            pageId: null,
            refresh: true,
          },
        })) as { data: { retryAt?: number } };
        return r.data.retryAt ?? 0;
      });
      assert.ok(
        retryAt - before >= 119_000 && retryAt - before <= 152_000,
        `retry in ${retryAt - before} ms`,
      );
      // Back to the test run's settings, and the back-off lifted.
      await h.browser.worker.evaluate(
        (ms) =>
          chrome.storage.sync.set({ sourceSettings: { minIntervalMs: ms, jitterMs: 0, cacheHours: 24 } }),
        MIN_INTERVAL_MS,
      );
      await box.page.evaluate(() =>
        chrome.runtime.sendMessage({ sourcelens: 1, type: 'sourceVerified', data: {} }),
      );
      await options.close();
    });
  });

  test('direct requests (an option): asked for with the cookies permission, sent from the extension, off again', async () => {
    await withScreenshots(h.browser, 'sources-direct', async () => {
      const options = await h.browser.openExtensionPage('options.html');
      const toggle = options.getByTestId('setting-direct');
      assert.equal(await toggle.isChecked(), false);
      await toggle.click();
      await options.waitForFunction(
        () => (document.querySelector('[data-testid="setting-direct"]') as HTMLInputElement | null)?.checked,
      );
      assert.equal(
        await h.browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['cookies'] })),
        true,
      );
      await box.setMode('keywords');
      // The token in the jar is no longer valid: the handshake must run from the extension too (1688 sets a new
      // cookie on the answer; the retry reads it through the cookies API).
      mock.sources['1688'].expireTokens();
      const before = mock.requests.length;
      await box.search('直连测试 玻璃水杯');
      assert.equal(await box.via(), 'direct');
      await box.offers.first().waitFor();
      const sent = searches().filter((r) => mock.requests.indexOf(r) >= before);
      // Not from a page: no page address as Referer, and not a same-origin request of the gateway tab.
      assert.ok(
        sent.length > 0 && sent.every((r) => r.referer === null && r.fetchSite !== 'same-origin'),
        JSON.stringify(sent.map((r) => [r.method, r.referer, r.fetchSite, r.ret])),
      );
      assert.ok(
        sent.some((r) => r.ret?.startsWith('SUCCESS')),
        'signed with the token from the cookie jar',
      );
      // The gateway tab's own requests, for contrast, are same-origin with the page as Referer.
      const viaTab = searches().find(
        (r) => mock.requests.indexOf(r) < before && r.ret?.startsWith('SUCCESS'),
      );
      assert.equal(viaTab?.fetchSite, 'same-origin');
      // Off again: the permission is given back and searches go through the gateway tab.
      await toggle.click();
      await options.waitForFunction(
        () => !(document.querySelector('[data-testid="setting-direct"]') as HTMLInputElement | null)?.checked,
      );
      await poll(
        () => h.browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['cookies'] })),
        (has) => !has,
        { what: 'the cookies permission given back', timeoutMs: 6000 },
      ).catch(() => undefined);
      assert.equal(
        await h.browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['cookies'] })),
        false,
      );
      await options.close();
      await box.search('直连测试 关闭后');
      assert.equal(await box.via(), 'gateway-tab');
    });
  });

  test('Alibaba.com: a keyword search from the product returns offers with MOQ, supplier and country', async () => {
    await withScreenshots(h.browser, 'sources-alibaba-keywords', async () => {
      const pageSearches = () =>
        mock.requests.filter((r) => r.host === 'www.alibaba.com' && r.path === '/trade/search').length;
      const before = pageSearches();
      await box.setMode('keywords');
      await box.page.getByTestId('search-source').selectOption('alibaba');
      await box.search('insulated water bottle');
      assert.equal(await box.via(), 'alibaba-tab');
      assert.equal(pageSearches(), before + 1);
      await box.offers.first().waitFor();
      assert.ok((await new ResultsPanel(box.page).count()) >= 10);
      const first = box.offers.first();
      // Prices in the currency the page shows; one the page gives no currency for shows "¤" (and no margin).
      assert.match((await first.getByTestId('price').textContent()) ?? '', /\$|US|¤/);
      assert.match((await first.getByTestId('offer-moq').textContent()) ?? '', /\d/);
      assert.ok(((await first.getByTestId('offer-supplier').textContent()) ?? '').length > 2);
      const href = await first.getByTestId('offer-title').locator('xpath=..').getAttribute('href');
      assert.match(href ?? '', /^https:\/\/www\.alibaba\.com\/product-detail\//);
      // Ads are marked, and never silently ranked first.
      assert.equal(await first.getByTestId('offer-ad').count(), 0);
      assert.ok(await new ResultsPanel(box.page).anyCardHas('offer-ad'));
    });
  });

  test('Alibaba.com: an offer page is read on request (tiers, MOQ, variants, supplier) from the search tab, no tab per page', async () => {
    await withScreenshots(h.browser, 'sources-alibaba-details', async () => {
      await box.setMode('keywords');
      await box.page.getByTestId('search-source').selectOption('alibaba');
      await box.search('insulated water bottle details');
      await box.offers.first().waitFor();
      // An offer whose page has a price ladder and variants (the mock chooses by the id's last digit).
      const ids = await box.offers.evaluateAll((cards) =>
        cards.map((c) => c.getAttribute('data-offer-id') ?? ''),
      );
      const offerId = ids.find((id) => /[0-6]$/.test(id)) ?? '';
      const card = box.offer(offerId);
      const tabsBefore = h.browser.context.pages().length;
      await card.getByTestId('offer-details-button').click();
      const details = card.getByTestId('offer-details');
      await details.waitFor({ timeout: 60_000 });
      assert.equal(await details.getAttribute('data-read'), 'fetched');
      assert.ok(
        (await details.getByTestId('offer-details-tiers').locator('tr').count()) >= 2,
        'price ladder',
      );
      assert.ok((await details.getByTestId('offer-details-sku').count()) >= 1, 'variants');
      assert.match((await details.getByTestId('offer-details-facts').textContent()) ?? '', /MOQ \d/);
      const page = mock.requests.filter(
        (r) => r.host === 'www.alibaba.com' && r.path.includes(`_${offerId}.html`),
      );
      assert.deepEqual(
        page.map((r) => r.fetchSite),
        ['same-origin'],
        'fetched from the www.alibaba.com tab the searches use',
      );
      assert.equal(h.browser.context.pages().length, tabsBefore, 'no tab opened');
    });
  });

  test('Alibaba.com: image search uploads a JPEG as a multipart field, then searches by its path', async () => {
    await withScreenshots(h.browser, 'sources-alibaba-image', async () => {
      const uploads = () =>
        mock.requests.filter((r) => r.path === '/search/api/imageTextSearchRegions' && r.status === 200);
      const before = uploads().length;
      await box.page.getByTestId('search-source').selectOption('alibaba');
      await rightClickImageSearch('https://www.example-shop.test/img/babylonian.png');
      const shown = (await box.page.getByTestId('search-panel').textContent()) ?? '';
      assert.equal(await box.via(), 'alibaba-tab', shown.slice(0, 300));
      assert.equal(uploads().length, before + 1);
      assert.ok(mock.sources.alibaba.imagePaths.size > 0, 'the mock accepted the JPEG');
      assert.ok(mock.requests.some((r) => r.path === '/search/api/imageTextSearch'));
      await box.offers.first().waitFor();
    });
  });

  test('Alibaba.com: a punish answer is its own needs-verification state, with the button to Alibaba.com', async () => {
    await withScreenshots(h.browser, 'sources-alibaba-wall', async () => {
      await box.setMode('keywords');
      await box.page.getByTestId('search-source').selectOption('alibaba');
      mock.setWall('punish');
      await box.search('wall test alibaba');
      await box.state('needs-verification').waitFor();
      const button = box.page.getByTestId('verify-button');
      assert.match((await button.textContent()) ?? '', /Alibaba\.com/);
      assert.match(
        (await button.locator('xpath=..').getAttribute('href')) ?? '',
        /^https:\/\/[^/]*alibaba\.com\//,
      );
      // 1688 is not held back by Alibaba.com's wall.
      mock.setWall(null);
      await box.page.getByTestId('search-source').selectOption('1688');
      await box.search('墙无关 1688');
      await box.offers.first().waitFor();
      await box.page.evaluate(() =>
        chrome.runtime.sendMessage({ sourcelens: 1, type: 'sourceVerified', data: { source: 'alibaba' } }),
      );
    });
  });

  test('resellers sharing one photo are grouped and the probable source is named, with chips and margins', async () => {
    await withScreenshots(h.browser, 'sources-clusters', async () => {
      const img = (name: string) => `//www.example-shop.test/img/${name}`;
      const offer = (
        id: string,
        picture: string,
        factory: boolean,
        years: number,
        price: string,
        sold: number,
      ) => ({
        offerId: id,
        title: `同图测试 纯棉短袖T恤 ${id}`,
        priceInfo: { price },
        offerPicUrl: img(picture),
        province: '浙江',
        city: '义乌',
        bookedCount: sold,
        bizType: factory ? '生产加工' : '经销批发',
        factoryInspection: factory,
        loginId: `seller${id}`,
        shop: { text: `${factory ? '义乌示例工厂' : '示例商行'}${id}`, tpYear: years },
        shopAddition: { quantityPrices: [{ quantity: '≥2件', value: price }] },
      });
      mock.sources['1688'].setOffers([
        offer('800000000001', 'ukbench00120_resize.jpg', false, 2, '15.00', 40),
        offer('800000000002', 'ukbench00120.jpg', true, 8, '11.00', 300),
        offer('800000000003', 'ukbench00120_gray.jpg', false, 3, '14.50', 20),
        offer('800000000004', 'ukbench01380.jpg', true, 5, '9.00', 100),
      ]);
      try {
        await box.search('同图测试 纯棉短袖T恤');
        const cluster = box.page.getByTestId('photo-cluster');
        await cluster.first().waitFor();
        assert.equal(await cluster.count(), 1);
        assert.equal(await cluster.getAttribute('data-size'), '3');
        assert.equal(await cluster.getAttribute('data-source'), '1688:800000000002');
        assert.match((await cluster.textContent()) ?? '', /factory/);
        const source = box.page.locator('[data-offer-id="800000000002"]');
        await source.getByTestId('probable-source').waitFor();
        assert.match((await source.getByTestId('offer-chips').textContent()) ?? '', /factory/);
        // The Taobao retail price is ¥39.90: a positive margin is shown at the buyer's quantity.
        assert.match((await source.getByTestId('offer-margin').textContent()) ?? '', /\d+(\.\d+)?%/);
        // Keep it: the popup's shortlist shows it, and its fuzzy search finds it by a word of its title.
        await source.getByTestId('offer-keep').click();
        await box.page.getByTestId('keep-save').click();
        const popup = await h.browser.openExtensionPage('popup.html');
        const kept = popup.getByTestId('shortlist').getByTestId('shortlist-row');
        await kept.first().waitFor();
        assert.equal(await kept.count(), 1);
        await popup.getByTestId('shortlist-search').fill('短袖');
        await kept.first().waitFor();
        assert.equal(await kept.count(), 1);
        await popup.getByTestId('shortlist-search').fill('zzzz-nothing');
        await kept.first().waitFor({ state: 'detached' });
        await popup.close();
        // A corrupt picture gives a clean "unreadable" answer, not a crash.
        const corrupt = (await box.page.evaluate(() =>
          chrome.runtime.sendMessage({
            sourcelens: 1,
            type: 'hashImages',
            data: { urls: ['https://www.example-shop.test/img/ukbench09268_corrupt.jpg'] },
          }),
        )) as { ok: boolean; data: { hashes: { hash: string | null; error: string | null }[] } };
        assert.equal(corrupt.ok, true);
        assert.equal(corrupt.data.hashes[0]?.hash, null);
        assert.ok(corrupt.data.hashes[0]?.error);
      } finally {
        mock.sources['1688'].setOffers(null);
      }
    });
  });
});
