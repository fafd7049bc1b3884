import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPendingSearch } from '../../../entrypoints/background/pending-search';
import { pendingSearch } from '../../../storage/pending-search';

// The fake browser has neither panel API; each test gives it the one its browser has.
const api = fakeBrowser as unknown as Record<string, unknown>;

describe('openPendingSearch: the right-click hands a search to the side panel', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    delete api.sidePanel;
    delete api.sidebarAction;
  });

  it("opens Chrome's side panel on the clicked window, in the same call (the user gesture)", async () => {
    const open = vi.fn(() => Promise.resolve());
    api.sidePanel = { open };
    openPendingSearch({ mode: 'keywords', query: 'ceramic mug' }, 7);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({ mode: 'keywords', query: 'ceramic mug' }),
    );
  });

  it("opens Firefox's sidebar, and leaves the search even when the panel refuses", async () => {
    const open = vi.fn(() => Promise.reject(new Error('not from a user gesture')));
    api.sidebarAction = { open };
    openPendingSearch({ mode: 'image', query: 'https://img.example.test/a.jpg' }, 7);
    expect(open).toHaveBeenCalledOnce();
    await vi.waitFor(async () =>
      expect(await pendingSearch.getValue()).toMatchObject({ query: 'https://img.example.test/a.jpg' }),
    );
  });

  it('neither opens nor leaves a picture that is not an http(s) address', async () => {
    const open = vi.fn(() => Promise.resolve());
    api.sidePanel = { open };
    openPendingSearch({ mode: 'image', query: 'data:image/png;base64,AAAA' }, 7);
    expect(open).not.toHaveBeenCalled();
    expect(await pendingSearch.getValue()).toBeNull();
  });
});
