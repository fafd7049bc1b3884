/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { FindButton } from './pages/FindButton';
import { PopupPage } from './pages/PopupPage';
import { ShopTab } from './pages/ShopTab';
import { SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { poll } from './support/wait';

const TAOBAO = 'https://item.taobao.com/item.htm?id=712345678901';

/** The options page's language picker, chosen as a person does; the page reloads in the new language. */
async function choose(options: Page, value: 'browser' | 'en' | 'zh_CN'): Promise<void> {
  await options.getByTestId('language').selectOption(value);
  await options.waitForFunction(
    (v) => (document.querySelector('[data-testid="language"]') as HTMLSelectElement | null)?.value === v,
    value,
  );
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

describe('the language chosen in the options, on an English browser', { timeout: 180_000 }, () => {
  let h: Harness;
  let shop: ShopTab;

  before(async () => {
    h = await startHarness();
    shop = await ShopTab.open(h.browser, TAOBAO);
    await shop.waitForReport((r) => r !== null);
  });
  after(async () => {
    await h?.close();
  });

  test('简体中文: the options, popup, side panel, prices and the in-page button switch; open pages follow at once', async () => {
    await withScreenshots(h.browser, 'language-switch', async () => {
      const options = await h.browser.openExtensionPage('options.html');
      await options.getByRole('heading', { level: 1 }).waitFor();
      assert.equal(await options.getByTestId('language').inputValue(), 'browser');
      assert.match(
        (await options.getByRole('heading', { level: 1 }).textContent()) ?? '',
        /SourceLens settings/,
      );
      // The browser's choice names the browser's language; the others are named in themselves.
      const labels = await options.getByTestId('language').locator('option').allInnerTexts();
      assert.match(labels[0] ?? '', /^The browser’s language \(.*English.*\)$/);
      assert.deepEqual(labels.slice(1), ['English', '简体中文']);

      // A popup left open while the language changes.
      const openPopup = await PopupPage.open(h.browser);
      assert.match(await text(openPopup.page, 'shortlist-empty'), /^No offers kept yet\./);

      await choose(options, 'zh_CN');
      await options.getByRole('heading', { name: '源镜设置' }).waitFor();
      assert.equal(await options.evaluate(() => document.documentElement.lang), 'zh-CN');

      // The open popup redrew itself in Chinese; a new one opens in it.
      await poll(
        () => text(openPopup.page, 'shortlist-empty'),
        (s) => s.startsWith('还没有收藏货源。'),
        { what: 'the open popup in Chinese', timeoutMs: 10_000 },
      );
      const popup = await PopupPage.open(h.browser);
      assert.match(await text(popup.page, 'shortlist-empty'), /^还没有收藏货源。/);
      await popup.page.close();

      // The side panel: its words, and the product's price as Chinese formats it (¥, not CN¥).
      const panel = await SidePanelPage.open(h.browser, shop.tabId);
      await panel.page.getByTestId('product-title').waitFor();
      assert.equal(await text(panel.page, 'search-button'), '搜索 1688');
      const price = ((await panel.product.getByTestId('price').textContent()) ?? '').trim();
      assert.equal(
        price,
        new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(39.9),
      );
      assert.doesNotMatch(price, /CN¥/);

      // The in-page button, on a page loaded after the change.
      await shop.page.reload();
      await shop.waitForReport((r) => r !== null);
      await shop.page.bringToFront();
      const button = await FindButton.on(shop.page);
      try {
        const state = await button.waitShown();
        assert.equal(state?.text, '找同款');
      } finally {
        await button.close();
      }

      // Back to the browser's language: the open side panel follows.
      await choose(options, 'browser');
      await options.getByRole('heading', { name: 'SourceLens settings' }).waitFor();
      await poll(
        () => text(panel.page, 'search-button'),
        (s) => s === 'Search 1688',
        { what: 'the open side panel in English', timeoutMs: 10_000 },
      );
      assert.equal(await panel.page.evaluate(() => document.documentElement.lang), 'en-US');
      await panel.page.close();
      await openPopup.page.close();
      await options.close();
    });
  });
});
