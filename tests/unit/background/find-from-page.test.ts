import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findSourceFromPage } from '../../../entrypoints/background/find-from-page';
import { createRouter, type Handlers } from '../../../messaging/router';
import { FindSourceFromPageSchema } from '../../../messaging/schemas';
import { pendingSearch } from '../../../storage/pending-search';

const OWN_ID = 'sourcelens-test-id';
const ORIGIN = 'chrome-extension://sourcelens-test-id/';
const api = fakeBrowser as unknown as Record<string, unknown>;
const PICTURE = 'https://img.alicdn.com/imgextra/i1/2206/O1CN01abcTee_!!2206.jpg_400x400.jpg';

describe('findSourceFromPage: the in-page button’s click', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // Message keys as text, with their substitutions: the notice's wording is the locales' business.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
      subs === undefined ? key : `${key}:${[subs].flat().join(',')}`) as typeof fakeBrowser.i18n.getMessage);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete api.sidePanel;
    delete api.sidebarAction;
    delete api.commands;
    delete (fakeBrowser.runtime as unknown as Record<string, unknown>).getContexts;
  });

  it('takes an http(s) picture or a few words, nothing else', () => {
    expect(v.safeParse(FindSourceFromPageSchema, { mode: 'image', query: PICTURE }).success).toBe(true);
    expect(v.parse(FindSourceFromPageSchema, { mode: 'keywords', query: '  保温杯 ' }).query).toBe('保温杯');
    for (const bad of [
      { mode: 'image', query: 'data:image/png;base64,AAAA' },
      { mode: 'image', query: 'javascript:alert(1)' },
      { mode: 'image', query: 'chrome-extension://abc/icon.png' },
      { mode: 'keywords', query: '' },
      { mode: 'keywords', query: 'x'.repeat(201) },
      { mode: 'offer', query: '1' },
    ])
      expect(v.safeParse(FindSourceFromPageSchema, bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('is taken only from a content script in a tab’s top frame on a web page', async () => {
    const handler = vi.fn(async () => ({ opened: true, notice: null }));
    const route = createRouter({ findSourceFromPage: handler } as unknown as Handlers, OWN_ID, ORIGIN);
    const msg = { sourcelens: 1, type: 'findSourceFromPage', data: { mode: 'image', query: PICTURE } };
    const page = {
      id: OWN_ID,
      url: 'https://item.taobao.com/item.htm?id=1',
      tab: { id: 4, windowId: 2 },
      frameId: 0,
    };
    expect(await route(msg, page)).toEqual({ ok: true, data: { opened: true, notice: null } });
    for (const sender of [
      { ...page, frameId: 3 },
      { id: OWN_ID, url: `${ORIGIN}sidepanel.html` },
      { ...page, id: 'another-extension' },
      { ...page, url: 'file:///tmp/a.html' },
    ])
      expect(await route(msg, sender)).toMatchObject({ ok: false, error: { code: 'bad-sender' } });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('opens the panel on the sender tab’s window in the same call, and leaves the search for it', async () => {
    const open = vi.fn(() => Promise.resolve());
    api.sidePanel = { open };
    const reply = findSourceFromPage({ mode: 'image', query: PICTURE }, { tab: { id: 4, windowId: 2 } });
    expect(open).toHaveBeenCalledWith({ windowId: 2 });
    expect(await reply).toEqual({ opened: true, notice: null });
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({ mode: 'image', query: PICTURE }),
    );
  });

  it('says how to open the panel when the browser did not (with its shortcut); the search waits for it', async () => {
    api.sidePanel = { open: vi.fn(() => Promise.reject(new Error('no user gesture'))) };
    api.commands = {
      getAll: async () => [
        { name: '_execute_action', shortcut: '' },
        { name: 'open-side-panel', shortcut: 'Alt+Shift+S' },
      ],
    };
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getContexts = async () => [];
    expect(
      await findSourceFromPage({ mode: 'keywords', query: '保温杯' }, { tab: { id: 4, windowId: 2 } }),
    ).toEqual({ opened: false, notice: 'findNoticePanelKey:Alt+Shift+S' });
    await vi.waitFor(async () => expect((await pendingSearch.getValue())?.query).toBe('保温杯'));
    // No shortcut set (the person removed it): the notice says where to open it instead.
    api.commands = { getAll: async () => [{ name: 'open-side-panel', shortcut: '' }] };
    expect(
      await findSourceFromPage({ mode: 'keywords', query: '保温杯' }, { tab: { id: 4, windowId: 2 } }),
    ).toEqual({ opened: false, notice: 'findNoticePanel' });
  });

  it('counts a panel already open as opened: it takes the waiting search', async () => {
    api.sidePanel = { open: vi.fn(() => Promise.reject(new Error('no user gesture'))) };
    api.commands = { getAll: async () => [{ name: 'open-side-panel', shortcut: 'Alt+Shift+S' }] };
    let contexts: { contextType: string; windowId: number }[] = [];
    const getContexts = vi.fn(async () => contexts);
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getContexts = getContexts;
    const click = () =>
      findSourceFromPage({ mode: 'image', query: PICTURE }, { tab: { id: 4, windowId: 2 } });
    // On that window; or with no window, as Chrome lists its side panels (-1): any open one takes the search.
    for (const windowId of [2, -1]) {
      contexts = [{ contextType: 'SIDE_PANEL', windowId }];
      expect(await click(), String(windowId)).toEqual({ opened: true, notice: null });
    }
    expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['SIDE_PANEL'] });
    // Open on another window only: this one gets the notice.
    contexts = [{ contextType: 'SIDE_PANEL', windowId: 7 }];
    expect(await click()).toEqual({ opened: false, notice: 'findNoticePanelKey:Alt+Shift+S' });
  });

  describe('Firefox: a click in a page is no user gesture for sidebarAction.open', () => {
    const refuse = () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    };

    it('the open sidebar takes the search; a closed one gets a notice naming the sidebar’s shortcut', async () => {
      let open = true;
      const isOpen = vi.fn(async () => open);
      api.sidebarAction = { open: vi.fn(refuse), isOpen };
      api.commands = { getAll: async () => [{ name: '_execute_sidebar_action', shortcut: 'Alt+Shift+S' }] };
      const click = () =>
        findSourceFromPage({ mode: 'image', query: PICTURE }, { tab: { id: 4, windowId: 9 } });
      expect(await click()).toEqual({ opened: true, notice: null });
      expect(isOpen).toHaveBeenCalledWith({ windowId: 9 });
      open = false;
      expect(await click()).toEqual({ opened: false, notice: 'findNoticeSidebarKey:Alt+Shift+S' });
      api.commands = { getAll: async () => [] };
      expect(await click()).toEqual({ opened: false, notice: 'findNoticeSidebar' });
      expect(await pendingSearch.getValue()).toMatchObject({ mode: 'image', query: PICTURE });
    });
  });
});
