import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { openPendingSearch } from './pending-search';

const IMAGE_ITEM = 'find-source-image';
const TEXT_ITEM = 'find-source-text';

/** The right-click "Find source" items: on any picture (image search) and on selected text (keywords). */
export function registerContextMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: IMAGE_ITEM,
        title: t('findSourceImage'),
        contexts: ['image'],
      });
      browser.contextMenus.create({
        id: TEXT_ITEM,
        title: t('findSourceText'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === IMAGE_ITEM && info.srcUrl) {
      openPendingSearch({ mode: 'image', query: info.srcUrl }, tab?.windowId);
    } else if (info.menuItemId === TEXT_ITEM && info.selectionText) {
      openPendingSearch({ mode: 'keywords', query: info.selectionText.slice(0, 200) }, tab?.windowId);
    }
  });
}
