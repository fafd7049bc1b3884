import { type Browser, browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { openSidePanel } from '../../components/panel';
import { sourceLabel } from '../../components/source-text';
import { SOURCES } from '../../core/sources/index';
import { searchForTab } from './find-from-page';
import { leavePendingSearch, openPendingSearch } from './pending-search';

export const MENU_ITEMS = {
  image: 'find-source-image',
  text: 'find-source-text',
  page: 'find-source-page',
} as const;

/** The most of a selection searched: a longer one is a paragraph, not a product name. */
const MAX_SELECTION = 200;

/**
 * The right-click "Find source" items: on any picture (image search), on selected text (words, on the default
 * source, named in the item) and on the page itself (the product the spotter found there). Each opens the side
 * panel on the clicked tab's window from the click and leaves the search in session storage for it.
 */
export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ITEMS.image,
        title: t('findSourceImage'),
        contexts: ['image'],
      });
      browser.contextMenus.create({
        id: MENU_ITEMS.text,
        // The browser puts the selection where `%s` is; the default source is the registry's first.
        title: t('findSourceText', [sourceLabel(SOURCES[0])]),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: MENU_ITEMS.page,
        title: t('findSourcePage'),
        contexts: ['page'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener(onMenuClick);
}

/**
 * One click on an item. Every branch opens the panel before its first await: the browser accepts
 * `sidePanel.open` only inside the click.
 */
export function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId === MENU_ITEMS.image && info.srcUrl) {
    void openPendingSearch({ mode: 'image', query: info.srcUrl }, tab?.windowId);
  } else if (info.menuItemId === MENU_ITEMS.text && info.selectionText) {
    void openPendingSearch(
      { mode: 'keywords', query: info.selectionText.slice(0, MAX_SELECTION) },
      tab?.windowId,
    );
  } else if (info.menuItemId === MENU_ITEMS.page && tab?.id !== undefined) {
    void openSidePanel(tab.windowId).catch(() => {});
    // Nothing spotted: no search (an older one left unread is dropped), so the panel shows the tab's empty state.
    void searchForTab(tab.id).then(leavePendingSearch);
  }
}
