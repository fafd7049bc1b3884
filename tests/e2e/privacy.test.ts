/// <reference types="chrome" />
/**
 * What SourceLens sends, and where (PRIVACY.md): browsing shop pages with the extension makes no request of its
 * own; a search the person starts goes only to the chosen source (its own hosts) and the pictures of what is on
 * screen. Every request of the browser is watched — the service worker's, the extension pages', and each page's
 * frames — so a request to a host no fixture serves is seen too, even though it cannot be answered here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MatchPattern } from '@webext-core/match-patterns';
import type { Request } from 'playwright-core';
import { SOURCES } from '../../core/sources/index';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { type Harness, readRows, startHarness } from './support/harness';

interface Seen {
  url: string;
  host: string;
  /**
   * Who asked: the extension's service worker, one of its pages, a page on a source's own site (where the
   * extension's searches run, in a background tab), or another web page (its URL).
   */
  by: 'worker' | 'extension-page' | 'source-tab' | string;
}

const PAGES = [
  'https://item.taobao.com/item.htm?id=712345678901',
  'https://www.amazon.com/dp/B001FK81PU',
  'https://shop.lumen-candles.test/products/amber-soy-candle',
  'https://www.example-news.test/2026/11/markets.html',
  'https://www.example-shop.test/p/1.html',
  'https://www.example-shop.test/p/hostile.html',
];

const ALL_SOURCES = SOURCES.map((s) => s.id);
const extensions = (s: Seen) => s.by === 'worker' || s.by === 'extension-page' || s.by === 'source-tab';

/** Whether a URL is on one of a source's own sites (its host permissions). */
const onSourceSite = (url: string, sourceIds: readonly string[]) =>
  SOURCES.filter((s) => sourceIds.includes(s.id)).some((s) =>
    s.sites.some((pattern) => new MatchPattern(pattern).includes(url)),
  );

describe('what the extension sends', { timeout: 300_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  const seen: Seen[] = [];

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    const extensionOrigin = `chrome-extension://${h.browser.extensionId}/`;
    h.browser.context.on('request', (request: Request) => {
      const url = request.url();
      if (!/^https?:/i.test(url)) return;
      let by: string;
      if (request.serviceWorker()) by = 'worker';
      else {
        let frameUrl = '';
        try {
          frameUrl = request.frame().url();
        } catch {
          frameUrl = '';
        }
        by = frameUrl.startsWith(extensionOrigin)
          ? 'extension-page'
          : frameUrl && onSourceSite(frameUrl, ALL_SOURCES)
            ? 'source-tab'
            : frameUrl || url;
      }
      seen.push({ url, host: new URL(url).host, by });
    });
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
  });
  after(async () => h?.close());

  test('browsing shop pages: the extension itself sends nothing, and no source hears of it', async () => {
    for (const url of PAGES) {
      const tab = await ShopTab.open(h.browser, url);
      await tab.spotterPassDone();
    }
    const ours = seen.filter(extensions);
    assert.deepEqual(ours, [], 'requests made by the extension while browsing');
    // Nor did any page's frame reach a source (a content script fetching from a page would show as the page's).
    const toSources = seen.filter((s) => onSourceSite(s.url, ALL_SOURCES));
    assert.deepEqual(toSources, [], 'requests to a wholesale source while browsing');
    assert.equal(mock.requests.length, 0);
  });

  test('a search the person starts goes to the chosen source only, and the pictures it shows', async () => {
    const tab = await ShopTab.open(h.browser, PAGES[0] as string);
    await tab.waitForReport((r) => r !== null);
    const from = seen.length;
    const panel = await SidePanelPage.open(h.browser, tab.tabId);
    await new SearchBox(panel.page).search();
    await panel.page.getByTestId('offer-card').first().waitFor();
    // Let the pictures on screen load.
    await panel.page.waitForLoadState('networkidle');
    // The pictures of what the search found (on screen, and hashed to group same-photo offers) and the
    // product's own (hashed to find its photo among them), as the source and the shop gave them.
    const stored = async (table: string) =>
      (await readRows<{ images: string[] }>(h, table)).flatMap((o) => o.images);
    const pictures = new Set([...(await stored('products')), ...(await stored('offers'))]);
    const ours = seen.slice(from).filter(extensions);
    // The search itself was seen as the extension's (else this test could not fail).
    assert.ok(
      ours.some((s) => onSourceSite(s.url, ['1688'])),
      `the search was seen: ${JSON.stringify(ours)}`,
    );
    const elsewhere = ours.filter((s) => !onSourceSite(s.url, ['1688']) && !pictures.has(s.url));
    assert.deepEqual(elsewhere, [], 'requests beyond the chosen source and the pictures shown');
    // The other source was not chosen and heard nothing.
    const others = SOURCES.filter((s) => s.id !== '1688').map((s) => s.id);
    assert.deepEqual(
      seen.filter((s) => onSourceSite(s.url, others)),
      [],
    );
  });
});
