/// <reference types="chrome" />
/**
 * The inactive tab a source's requests run in is closed when idle by an alarm, not a timer: a timer dies with the
 * service worker, which the browser stops after 30 s without events, and the tab would stay open for good. Here the
 * worker is stopped for real (DevTools closes its target) after a search opened the helper tab; the idle alarm
 * is then brought forward to now (the same alarm, so the test needn't wait the two idle minutes), and the worker
 * the browser starts for it — which never saw the tab opened — closes the tab.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { SearchBox, SidePanelPage } from './pages/SidePanelPage';
import { type Harness, startHarness } from './support/harness';
import { poll } from './support/wait';

const GATEWAY = 'https://h5api.m.1688.com';
const ALARM = `originTabIdle:${GATEWAY}/`;

describe('helper tabs outlive the service worker', { timeout: 180_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness(createMockSources().hostHandlers());
    await h.browser.worker.evaluate(() =>
      chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
    );
  });
  after(async () => h?.close());

  test('a stopped worker’s helper tab is still closed by its idle alarm', async () => {
    const tab = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
    await tab.waitForReport((r) => r !== null);
    const panel = await SidePanelPage.open(h.browser, tab.tabId);
    await new SearchBox(panel.page).search();
    await panel.page.getByTestId('offer-card').first().waitFor();

    // Asked from the panel's page, which lives on while the worker is stopped and started again.
    const helperTabs = () =>
      panel.page.evaluate(
        (origin) => chrome.tabs.query({ url: `${origin}/*` }).then((t) => t.length),
        GATEWAY,
      );
    assert.equal(await helperTabs(), 1, 'the search ran from one helper tab');
    assert.ok(
      await h.browser.worker.evaluate((name) => chrome.alarms.get(name), ALARM),
      'its idle alarm is set',
    );

    // Stop the service worker: close its DevTools target, as the browser does to an idle worker, and wait for the
    // target to be gone. Not by asking the worker to evaluate something: on a loaded machine such a call to a worker
    // being stopped never settled (one run in three, with the code before this test too).
    const cdp = await h.browser.context.newCDPSession(panel.page);
    const workerTargets = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter(
        (t) =>
          t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.browser.extensionId}/`),
      );
    const [target] = await workerTargets();
    assert.ok(target, 'the extension’s worker target');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
    await poll(
      async () => (await workerTargets()).some((t) => t.targetId === target.targetId),
      (running) => !running,
      { what: 'the worker stopped' },
    );

    // The same alarm, due now: only the browser's alarm can wake a worker that closes the tab.
    await panel.page.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 500 }), ALARM);
    await poll(
      () => helperTabs(),
      (n) => n === 0,
      { what: 'the helper tab closed by the alarm' },
    );
  });
});
