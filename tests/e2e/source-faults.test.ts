/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { poll } from './support/wait';

/** Short enough for a test, long enough for a loaded 2-core machine to answer a normal request. */
const DEADLINE_MS = 6000;

/**
 * Faults of a source that are not walls: no answer at all (the request's deadline ends it and the source is free
 * for the next search), and an answer in a shape SourceLens does not know (the site changed: say so, offer the
 * diagnostics and the way forward, log it).
 */
describe('a source that stalls or changes its answers', { timeout: 240_000 }, () => {
  let h: Harness;
  let mock: MockSources;
  let tab: ShopTab;
  let box: SearchBox;

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 500, jitterMs: 0, cacheHours: 24 } }),
    );
    tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    box = new SearchBox((await SidePanelPage.open(h.browser, tab.tabId)).page);
  });
  after(async () => {
    await h?.close();
  });
  beforeEach(() => mock.setWall(null));

  test('a search that gets no answer ends as "timed out" by its deadline, and the next search runs', async () => {
    await withScreenshots(h.browser, 'faults-timeout', async () => {
      // Warm the helper tab (at the default deadline) so the stalled request is the search itself, not the tab's
      // first page load; then the short deadline, through the real setting.
      await box.search('保温杯 预热');
      await box.offers.first().waitFor();
      await h.browser.worker.evaluate(
        (deadlineMs) =>
          chrome.storage.sync.set({
            sourceSettings: { minIntervalMs: 500, jitterMs: 0, cacheHours: 24, deadlineMs },
          }),
        DEADLINE_MS,
      );
      mock.setWall('stall');
      const started = Date.now();
      await box.search('保温杯 不锈钢 停顿');
      const elapsed = Date.now() - started;
      assert.ok(await box.state('timed-out').isVisible(), 'the timed-out state is shown');
      assert.match((await box.state('timed-out').textContent()) ?? '', /6/);
      assert.ok(elapsed >= DEADLINE_MS - 500, `it waited for the deadline (${elapsed} ms)`);
      assert.ok(
        mock.requests.some((r) => r.wall === 'stall'),
        'the stalled request reached the source',
      );
      // The source is free again: the retry button runs the search, which now answers.
      mock.setWall(null);
      await box.page.getByTestId('timed-out-retry').click();
      await poll(
        () => box.offers.count(),
        (n) => n > 0,
        { what: 'offers after the retry', timeoutMs: 30_000 },
      );
    });
  });

  test('an answer in a shape SourceLens does not know is said plainly, with diagnostics to copy and a log entry', async () => {
    await withScreenshots(h.browser, 'faults-changed', async () => {
      mock.setWall('changed');
      const query = '变更测试 收纳盒';
      await box.search(query);
      const state = box.state('unrecognised');
      assert.ok(await state.isVisible(), 'the unrecognised state is shown');
      assert.equal(await state.getAttribute('data-call'), 'search');
      // The way forward: the same search on the source's own results page.
      const open = box.page.getByTestId('state-unrecognised').locator('a');
      assert.match(
        (await open.getAttribute('href')) ?? '',
        /^https:\/\/s\.1688\.com\/selloffer\/offer_search\.htm\?keywords=/,
      );
      // Headless Chromium cannot grant an extension page the clipboard: what the button writes is caught instead.
      await box.page.evaluate(() => {
        const w = window as unknown as { copied: string | null };
        w.copied = null;
        navigator.clipboard.writeText = async (text: string) => {
          w.copied = text;
        };
      });
      await box.page.getByTestId('copy-diagnostics').click();
      await box.page.getByTestId('diagnostics-copied').waitFor();
      const copied =
        (await box.page.evaluate(() => (window as unknown as { copied: string | null }).copied)) ?? '';
      assert.match(copied, /source: 1688/);
      assert.match(copied, /call: search/);
      assert.match(copied, /shape: \{/);
      // The answer's shape: its keys (the renamed one among them) and types, never a value or the query.
      assert.match(copied, /OFFERS2/);
      assert.doesNotMatch(copied, /收纳盒|变更测试|_m_h5_tk|SUCCESS::/);
      // The options page lists it in the local log.
      const options = await h.browser.openExtensionPage('options.html');
      try {
        const entry = options.getByTestId('drift-entry').first();
        await entry.waitFor();
        assert.equal(await entry.getAttribute('data-source'), '1688');
        assert.equal(await entry.getAttribute('data-call'), 'search');
        assert.match((await entry.textContent()) ?? '', /seen 1×/);
        assert.match((await entry.textContent()) ?? '', /OFFERS2/);
      } finally {
        await options.close();
      }
    });
  });
});
