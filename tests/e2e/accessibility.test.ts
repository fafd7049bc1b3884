/// <reference types="chrome" />
import { after, before, describe, test } from 'node:test';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ResultsPanel } from './pages/ResultsPanel';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { assertAccessible } from './support/axe';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';

/**
 * axe-core over the side panel (with results, and in a wall state), its sheets (keep, ask, compare) and the compare
 * tray, an offer's Details, the popup and the options page (with its in-page button and inquiry-template sections
 * showing their lists and warnings), in light and dark: no serious or critical violation (contrast, names of
 * controls, ARIA use, landmarks' structure…).
 */
describe('accessibility (axe-core)', { timeout: 240_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let tab: ShopTab;

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
    tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
  });
  after(async () => {
    await h?.close();
  });

  test('the side panel with results, and with a wall to act on', async () => {
    await withScreenshots(h.browser, 'a11y-panel', async () => {
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      const box = new SearchBox(panel.page);
      await panel.title.waitFor();
      await box.search();
      await box.offers.first().waitFor();
      await assertAccessible(panel.page, 'side panel with results');
      mock.setWall('punish');
      try {
        await box.search('无障碍 测试');
        await box.state('needs-verification').waitFor();
        await assertAccessible(panel.page, 'side panel, needs verification');
      } finally {
        mock.setWall(null);
        await panel.page.evaluate(() =>
          chrome.runtime.sendMessage({ sourcelens: 1, type: 'sourceVerified', data: {} }),
        );
      }
      await panel.page.close();
    });
  });

  test("the keep and ask sheets, the compare tray and view, and an offer's Details", async () => {
    await withScreenshots(h.browser, 'a11y-sheets', async () => {
      const panel = await SidePanelPage.open(h.browser, tab.tabId);
      const box = new SearchBox(panel.page);
      const results = new ResultsPanel(panel.page);
      await panel.title.waitFor();
      await box.search('无障碍 弹窗 测试');
      await box.offers.first().waitFor();
      const first = box.offers.nth(0);
      const second = box.offers.nth(1);

      await first.getByTestId('offer-details-button').click();
      await first.getByTestId('offer-details').waitFor({ timeout: 60_000 });
      await assertAccessible(panel.page, 'an offer with its Details read');

      await first.getByTestId('offer-compare').check();
      await second.getByTestId('offer-compare').check();
      await results.compareTray.getByTestId('compare-open').waitFor();
      await assertAccessible(panel.page, 'the compare tray');
      await results.compareTray.getByTestId('compare-open').click();
      await results.compareView.getByTestId('compare-table').waitFor();
      await assertAccessible(panel.page, 'the compare view');
      await panel.page.keyboard.press('Escape');
      await results.compareView.waitFor({ state: 'detached' });

      await first.getByTestId('offer-keep').click();
      await results.keepDialog.waitFor();
      await assertAccessible(panel.page, 'the keep sheet');
      await panel.page.keyboard.press('Escape');
      await results.keepDialog.waitFor({ state: 'detached' });

      await first.getByTestId('offer-ask').click();
      await results.askDialog.getByTestId('ask-message').waitFor();
      await assertAccessible(panel.page, 'the ask sheet');
      await panel.page.keyboard.press('Escape');
      await results.askDialog.waitFor({ state: 'detached' });
      await panel.page.close();
    });
  });

  test('the side panel with nothing spotted', async () => {
    await withScreenshots(h.browser, 'a11y-panel-empty', async () => {
      const news = await ShopTab.open(h.browser, 'https://www.example-news.test/2026/11/markets');
      await news.spotterPassDone();
      const panel = await SidePanelPage.open(h.browser, news.tabId);
      await panel.noProduct.waitFor();
      await assertAccessible(panel.page, 'side panel, nothing spotted');
      await panel.page.close();
      await news.page.close();
    });
  });

  test('the popup', async () => {
    await withScreenshots(h.browser, 'a11y-popup', async () => {
      const popup = await h.browser.openExtensionPage('popup.html');
      await popup.getByTestId('recent-products').getByTestId('product-card').first().waitFor();
      await assertAccessible(popup, 'popup');
      await popup.close();
    });
  });

  test('the options page', async () => {
    await withScreenshots(h.browser, 'a11y-options', async () => {
      const options = await h.browser.openExtensionPage('options.html');
      await options.getByTestId('data-counts').waitFor();
      await options.getByTestId('setting-interval').waitFor();
      await assertAccessible(options, 'options');
      // The in-page button's section with a site turned off and a refused address, the templates' section with a
      // template edited and an unknown placeholder warned about.
      await options.getByTestId('in-page-button-add-site').fill('shop.example.com');
      await options.getByTestId('in-page-button-add').click();
      await options.locator('[data-site="shop.example.com"]').waitFor();
      await options.getByTestId('in-page-button-add-site').fill('not a site');
      await options.getByTestId('in-page-button-add').click();
      await options.getByTestId('in-page-button-bad-site').waitFor();
      const closing = options.getByTestId('template-zh-closing');
      await closing.fill('请尽快回复 {fooBar}');
      await closing.press('Tab');
      await options.getByTestId('template-zh-closing-unknown').waitFor();
      await assertAccessible(options, 'options: in-page button and inquiry templates', [
        '[data-testid="in-page-button-settings"]',
        '[data-testid="inquiry-templates"]',
      ]);
      await options.getByTestId('template-zh-closing-reset').click();
      await options.locator('[data-site="shop.example.com"]').getByRole('button').click();
      await options.close();
    });
  });
});
