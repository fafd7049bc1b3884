// The side panel's first render, measured in Debian's Chromium with the built extension against the mock
// sources: a product page is open, one search for it has been answered (so the background's cache holds it and
// the panel remembers it), then the panel is opened again and again as a fresh page on that tab. Each run times
// from the page's navigation start to the first frame after both the product header and the cached offers are in
// the DOM ("painted": the frame in which they are first drawn). The median of the runs is reported.
import { tsImport } from 'tsx/esm/api';
import { loadAverage, median } from './lib.mjs';

// The browser tests' launcher and the mock sources (TypeScript), loaded through tsx from this plain-Node script.
const { startHarness } = await tsImport('../../tests/e2e/support/harness.ts', import.meta.url);
const { createMockSources } = await tsImport('../../tests/mock-sources/server.ts', import.meta.url);
const { ShopTab } = await tsImport('../../tests/e2e/pages/ShopTab.ts', import.meta.url);

/**
 * Installed in the panel page before any of its scripts: notes the first frame in which the product title and an
 * offer card are both in the document (milliseconds since the navigation started).
 */
const OBSERVER = `(() => {
  const has = (id) => document.querySelector('[data-testid="' + id + '"]');
  let shell = null;
  const observer = new MutationObserver(() => {
    // The shell's part: the header and the answer handed to the results area.
    if (shell === null && has('product-title') && has('search-results')) shell = performance.now();
    if (!has('product-title') || !has('offer-card')) return;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => {
      window.__firstRender = { shell: shell ?? inDom, inDom, painted: performance.now() };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The floor: the first frame with the panel's "nothing spotted" state (same page, same code, no data to show). */
const EMPTY_OBSERVER = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="no-product"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__firstRender = { painted: performance.now() };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * `sidepanel_first_render_ms` (median), its DOM-only time, the shell's part and the slowest run; beside it, in the
 * same run, its floor `sidepanel_empty_render_ms` — the same panel opened on a tab where nothing was spotted, so
 * no product, no search, no offers: what starting an extension page and drawing the panel's shell costs on this
 * machine right now — and the ratio of the two. The runs alternate, so a load spike touches both alike.
 */
export async function sidepanelFigures({ runs = 9, log = console.error } = {}) {
  const mock = createMockSources();
  const h = await startHarness(mock.hostHandlers());
  try {
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
    const tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    // One search for the product, answered by the mock source: cached by the background, remembered by the panel.
    const first = await h.browser.openExtensionPage(`sidepanel.html?tabId=${tab.tabId}`);
    await first.getByTestId('product-title').waitFor();
    await first.getByTestId('search-button').click();
    await first.getByTestId('offer-card').first().waitFor({ timeout: 60_000 });
    await first.close();

    const news = await ShopTab.open(h.browser, 'https://www.example-news.test/2026/11/markets.html');
    await news.spotterPassDone();

    const painted = [];
    const inDom = [];
    const shell = [];
    const empty = [];
    for (let i = 0; i < runs; i++) {
      const blank = await h.browser.context.newPage();
      await blank.addInitScript(EMPTY_OBSERVER);
      await blank.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${news.tabId}`, {
        waitUntil: 'commit',
      });
      const e = await blank
        .waitForFunction(() => window.__firstRender, undefined, { timeout: 15_000 })
        .then((handle) => handle.jsonValue());
      empty.push(e.painted);
      await blank.close();

      const page = await h.browser.context.newPage();
      await page.addInitScript(OBSERVER);
      await page.goto(`chrome-extension://${h.browser.extensionId}/sidepanel.html?tabId=${tab.tabId}`, {
        waitUntil: 'commit',
      });
      const t = await page
        .waitForFunction(() => window.__firstRender, undefined, { timeout: 15_000 })
        .then((handle) => handle.jsonValue());
      const via = await page.getByTestId('search-meta').getAttribute('data-via');
      if (via !== 'cache') throw new Error(`the reopened panel's offers came ${via}, not from the cache`);
      painted.push(t.painted);
      inDom.push(t.inDom);
      shell.push(t.shell);
      await page.close();
    }
    const round = (x) => Math.round(x * 10) / 10;
    // The machine's load beside the figures: on a shared 2-core box they move with it.
    const load = loadAverage();
    log(`side panel first render, ms: ${painted.map(round).join(' ')} (load average ${load})`);
    log(`side panel with nothing spotted, ms: ${empty.map(round).join(' ')}`);
    return {
      sidepanel_first_render_ms: round(median(painted)),
      sidepanel_first_render_dom_ms: round(median(inDom)),
      // Of which the shell's part: header shown and the cached answer handed to the results area.
      sidepanel_shell_ready_ms: round(median(shell)),
      sidepanel_first_render_max_ms: round(Math.max(...painted)),
      sidepanel_empty_render_ms: round(median(empty)),
      sidepanel_render_ratio: Math.round((median(painted) / median(empty)) * 100) / 100,
    };
  } finally {
    await h.close();
  }
}
