import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLanguageMessages } from '../../../components/i18n';
import type { DetectedProduct } from '../../../core/detect/types';
import { SOURCES } from '../../../core/sources/index';
import {
  MENU_ITEMS,
  onMenuClick,
  registerContextMenus,
  retitleContextMenus,
} from '../../../entrypoints/background/context-menu';
import { onPanelCommand } from '../../../entrypoints/background/panel-command';
import { pendingSearch } from '../../../storage/pending-search';
import { setTabProduct } from '../../../storage/tab-state';

// The fake browser has no contextMenus and no side panel: each test gets stubs that record their calls.
const api = fakeBrowser as unknown as Record<string, unknown>;
let open: ReturnType<typeof vi.fn>;
let create: ReturnType<typeof vi.fn>;

const product = (title: string, images: string[]): DetectedProduct => ({
  kind: 'product',
  title,
  text: null,
  price: null,
  priceMax: null,
  images,
  brand: null,
  sku: null,
  gtin: null,
  availability: null,
  site: 'generic',
  itemId: null,
  canonicalUrl: 'https://shop.example/p/1',
  sources: {},
});
const tab = (id: number) => ({ id, windowId: 70 + id }) as Parameters<typeof onMenuClick>[1];
const click = (menuItemId: string, more: Record<string, unknown> = {}) =>
  ({ menuItemId, editable: false, ...more }) as Parameters<typeof onMenuClick>[0];

beforeEach(() => {
  fakeBrowser.reset();
  open = vi.fn(() => Promise.reject(new Error('not in a user gesture')));
  create = vi.fn();
  api.sidePanel = { open };
  api.contextMenus = { removeAll: vi.fn(async () => {}), create, onClicked: { addListener: vi.fn() } };
});
afterEach(() => {
  delete api.sidePanel;
  delete api.contextMenus;
});

describe('the right-click items', () => {
  it('are made on install: a picture, a selection (naming the default source) and the page', async () => {
    // Messages read as their key and substitutions, so the test sees which message each title is.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
      subs === undefined ? key : `${key}:${[subs].flat().join(',')}`) as typeof fakeBrowser.i18n.getMessage);
    registerContextMenus();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(3));
    const items = create.mock.calls.map(
      ([item]) => item as { id: string; contexts: string[]; title: string },
    );
    expect(items.map((i) => [i.id, i.contexts])).toEqual([
      [MENU_ITEMS.image, ['image']],
      [MENU_ITEMS.text, ['selection']],
      [MENU_ITEMS.page, ['page']],
    ]);
    expect(items.map((i) => i.title)).toEqual([
      'findSourceImage',
      `findSourceText:${SOURCES[0].labelKey}`,
      'findSourcePage',
    ]);
  });

  it('take the language chosen in the options: every title is given again in it', async () => {
    const update = vi.fn(async () => {});
    api.contextMenus = { update };
    setLanguageMessages('zh_CN', {
      findSourceImage: { message: '为这张图片找货源' },
      findSourceText: { message: '在 $1 搜索“%s”' },
      findSourcePage: { message: '为此页面找货源' },
      [SOURCES[0].labelKey]: { message: '1688' },
    });
    try {
      retitleContextMenus();
    } finally {
      setLanguageMessages('zh_CN', null);
    }
    expect(update.mock.calls).toEqual([
      [MENU_ITEMS.image, { title: '为这张图片找货源' }],
      [MENU_ITEMS.text, { title: '在 1688 搜索“%s”' }],
      [MENU_ITEMS.page, { title: '为此页面找货源' }],
    ]);
  });

  it('"this page": opens the panel in the click, then leaves the search proposed for the spotted product', async () => {
    await setTabProduct(3, {
      product: product('ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣', ['https://img.example.test/a.jpg']),
      productKey: 'k',
      pageUrl: 'https://shop.example/p/1',
      at: 1,
    });
    onMenuClick(click(MENU_ITEMS.page), tab(3));
    // Synchronously, before the tab's product is read: the browser accepts the call only inside the click.
    expect(open).toHaveBeenCalledWith({ windowId: 73 });
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({
        mode: 'keywords',
        query: expect.stringContaining('T恤'),
      }),
    );
  });

  it('"this page" with nothing spotted: the panel opens on its empty state and an older search is dropped', async () => {
    await pendingSearch.setValue({ mode: 'keywords', query: 'stale', at: 1 });
    onMenuClick(click(MENU_ITEMS.page), tab(4));
    expect(open).toHaveBeenCalledWith({ windowId: 74 });
    await vi.waitFor(async () => expect(await pendingSearch.getValue()).toBeNull());
  });

  it('a selection: its first 200 characters as words; a picture: its address', async () => {
    onMenuClick(click(MENU_ITEMS.text, { selectionText: 'x'.repeat(300) }), tab(5));
    expect(open).toHaveBeenLastCalledWith({ windowId: 75 });
    await vi.waitFor(async () => expect((await pendingSearch.getValue())?.query).toHaveLength(200));
    onMenuClick(click(MENU_ITEMS.image, { srcUrl: 'https://img.example.test/b.jpg' }), tab(5));
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({
        mode: 'image',
        query: 'https://img.example.test/b.jpg',
      }),
    );
  });
});

describe('the keyboard command', () => {
  it('opens the panel on the window it was pressed in, in the listener call; other commands do nothing', () => {
    onPanelCommand('some-other-command', { windowId: 9 });
    expect(open).not.toHaveBeenCalled();
    onPanelCommand('open-side-panel', { windowId: 9 });
    expect(open).toHaveBeenCalledWith({ windowId: 9 });
  });
});
