import { browser } from 'wxt/browser';
import { createRouter } from '../../messaging/router';
import { registerContextMenus } from './context-menu';
import { handlers, watchTabs } from './handlers';
import { registerPanelCommand } from './panel-command';
import { watchSourceSettings } from './sources/polite';

export default defineBackground(() => {
  const route = createRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'));

  // One listener answers every message; sendResponse + `return true` behaves the same in Chrome, Firefox and
  // the test fakes (returning a Promise does not).
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  watchTabs();
  registerContextMenus();
  registerPanelCommand();
  watchSourceSettings();

  // The toolbar button opens the popup (shortlist); the side panel opens from the popup, the right-click items,
  // the in-page button, the keyboard shortcut or the browser's own side panel menu, so keep Chrome from
  // hijacking the action click.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
});
