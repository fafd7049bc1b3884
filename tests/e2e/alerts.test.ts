/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { ShopTab } from './pages/ShopTab';
import { EXTENSION_DIR, withScreenshots } from './support/browser';
import { type Harness, pricesSettled, readRow, startHarness } from './support/harness';
import { poll } from './support/wait';

/**
 * The built extension as it runs once the person has allowed notifications. Headless Chromium answers
 * `permissions.request` with a refusal at once (no dialog to accept, and neither CDP's Browser.grantPermissions —
 * "opaque origin" — nor a command-line switch grants an extension's optional permission), so this copy lists
 * `notifications` among the granted permissions; everything else is the build as shipped. The refused case (the
 * count only) runs against the shipped build below.
 */
function buildWithNotificationsAllowed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelens-alerts-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  assert.ok(
    manifest.optional_permissions?.includes('notifications'),
    'notifications is optional in the build',
  );
  manifest.permissions.push('notifications');
  manifest.optional_permissions = manifest.optional_permissions?.filter((p) => p !== 'notifications');
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

/** A message to the background from an extension page, as the typed client sends it. */
async function ask<T>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ sourcelens: 1, type, data }),
    [type, data] as const,
  )) as { ok: boolean; data?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

interface RunState {
  lastRun: { at: number; outcome: string; checked: number; alerts: number } | null;
  paused: unknown;
}

/** Fires the scheduled refresh's own alarm now (an unpacked extension's alarms are not held to 30 s). */
async function fireRefresh(h: Harness): Promise<RunState> {
  const before = await runState(h);
  await h.browser.worker.evaluate(() => chrome.alarms.create('refresh:cycle', { when: Date.now() }));
  return poll(
    () => runState(h),
    (s) => s.lastRun !== null && s.lastRun.at !== before.lastRun?.at,
    { what: 'the refresh run to finish', timeoutMs: 60_000 },
  );
}

const runState = (h: Harness) =>
  h.browser.worker.evaluate(async () => {
    const { refreshState } = await chrome.storage.local.get('refreshState');
    return (refreshState ?? { lastRun: null, paused: null }) as RunState;
  });

const badge = (h: Harness) => h.browser.worker.evaluate(() => chrome.action.getBadgeText({}));

/** Keeps the first offer a search of the local 1688 finds whose page the mock serves as a current page. */
async function keepAnOffer(page: Page, query: string): Promise<{ key: string; offerId: string }> {
  const reply = await ask<{ state: string; offers?: { source: string; offerId: string }[] }>(
    page,
    'searchOffers',
    {
      source: '1688',
      mode: 'keywords',
      query,
      sort: 'relevance',
      filters: {},
      page: 1,
      pageId: null,
      refresh: false,
    },
  );
  const offer = reply.offers?.find((o) => /^7\d+[26]$/.test(o.offerId));
  assert.ok(offer, `the search found an offer to keep (${reply.state})`);
  const key = `1688:${offer.offerId}`;
  await ask(page, 'keepOffer', { offerKey: key, productKey: null });
  return { key, offerId: offer.offerId };
}

describe('price alerts from the scheduled refresh', { timeout: 300_000 }, () => {
  let mock: MockSources;

  before(() => {
    mock = createMockSources();
  });

  describe('with notifications allowed', () => {
    let h: Harness;
    let dir: string;
    before(async () => {
      dir = buildWithNotificationsAllowed();
      h = await startHarness(mock.hostHandlers(), { extensionDir: dir });
      await h.browser.worker.evaluate(() =>
        chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 500, jitterMs: 0, cacheHours: 24 } }),
      );
    });
    after(async () => {
      await h?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test("an alert fires when the local 1688's price drops, once; a click on it opens the offer", async () => {
      await withScreenshots(h.browser, 'alerts-drop', async () => {
        const options = await h.browser.openExtensionPage('options.html');
        await options.getByTestId('setting-alerts').click();
        await options.locator('[data-testid="alerts-notify"][data-allowed="true"]').waitFor();
        const { key, offerId } = await keepAnOffer(options, '保温杯 提醒');

        // The first refresh reads the kept price: nothing to tell.
        const first = await fireRefresh(h);
        assert.deepEqual(
          [first.lastRun?.outcome, first.lastRun?.checked, first.lastRun?.alerts],
          ['done', 1, 0],
        );
        assert.deepEqual(await h.browser.worker.evaluate(() => chrome.notifications.getAll()), {});
        assert.equal(await badge(h), '');
        const keptAt = (await readRow(h, 'offers', key)) as { priceMinMinor: number };

        // The supplier drops its price by 20 %.
        mock.sources['1688'].setPriceFactor(offerId, 0.8);
        const second = await fireRefresh(h);
        assert.deepEqual([second.lastRun?.outcome, second.lastRun?.alerts], ['done', 1]);
        const shown = await h.browser.worker.evaluate(() => chrome.notifications.getAll());
        assert.deepEqual(Object.keys(shown), [`refresh:alert:${key}`]);
        assert.equal(await badge(h), '1');
        const now = (await readRow(h, 'offers', key)) as { priceMinMinor: number };
        assert.ok(now.priceMinMinor < keptAt.priceMinMinor, 'the lower price is recorded');
        await pricesSettled(h);
        const refreshed = await options.evaluate(
          (subject) =>
            new Promise<string[]>((resolve, reject) => {
              const open = indexedDB.open('sourcelens');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const all = open.result
                  .transaction('priceObservations')
                  .objectStore('priceObservations')
                  .getAll();
                all.onsuccess = () =>
                  resolve(
                    (all.result as { subjectKey: string; via: string }[])
                      .filter((o) => o.subjectKey === subject)
                      .map((o) => o.via),
                  );
                all.onerror = () => reject(all.error);
              };
            }),
          key,
        );
        assert.ok(refreshed.includes('refresh'), `a price observation came from the refresh (${refreshed})`);

        // The price stays low: the next run tells nothing new.
        const third = await fireRefresh(h);
        assert.deepEqual([third.lastRun?.outcome, third.lastRun?.alerts], ['done', 0]);
        assert.equal(await badge(h), '1');

        // Opening the popup's review marks the alerts seen: the count goes.
        const popup = await h.browser.openExtensionPage('popup.html');
        await poll(
          () => badge(h),
          (text) => text === '',
          { what: 'the alert count cleared by opening the popup' },
        );
        await popup.close();

        // A click on the alert, still shown, delivered to the background's listener as the browser would: the
        // offer's own page opens on 1688 and the alert goes.
        const offer = (await readRow(h, 'offers', key)) as { url: string };
        assert.match(offer.url, /^https:\/\/detail\.1688\.com\/offer\//);
        const opened = h.browser.context.waitForEvent('page');
        await h.browser.worker.evaluate((id) => {
          const event = chrome.notifications.onClicked as unknown as { dispatch(...args: unknown[]): void };
          event.dispatch(id);
        }, `refresh:alert:${key}`);
        const page = await opened;
        await page.waitForURL(offer.url);
        await page.close();
        await poll(
          () => h.browser.worker.evaluate(() => chrome.notifications.getAll()),
          (left) => Object.keys(left).length === 0,
          { what: 'the clicked alert cleared' },
        );
        await options.getByTestId('refresh-last-run').waitFor();
        assert.equal(await options.getByTestId('refresh-last-run').getAttribute('data-outcome'), 'done');
      });
    });

    test('a wall pauses the run, the options say so, and it goes on once the person passed the check', async () => {
      await withScreenshots(h.browser, 'alerts-wall', async () => {
        const options = await h.browser.openExtensionPage('options.html');
        mock.setWall('slider');
        const paused = await fireRefresh(h);
        assert.equal(paused.lastRun?.outcome, 'paused');
        const banner = options.getByTestId('refresh-paused');
        await banner.waitFor();
        assert.match((await banner.textContent()) ?? '', /verify on 1688/i);
        assert.match(
          (await options.getByTestId('refresh-paused-open').getAttribute('href')) ?? '',
          /^https:\/\/[^/]*1688\.com\//,
        );
        // The person passes the check on 1688 and says so: the pass goes on now, not at the next scheduled run.
        mock.setWall(null);
        await options.getByTestId('refresh-paused-resume').click();
        const resumed = await poll(
          () => runState(h),
          (s) => s.lastRun?.at !== paused.lastRun?.at,
          { what: 'the resumed run', timeoutMs: 60_000 },
        );
        assert.equal(resumed.lastRun?.outcome, 'done');
        assert.equal(resumed.paused, null);
        await banner.waitFor({ state: 'detached' });
      });
    });
  });

  describe('with notifications refused', () => {
    let h: Harness;
    before(async () => {
      mock.reset();
      h = await startHarness(mock.hostHandlers());
      await h.browser.worker.evaluate(() =>
        chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 500, jitterMs: 0, cacheHours: 24 } }),
      );
    });
    after(async () => {
      await h?.close();
    });

    test('alerts still count on the toolbar button', async () => {
      await withScreenshots(h.browser, 'alerts-badge-only', async () => {
        const options = await h.browser.openExtensionPage('options.html');
        await options.getByTestId('setting-alerts').click();
        // Headless Chromium refuses the request, as a person clicking "Deny" would.
        await options.locator('[data-testid="alerts-notify"][data-allowed="false"]').waitFor();
        const { offerId } = await keepAnOffer(options, '收纳盒 提醒');
        await fireRefresh(h);
        mock.sources['1688'].setPriceFactor(offerId, 0.5);
        const run = await fireRefresh(h);
        assert.equal(run.lastRun?.alerts, 1);
        assert.equal(await badge(h), '1');
        assert.equal(await h.browser.worker.evaluate(() => typeof chrome.notifications), 'undefined');

        // A product tab shows its own mark instead of the count; leaving the product gives the count back.
        const shop = await ShopTab.open(h.browser, 'https://item.taobao.com/item.htm?id=712345678901');
        await shop.waitForBadge('✓');
        assert.equal(await badge(h), '1');
        await shop.page.goto('https://www.example-news.test/2026/11/markets.html');
        await shop.waitForBadge('1');
      });
    });
  });
});
