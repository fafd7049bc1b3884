import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { poll } from '../e2e/support/wait';
import type { MockOffer } from '../mock-sources/server';
import { ExtensionView, explainFailure, tid } from './pages/ExtensionView';
import { PopupPage } from './pages/PopupPage';
import { SidebarPage } from './pages/SidebarPage';
import { EXTENSION_UUID } from './support/firefox';
import { type FirefoxHarness, startFirefoxHarness } from './support/harness';

const SHOP_URL = 'https://item.taobao.com/item.htm?id=712345678901';
const SHOP_TITLE = 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣';
const A = '930000000001';
const B = '930000000002';
const C = '930000000003';
const D = '930000000004';

function offer(id: string, price: string, factory: boolean): MockOffer {
  return {
    offerId: id,
    title: `火狐测试 纯棉T恤 ${id.slice(-1)}`,
    priceInfo: { price },
    province: '浙江',
    city: '义乌',
    bookedCount: 100,
    bizType: factory ? '生产加工' : '经销批发',
    factoryInspection: String(factory),
    loginId: `seller${id.slice(-1)}`,
    shop: { text: `义乌${factory ? '工厂' : '商行'}${id.slice(-1)}`, tpYear: '5' },
    shopAddition: { quantityPrices: [{ quantity: '≥2件', value: price }] },
  };
}

/** Each table's rows without their auto-increment `id`, in a stable order. */
function withoutIds(tables: Record<string, unknown[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows
        .map((row) => {
          const { id: _id, ...rest } = row as Record<string, unknown>;
          return JSON.stringify(rest);
        })
        .sort(),
    ]),
  );
}

type ShopPage = Awaited<ReturnType<FirefoxHarness['openTab']>>['page'];

/**
 * Where the in-page button is drawn. The page sees only the button's bare host (its shadow root is closed), and
 * only where the button is drawn: found with elementFromPoint over the product picture. A string, not a
 * function: the test runner's transform would add helpers the page does not have.
 */
async function inPageButtonSpot(page: ShopPage): Promise<{ x: number; y: number }> {
  const spot = await poll(
    () =>
      page.evaluate(`(() => {
        const picture = document.querySelector('.mainPic')?.getBoundingClientRect();
        if (!picture) return null;
        const xs = [];
        const ys = [];
        for (let y = picture.top + 1; y < picture.bottom; y += 3)
          for (let x = picture.left + 1; x < picture.right; x += 3) {
            const el = document.elementFromPoint(x, y);
            if (el && el.getAttributeNames().join() === 'popover') {
              xs.push(x);
              ys.push(y);
            }
          }
        if (!xs.length) return null;
        return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
      })()`) as Promise<{ x: number; y: number } | null>,
    (at) => at !== null,
    { what: 'the in-page button over the picture' },
  );
  if (!spot) throw new Error('no in-page button');
  return spot;
}

/** Whether the button's notice is drawn under it (seen, like the button, as its host at those points). */
function noticeShown(page: ShopPage, button: { x: number; y: number }): Promise<boolean> {
  return page.evaluate(`(() => {
    for (let dy = 20; dy <= 70; dy += 5) {
      const el = document.elementFromPoint(${button.x}, ${button.y} + dy);
      if (el && el.getAttributeNames().join() === 'popover') return true;
    }
    return false;
  })()`) as Promise<boolean>;
}

describe('Firefox: the same extension, its core flows', { timeout: 300_000 }, () => {
  let h: FirefoxHarness;
  let sidebar: SidebarPage;
  const api = <T>(path: string, ...args: unknown[]) => h.driver.send<T>({ op: 'api', path, args });
  /** Every page a failing test should describe. */
  const views = (): ExtensionView[] => [sidebar];

  /** The Taobao fixture in a new tab, once the sidebar (following the active tab) shows its product. */
  const openShopInSidebar = async () => {
    const shop = await h.openTab(SHOP_URL);
    await poll(
      () => sidebar.title(),
      (t) => t === SHOP_TITLE,
      { what: 'the product in the sidebar' },
    );
    return shop;
  };

  before(async () => {
    h = await startFirefoxHarness();
    sidebar = new SidebarPage(h.driver);
    // Politeness spacing short, as in the Chromium workflow tests.
    await api('storage.sync.set', { sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } });
  });
  after(async () => {
    await h?.close();
  });

  test('an MV3 event page; the side panel is the sidebar; the right-click items and the sidebar shortcut exist', async () => {
    await explainFailure(views(), async () => {
      const manifest = await api<{
        manifest_version: number;
        background: { scripts?: string[]; service_worker?: string };
      }>('runtime.getManifest');
      assert.equal(manifest.manifest_version, 3);
      // Firefox answers with full URLs; an event page, not a service worker.
      assert.deepEqual(
        manifest.background.scripts?.map((s) => new URL(s).pathname),
        ['/background.js'],
      );
      assert.ok(!manifest.background.service_worker);
      assert.equal(
        await api('sidebarAction.getPanel', {}),
        `moz-extension://${EXTENSION_UUID}/sidepanel.html`,
      );
      // Firefox opens an add-on's sidebar on install: the side panel, running in it.
      assert.equal(await api('sidebarAction.isOpen', {}), true);
      await sidebar.waitFor(tid('search-query'));
      // update() rejects for an item that does not exist: each one resolving proves the item was created.
      for (const id of ['find-source-image', 'find-source-text', 'find-source-page']) {
        await api('contextMenus.update', id, {});
      }
      await assert.rejects(api('contextMenus.update', 'no-such-item', {}));
      const commands = await api<{ name: string; shortcut: string }[]>('commands.getAll');
      assert.ok(
        commands.some((c) => c.name === '_execute_sidebar_action' && c.shortcut === 'Alt+Shift+S'),
        JSON.stringify(commands),
      );
    });
  });

  test('spot a product → search the local 1688 in the sidebar → keep an offer → the popup lists it', async () => {
    let popup: PopupPage | undefined;
    await explainFailure(views(), async () => {
      h.mock.sources['1688'].setOffers([offer(A, '10.00', true), offer(B, '8.00', false)]);
      const shop = await h.openTab(SHOP_URL);
      // Spotted: the background holds the tab's product…
      const report = await poll(
        async () => {
          const key = `tab:${shop.tabId}`;
          const got = await api<Record<string, { product?: { title?: string } } | undefined>>(
            'storage.session.get',
            key,
          );
          return got[key]?.product?.title ?? null;
        },
        (title) => title !== null,
        { what: 'the spotted product' },
      );
      assert.equal(report, SHOP_TITLE);
      // …the popup lists it among the recently spotted…
      popup = await PopupPage.open(h.driver);
      await popup.waitFor(tid('recent-products', 'product-card'));
      assert.ok((await popup.recentTitles()).includes(SHOP_TITLE), 'spotted product in the popup');
      await popup.close();
      // …and the sidebar, following the active tab, shows it.
      await poll(
        () => sidebar.title(),
        (t) => t === SHOP_TITLE,
        { what: 'the product in the sidebar' },
      );

      await sidebar.search('火狐测试 纯棉T恤');
      await sidebar.waitFor(tid('search-results', 'offer-card'), 2).catch(async (error: Error) => {
        // What the search met on the way, for the failure message (the sidebar may have moved to another tab).
        const seen = h.mock.requests.slice(-8).map((r) => `${r.method} ${r.host}${r.path} ${r.status}`);
        const tabs = await api<{ id: number; active: boolean; url?: string }[]>('tabs.query', {});
        error.message += `\nrequests: ${seen.join(' | ')}\ntabs: ${tabs.map((t) => `${t.id}${t.active ? '*' : ''} ${t.url}`).join(' | ')}`;
        throw error;
      });
      assert.deepEqual((await sidebar.offerIds()).sort(), [A, B]);
      assert.ok(
        h.mock.requests.some((r) => r.host === 'h5api.m.1688.com' && r.apiMethod === 'getOfferList'),
        'the search went to the local 1688',
      );

      await sidebar.keep(A, 'Firefox keeps it');
      const row = await poll(
        () =>
          h.driver.send<{ note?: string } | null>({
            op: 'idb',
            store: 'shortlist',
            index: 'offerKey',
            key: `1688:${A}`,
          }),
        (r) => r !== null,
        { what: 'the kept offer in the shortlist' },
      );
      assert.equal(row?.note, 'Firefox keeps it');
      assert.equal(await sidebar.attr(`${sidebar.card(A)} ${tid('offer-keep')}`, 'aria-pressed'), 'true');

      popup = await PopupPage.open(h.driver);
      await popup.waitFor(tid('shortlist', 'shortlist-row'));
      assert.deepEqual(await popup.shortlistKeys(), [`1688:${A}`]);
      await popup.close();
      await shop.page.close();
    });
  });

  test('right-click "Search 1688 for …" on selected text: the open sidebar runs the search', async () => {
    await explainFailure(views(), async () => {
      h.mock.sources['1688'].setOffers([offer(B, '8.00', false)]);
      const shop = await openShopInSidebar();
      const sent = h.mock.requests.length;
      await h.driver.send({
        op: 'menuClick',
        info: {
          menuItemId: 'find-source-text',
          selectionText: '火狐 右键 纯棉T恤',
          editable: false,
          pageUrl: SHOP_URL,
        },
        tabId: shop.tabId,
      });
      // The item leaves the search in session storage; the sidebar takes it and runs it.
      await poll(
        () => sidebar.value(tid('search-query')),
        (q) => q === '火狐 右键 纯棉T恤',
        { what: 'the selection in the query box' },
      );
      // The reopened product's remembered search (A and B, from the cache) may show first: wait for B alone.
      await poll(
        () => sidebar.offerIds(),
        (ids) => ids.length === 1 && ids[0] === B,
        { what: 'the answer to the right-click search' },
      );
      const searched = h.mock.requests
        .slice(sent)
        .filter((r) => r.apiMethod === 'getOfferList')
        .map((r) => JSON.stringify(r.query));
      assert.ok(
        searched.some((q) => q.includes('右键')),
        `the selection searched on the local 1688: ${searched.join(' | ')}`,
      );
      await shop.page.close();
    });
  });
  test('the in-page button: Firefox counts no click in a page as a gesture, so the open sidebar takes its picture search', async () => {
    await explainFailure(views(), async () => {
      h.mock.sources['1688'].setOffers([offer(C, '7.00', true)]);
      const shop = await openShopInSidebar();
      // Clicked with real input (trusted, as a person's click is).
      const spot = await inPageButtonSpot(shop.page);
      const sent = h.mock.requests.length;
      await shop.page.mouse.click(spot.x, spot.y);
      // sidebarAction.open was refused (no gesture); the sidebar, open, took the search waiting for it.
      await poll(
        () => sidebar.offerIds(),
        (ids) => ids.length === 1 && ids[0] === C,
        { what: 'the answer to the in-page button’s picture search' },
      );
      assert.equal(await noticeShown(shop.page, spot), false, 'no notice: the sidebar took the search');
      const uploads = h.mock.requests
        .slice(sent)
        .filter((r) => r.apiMethod === 'uploadBase64WithRequest' || r.apiMethod === 'imageBase64ToImageId');
      assert.ok(uploads.length > 0, 'the picture was uploaded to the local 1688 for an image search');
      await shop.page.close();
    });
  });

  test('the language chosen in the options: the open sidebar and a new popup switch to 简体中文, and back', async () => {
    await explainFailure(views(), async () => {
      // Chosen as the options page does it (components/language.ts): the setting in local storage.
      await api('storage.local.set', { uiLanguage: 'zh_CN' });
      // The open sidebar reloads in it: its messages read from the add-on's own _locales file.
      await poll(
        // While it reloads there is a moment with no sidebar page to read.
        () => sidebar.text(tid('search-button')).catch(() => null),
        (text) => text?.trim() === '搜索 1688',
        { what: 'the sidebar in Chinese' },
      );
      const popup = await PopupPage.open(h.driver);
      await popup.waitFor(tid('shortlist'));
      assert.match((await popup.text('h2')) ?? '', /备选清单/);
      await popup.close();
      await api('storage.local.set', { uiLanguage: 'browser' });
      await poll(
        // While it reloads there is a moment with no sidebar page to read.
        () => sidebar.text(tid('search-button')).catch(() => null),
        (text) => text?.trim() === 'Search 1688',
        { what: 'the sidebar in English again' },
      );
    });
  });
  test('the whole database backed up, emptied and restored (replace, then merge): every row comes back as it was', async () => {
    await explainFailure(views(), async () => {
      // The options page, in a tab: its own backup and restore code runs there.
      const tab = await api<{ id: number }>('tabs.create', {
        url: `moz-extension://${EXTENSION_UUID}/options.html`,
      });
      const options = new ExtensionView(h.driver, { tabId: tab.id });
      await options.waitFor(tid('data-section'));
      for (const mode of ['replace', 'merge'] as const) {
        const trip = await h.driver.send<{
          bytes: number;
          before: Record<string, unknown[]>;
          after: Record<string, unknown[]>;
        }>({ op: 'backupRoundTrip', view: { tabId: tab.id }, mode });
        assert.ok(trip.bytes > 0, 'a backup file was made');
        // What the earlier tests left: a kept offer, its offer row and prices, the spotted product.
        assert.equal(trip.before.shortlist?.length, 1, 'the kept offer is in the database');
        assert.ok((trip.before.offers?.length ?? 0) >= 2 && (trip.before.products?.length ?? 0) >= 1);
        if (mode === 'replace') assert.deepEqual(trip.after, trip.before, 'replace: every table as it was');
        // A merge gives the rows it adds new auto-increment ids (storage/backup/merge.ts): the same rows otherwise.
        else assert.deepEqual(withoutIds(trip.after), withoutIds(trip.before), 'merge: every row as it was');
      }
      await options.close();
    });
  });

  // Last: the sidebar stays closed after it (Firefox opens it again only on a person's action).
  test('the in-page button with the sidebar closed: it says how to open it, and the search waits for the sidebar', async () => {
    await explainFailure(views(), async () => {
      h.mock.sources['1688'].setOffers([offer(D, '6.50', true)]);
      const shop = await openShopInSidebar();
      await h.driver.send({
        op: 'dom',
        view: { type: 'sidebar' },
        action: 'closeWindow',
        selector: 'body',
      });
      await poll(
        () => api<boolean>('sidebarAction.isOpen', {}),
        (open) => open === false,
        { what: 'the sidebar closed' },
      );
      const spot = await inPageButtonSpot(shop.page);
      assert.equal(await noticeShown(shop.page, spot), false);
      await shop.page.mouse.click(spot.x, spot.y);
      await poll(
        () => noticeShown(shop.page, spot),
        (shown) => shown,
        { what: 'the notice under the button' },
      );
      const waiting = await api<{ pendingSearch?: { mode?: string; query?: string } }>(
        'storage.session.get',
        'pendingSearch',
      );
      assert.equal(waiting.pendingSearch?.mode, 'image', 'the picture search waits for the sidebar');
      // A click on the notice puts it away.
      await shop.page.mouse.click(spot.x, spot.y + 40);
      await poll(
        () => noticeShown(shop.page, spot),
        (shown) => !shown,
        { what: 'the notice gone' },
      );
      await shop.page.close();
    });
  });
});
