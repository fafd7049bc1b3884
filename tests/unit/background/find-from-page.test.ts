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
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    delete api.sidePanel;
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
    const handler = vi.fn(async () => ({ opened: true }));
    const route = createRouter({ findSourceFromPage: handler } as unknown as Handlers, OWN_ID, ORIGIN);
    const msg = { sourcelens: 1, type: 'findSourceFromPage', data: { mode: 'image', query: PICTURE } };
    const page = {
      id: OWN_ID,
      url: 'https://item.taobao.com/item.htm?id=1',
      tab: { id: 4, windowId: 2 },
      frameId: 0,
    };
    expect(await route(msg, page)).toEqual({ ok: true, data: { opened: true } });
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
    expect(await reply).toEqual({ opened: true });
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({ mode: 'image', query: PICTURE }),
    );
  });

  it('says when the browser did not open the panel; the search waits for it all the same', async () => {
    api.sidePanel = { open: vi.fn(() => Promise.reject(new Error('no user gesture'))) };
    expect(
      await findSourceFromPage({ mode: 'keywords', query: '保温杯' }, { tab: { id: 4, windowId: 2 } }),
    ).toEqual({
      opened: false,
    });
    await vi.waitFor(async () => expect((await pendingSearch.getValue())?.query).toBe('保温杯'));
  });
});
