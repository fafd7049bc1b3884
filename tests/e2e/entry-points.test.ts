/// <reference types="chrome" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SOURCES } from '../../core/sources/index';
import { proposedQuery } from '../../core/sources/query/proposed';
import { createMockSources, type MockSources } from '../mock-sources/server';
import { FindButton, type FindButtonState, type Rect } from './pages/FindButton';
import { ShopTab } from './pages/ShopTab';
import { SidePanelPage } from './pages/SidePanelPage';
import { withScreenshots } from './support/browser';
import { type Harness, startHarness } from './support/harness';
import { messagesFrom } from './support/messages';
import { poll } from './support/wait';

const TAOBAO = 'https://item.taobao.com/item.htm?id=712345678901';
/** The picture the Taobao fixture shows (a CDN size of the one its page data names). */
const TAOBAO_PICTURE = 'https://img.alicdn.com/imgextra/i1/2206/O1CN01abcTee_!!2206.jpg_400x400.jpg';
const HOSTILE = 'https://www.example-shop.test/p/hostile.html';
const NEWS = 'https://www.example-news.test/2026/11/markets.html';

/** What the test sees of the background: every side panel opening asked for, and every search the panels sent. */
interface EntryLog {
  opens: { options: { windowId?: number; tabId?: number }; result: string }[];
  /** How many of the next openings the test has the browser refuse (as Firefox refuses one from a page). */
  refuse: number;
  searches: { mode: string; query: string }[];
}
type Scope = { __entry?: EntryLog };

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('entry points: right-click items, the in-page button, the keyboard command', {
  timeout: 240_000,
}, () => {
  let h: Harness;
  let mock: MockSources;
  let taobao: ShopTab;

  const log = () => h.browser.worker.evaluate(() => (globalThis as Scope).__entry as EntryLog);
  const windowOf = (tabId: number) =>
    h.browser.worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
  /** Waits for a search the panels sent that matches, after the first `skip` searches. */
  const searchSent = (skip: number, match: (s: EntryLog['searches'][number]) => boolean, what: string) =>
    poll(
      async () => (await log()).searches.slice(skip),
      (list) => list.some(match),
      { what, timeoutMs: 30_000 },
    );
  /** Clicks a right-click item, as the browser would: its onClicked listeners get the item and the tab. */
  const clickMenu = (tabId: number, info: Record<string, unknown>) =>
    h.browser.worker.evaluate(
      async ([id, data]) => {
        const tab = await chrome.tabs.get(id as number);
        const event = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
        event.dispatch({ editable: false, pageUrl: tab.url, ...(data as object) }, tab);
      },
      [tabId, info] as const,
    );
  const answersOf = (panel: SidePanelPage) =>
    panel.page.getByTestId('search-panel').getAttribute('data-answers');
  const waitAnswered = (panel: SidePanelPage, previous: string | null) =>
    panel.page.waitForFunction(
      (prev) => document.querySelector('[data-testid="search-panel"]')?.getAttribute('data-answers') !== prev,
      previous,
      { timeout: 60_000 },
    );
  /** The page's whole DOM as the page can read it. */
  const pageDom = (page: ShopTab['page']) =>
    page.evaluate(() => {
      const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].map((a) => `${a.name}=${a.value}`),
      );
      return `${document.documentElement.outerHTML}\n${attributes.join('\n')}`;
    });

  before(async () => {
    mock = createMockSources();
    h = await startHarness(mock.hostHandlers());
    await h.browser.worker.evaluate(
      (ms) => chrome.storage.sync.set({ sourceSettings: { minIntervalMs: ms, jitterMs: 0, cacheHours: 24 } }),
      1500,
    );
    // Records what the background asks of the side panel API (the extension's own call goes through it) and
    // every search a panel sends; the extension's code is not changed.
    await h.browser.worker.evaluate(() => {
      const entry: EntryLog = { opens: [], refuse: 0, searches: [] };
      (globalThis as Scope).__entry = entry;
      const api = chrome.sidePanel as unknown as { open(o: object): Promise<void> };
      const open = api.open.bind(api);
      api.open = (options: object) => {
        const record = { options, result: 'pending' };
        entry.opens.push(record);
        if (entry.refuse > 0) {
          entry.refuse -= 1;
          record.result = 'refused: by the test';
          return Promise.reject(new Error('refused by the test'));
        }
        return open(options).then(
          () => {
            record.result = 'opened';
          },
          (error: Error) => {
            record.result = `refused: ${error.message}`;
            throw error;
          },
        );
      };
      chrome.runtime.onMessage.addListener(
        (message: { type?: string; data?: { mode?: string; query?: string } }) => {
          if (message?.type === 'searchOffers')
            entry.searches.push({ mode: message.data?.mode ?? '', query: message.data?.query ?? '' });
        },
      );
    });
    taobao = await ShopTab.open(h.browser, TAOBAO);
    await taobao.waitForReport((r) => r !== null);
  });
  after(async () => {
    await h?.close();
  });

  test('the three right-click items and the keyboard command are declared', async () => {
    // update() fails for an unknown id.
    for (const id of ['find-source-image', 'find-source-text', 'find-source-page'])
      await h.browser.worker.evaluate((item) => chrome.contextMenus.update(item, {}), id);
    const commands = await h.browser.worker.evaluate(() => chrome.commands.getAll());
    const open = commands.find((c) => c.name === 'open-side-panel');
    assert.ok(open, JSON.stringify(commands));
    assert.match(open.shortcut ?? '', /Alt\+Shift\+S/);
    assert.ok((open.description ?? '').length > 0);
  });

  test('"Find source for this image" opens the panel on the tab and runs an image search', async () => {
    await withScreenshots(h.browser, 'entry-menu-image', async () => {
      const panel = await SidePanelPage.open(h.browser, taobao.tabId);
      try {
        const before = await log();
        const answers = await answersOf(panel);
        const picture = 'https://www.example-shop.test/img/babylonian.png';
        await clickMenu(taobao.tabId, {
          menuItemId: 'find-source-image',
          mediaType: 'image',
          srcUrl: picture,
        });
        await searchSent(
          before.searches.length,
          (s) => s.mode === 'image' && s.query === picture,
          'the image search',
        );
        await waitAnswered(panel, answers);
        const opened = (await log()).opens.slice(before.opens.length);
        // Asked for the clicked tab's window (outside a real click the browser refuses, and says so).
        assert.deepEqual(
          opened.map((o) => o.options.windowId),
          [await windowOf(taobao.tabId)],
        );
        assert.ok(
          mock.requests.some((r) => r.apiMethod === 'uploadBase64WithRequest'),
          'the picture was uploaded',
        );
      } finally {
        await panel.page.close();
      }
    });
  });

  test('"Search 1688 for “…”" runs a word search for the selected text', async () => {
    await withScreenshots(h.browser, 'entry-menu-text', async () => {
      const panel = await SidePanelPage.open(h.browser, taobao.tabId);
      try {
        const before = await log();
        const answers = await answersOf(panel);
        await clickMenu(taobao.tabId, { menuItemId: 'find-source-text', selectionText: '不锈钢保温杯' });
        await searchSent(
          before.searches.length,
          (s) => s.mode === 'keywords' && s.query === '不锈钢保温杯',
          'the selected words searched',
        );
        await waitAnswered(panel, answers);
        assert.equal(await panel.page.getByTestId('search-query').inputValue(), '不锈钢保温杯');
        assert.equal((await log()).opens.length, before.opens.length + 1);
      } finally {
        await panel.page.close();
      }
    });
  });

  test('"Find source for this page" searches what the panel proposes for the spotted product', async () => {
    await withScreenshots(h.browser, 'entry-menu-page', async () => {
      const panel = await SidePanelPage.open(h.browser, taobao.tabId);
      try {
        const report = await taobao.reported();
        assert.ok(report);
        const expected = proposedQuery(report.title, SOURCES[0]);
        assert.ok(expected.length > 0);
        const before = await log();
        const answers = await answersOf(panel);
        await clickMenu(taobao.tabId, { menuItemId: 'find-source-page' });
        await searchSent(
          before.searches.length,
          (s) => s.mode === 'keywords' && s.query === expected,
          `a word search for "${expected}"`,
        );
        await waitAnswered(panel, answers);
        assert.equal((await log()).opens.at(-1)?.options.windowId, await windowOf(taobao.tabId));
      } finally {
        await panel.page.close();
      }
    });
  });

  test('"Find source for this page" with nothing spotted opens the panel on its empty state, no search', async () => {
    await withScreenshots(h.browser, 'entry-menu-page-empty', async () => {
      const news = await ShopTab.open(h.browser, NEWS);
      await news.spotterPassDone();
      assert.equal(await news.reported(), null);
      // A search left over from before must not run on this page.
      await h.browser.worker.evaluate(() =>
        chrome.storage.session.set({ pendingSearch: { mode: 'keywords', query: 'stale', at: 1 } }),
      );
      const before = await log();
      await clickMenu(news.tabId, { menuItemId: 'find-source-page' });
      await poll(
        () =>
          h.browser.worker.evaluate(
            async () => (await chrome.storage.session.get('pendingSearch')).pendingSearch,
          ),
        (pending) => pending === null || pending === undefined,
        { what: 'the left-over search dropped' },
      );
      assert.equal((await log()).opens.at(-1)?.options.windowId, await windowOf(news.tabId));
      const panel = await SidePanelPage.open(h.browser, news.tabId);
      try {
        await panel.noProduct.waitFor();
        assert.equal(await answersOf(panel), '0');
        assert.deepEqual((await log()).searches.slice(before.searches.length), []);
      } finally {
        await panel.page.close();
        await news.page.close();
      }
    });
  });

  test('the keyboard command opens the side panel on the window it was pressed in', async () => {
    const before = await log();
    await h.browser.worker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      const event = chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
      event.dispatch('open-side-panel', tab);
      event.dispatch('some-other-command', tab);
    }, taobao.tabId);
    const opened = (await log()).opens.slice(before.opens.length);
    assert.deepEqual(
      opened.map((o) => o.options.windowId),
      [await windowOf(taobao.tabId)],
    );
  });

  describe('the in-page button', () => {
    let button: FindButton;
    let plain: FindButtonState;

    before(async () => {
      await taobao.page.bringToFront();
      button = await FindButton.on(taobao.page);
    });
    after(async () => {
      await button?.close();
    });

    test('sits in a corner of the main picture, clear of the page controls over it, and carries nothing of SourceLens', async () => {
      await withScreenshots(h.browser, 'entry-button-shown', async () => {
        const state = await button.waitShown();
        assert.ok(state);
        plain = state;
        assert.equal(state.text, 'Find source');
        const picture = await taobao.page.locator('.mainPic').boundingBox();
        const video = await taobao.page.locator('.videoBtn').boundingBox();
        assert.ok(picture && video);
        assert.ok(inside(state.box, picture), `${JSON.stringify(state.box)} in ${JSON.stringify(picture)}`);
        assert.ok(!overlap(state.box, video), 'the video button stays uncovered');
        // The host: a bare element in the top layer, of no size, at the viewport's corner.
        assert.equal(state.host.tag, 'DIV');
        assert.deepEqual(state.host.attributes, ['popover=manual']);
        assert.deepEqual(state.host.box, { x: 0, y: 0, width: 0, height: 0 });
        const dom = await pageDom(taobao.page);
        assert.ok(!dom.includes(h.browser.extensionId), 'the runtime id is not in the page');
        assert.ok(
          !dom.includes('Find source') && !dom.includes('SourceLens'),
          'nothing of the button is readable',
        );
      });
    });

    test('a click the page fakes does nothing; the person’s click runs the image search in the side panel', async () => {
      await withScreenshots(h.browser, 'entry-button-click', async () => {
        const state = await button.waitShown();
        assert.ok(state);
        const { x, y, width, height } = state.box;
        // Everything a page can do to the host: click() and synthetic events at the button's spot.
        const faked = await taobao.page.evaluate(
          ([cx, cy]) => {
            const host = document.elementFromPoint(cx as number, cy as number) as HTMLElement;
            host.click();
            for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
              host.dispatchEvent(
                new MouseEvent(type, { bubbles: true, composed: true, clientX: cx, clientY: cy }),
              );
            host.focus();
            host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
            return `${host.tagName} ${host.getAttributeNames().join(' ')}`;
          },
          [x + width / 2, y + height / 2],
        );
        assert.equal(faked, 'DIV popover', 'the page reaches the host, nothing inside it');
        const panel = await SidePanelPage.open(h.browser, taobao.tabId);
        try {
          const before = await log();
          const answers = await answersOf(panel);
          await taobao.page.bringToFront();
          await button.click();
          await searchSent(
            before.searches.length,
            (s) => s.mode === 'image' && s.query === TAOBAO_PICTURE,
            'the image search of the picture under the button',
          );
          await waitAnswered(panel, answers);
          // Messages from one tab arrive in order: had a fake click got through, it would be logged first.
          const asked = (await messagesFrom(h.browser, taobao.tabId)).filter(
            (m) => m.type === 'findSourceFromPage',
          );
          assert.equal(asked.length, 1, 'only the real click asked for a search');
          // The click in the page is the user gesture the side panel needs (Chrome ≥ 116): it opens.
          const opened = (await log()).opens.slice(before.opens.length);
          assert.deepEqual(opened[0]?.options, { windowId: await windowOf(taobao.tabId) });
          assert.equal(opened[0]?.result, 'opened');
        } finally {
          await panel.page.close();
        }
      });
    });

    test('when the browser will not open the panel: an open panel takes the search; else the button says how (the shortcut)', async () => {
      await withScreenshots(h.browser, 'entry-button-notice', async () => {
        const refuseNextOpen = () =>
          h.browser.worker.evaluate(() => {
            const entry = (globalThis as Scope).__entry;
            if (entry) entry.refuse = 1;
          });
        const openPanels = () =>
          h.browser.worker.evaluate(
            async () =>
              (
                await chrome.runtime.getContexts({
                  contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType],
                })
              ).length,
          );
        // The earlier tests left the real side panel open: refused or not, it takes the search; no notice.
        assert.ok((await openPanels()) > 0, 'the side panel is open');
        await refuseNextOpen();
        const searchesBefore = (await log()).searches.length;
        await taobao.page.bringToFront();
        await button.click();
        await searchSent(
          searchesBefore,
          (s) => s.mode === 'image' && s.query === TAOBAO_PICTURE,
          'the image search, run by the open side panel',
        );
        assert.equal((await button.waitShown())?.notice, null, 'no notice: the open panel took the search');

        // Closed, as a person closes it: now the refused opening leaves the button to say how to open it.
        await h.browser.worker.evaluate(async (tabId) => {
          const { windowId } = await chrome.tabs.get(tabId);
          await chrome.sidePanel.close({ windowId });
        }, taobao.tabId);
        await poll(openPanels, (open) => open === 0, { what: 'the side panel closed' });
        const before = await log();
        await refuseNextOpen();
        await taobao.page.bringToFront();
        await button.click();
        const notice = await button.waitNotice();
        const shortcut = await h.browser.worker.evaluate(
          async () =>
            (await chrome.commands.getAll()).find((c) => c.name === 'open-side-panel')?.shortcut ?? '',
        );
        assert.equal(
          notice.text,
          shortcut
            ? `Search ready: press ${shortcut} to open the SourceLens side panel and see the offers.`
            : 'Search ready: open the SourceLens side panel to see the offers.',
        );
        assert.equal(notice.role, 'status');
        // Beside the button, whole inside the viewport, and still nothing of it readable by the page.
        const state = await button.waitShown();
        const view = await taobao.page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
        assert.ok(state);
        assert.ok(
          inside(notice.box, { x: 0, y: 0, width: view.width, height: view.height }),
          JSON.stringify(notice.box),
        );
        assert.ok(!overlap(notice.box, state.box), 'the notice leaves the button free');
        assert.ok(
          !(await pageDom(taobao.page)).includes('SourceLens'),
          'the notice is not in the page’s DOM',
        );
        assert.equal((await log()).opens.slice(before.opens.length)[0]?.result, 'refused: by the test');
        // The search waits: the panel, opened as the notice says, runs it.
        const panel = await SidePanelPage.open(h.browser, taobao.tabId);
        try {
          await searchSent(
            before.searches.length,
            (s) => s.mode === 'image' && s.query === TAOBAO_PICTURE,
            'the waiting image search, run by the panel once opened',
          );
        } finally {
          await panel.page.close();
        }
        // A click on the notice puts it away.
        await taobao.page.bringToFront();
        await taobao.page.mouse.click(notice.box.x + 8, notice.box.y + notice.box.height / 2);
        const after = await button.waitShown();
        assert.equal(after?.notice, null);
      });
    });

    test('a page that restyles *, button and bare divs leaves it unchanged', async () => {
      await withScreenshots(h.browser, 'entry-button-hostile', async () => {
        const hostile = await ShopTab.open(h.browser, HOSTILE);
        const onHostile = await FindButton.on(hostile.page);
        try {
          await hostile.waitForReport((r) => r !== null);
          const state = await onHostile.waitShown();
          assert.ok(state && plain);
          assert.deepEqual(state.style, plain.style);
          assert.equal(state.box.width, plain.box.width);
          assert.equal(state.box.height, plain.box.height);
          assert.equal(state.text, plain.text);
          assert.deepEqual(state.host.box, { x: 0, y: 0, width: 0, height: 0 });
          const picture = await hostile.page.locator('img.hero').boundingBox();
          assert.ok(
            picture && inside(state.box, picture),
            `${JSON.stringify(state.box)} in ${JSON.stringify(picture)}`,
          );
          assert.ok(!(await pageDom(hostile.page)).includes(h.browser.extensionId));
        } finally {
          await onHostile.close();
          await hostile.page.close();
        }
      });
    });

    test('turned off for one site in the options, it goes from that site only; off everywhere, from all', async () => {
      await withScreenshots(h.browser, 'entry-button-settings', async () => {
        const hostile = await ShopTab.open(h.browser, HOSTILE);
        const onHostile = await FindButton.on(hostile.page);
        const options = await h.browser.openExtensionPage('options.html');
        try {
          await onHostile.waitShown();
          await button.waitShown();
          const layoutWith = await taobao.page.evaluate(() => ({
            picture: document.querySelector('.mainPic')?.getBoundingClientRect().toJSON(),
            width: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
          }));

          await options.getByTestId('in-page-button-add-site').fill('not a site');
          await options.getByTestId('in-page-button-add').click();
          await options.getByTestId('in-page-button-bad-site').waitFor();
          assert.equal(await options.locator('[data-site]').count(), 0);
          await options.getByTestId('in-page-button-add-site').fill('https://item.taobao.com/some/page');
          await options.getByTestId('in-page-button-add').click();
          await options.locator('[data-site="item.taobao.com"]').waitFor();
          await button.waitShown(false);
          assert.equal((await onHostile.state())?.shown, true, 'still shown on the other site');
          // The page is laid out the same without it.
          const layoutWithout = await taobao.page.evaluate(() => ({
            picture: document.querySelector('.mainPic')?.getBoundingClientRect().toJSON(),
            width: document.documentElement.scrollWidth,
            height: document.documentElement.scrollHeight,
          }));
          assert.deepEqual(layoutWithout, layoutWith);

          await options.locator('[data-site="item.taobao.com"]').getByRole('button').click();
          await options.getByTestId('in-page-button-no-off-sites').waitFor();
          await button.waitShown();

          const everywhere = options.getByTestId('setting-in-page-button');
          await everywhere.click();
          await button.waitShown(false);
          await onHostile.waitShown(false);
          await everywhere.click();
          await button.waitShown();
          await onHostile.waitShown();
        } finally {
          await options.close();
          await onHostile.close();
          await hostile.page.close();
        }
      });
    });
  });
});
