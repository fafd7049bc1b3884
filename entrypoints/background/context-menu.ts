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
      for (const [id, item] of Object.entries(menuItems()))
        browser.contextMenus.create({ id, title: item.title, contexts: [item.context] });
    });
  });
  browser.contextMenus.onClicked.addListener(onMenuClick);
}

/** Each item's title in the language SourceLens speaks now, and where it shows. */
function menuItems(): Record<string, { title: string; context: 'image' | 'selection' | 'page' }> {
  return {
    [MENU_ITEMS.image]: { title: t('findSourceImage'), context: 'image' },
    // The browser puts the selection where `%s` is; the default source is the registry's first.
    [MENU_ITEMS.text]: { title: t('findSourceText', [sourceLabel(SOURCES[0])]), context: 'selection' },
    [MENU_ITEMS.page]: { title: t('findSourcePage'), context: 'page' },
  };
}

/**
 * The items' titles again, in the language SourceLens speaks now: the background calls it once the chosen
 * language is read at start (the items were made at install, in whatever it spoke then) and on every change.
 */
export function retitleContextMenus(): void {
  for (const [id, item] of Object.entries(menuItems()))
    void Promise.resolve(browser.contextMenus.update(id, { title: item.title })).catch(() => {});
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
