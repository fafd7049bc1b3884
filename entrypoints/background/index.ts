import { browser } from 'wxt/browser';
import { startBackgroundLanguage } from '../../components/language';
import { createRouter } from '../../messaging/router';
import { registerContextMenus, retitleContextMenus } from './context-menu';
import { installE2eHook } from './e2e-hook';
import { handlers, watchTabs } from './handlers';
import { watchInbox } from './inbox-settle';
import { watchMaintenance } from './maintenance';
import { registerPanelCommand } from './panel-command';
import { watchRefresh } from './refresh/schedule';
import { watchHelperTabs } from './sources/origin-tab';
import { watchSourceSettings } from './sources/polite';
import { restrictSessionStorage } from './storage-access';

export default defineBackground(() => {
  const route = createRouter(handlers, browser.runtime.id, browser.runtime.getURL('/'));

  // One listener answers every message; sendResponse + `return true` behaves the same in Chrome, Firefox and
  // the test fakes (returning a Promise does not).
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });

  watchTabs();
  watchHelperTabs();
  restrictSessionStorage();
  registerContextMenus();
  // The language chosen in the options (or the browser's): the menu items follow it once read, and on a change.
  void startBackgroundLanguage(retitleContextMenus).then(retitleContextMenus);
  registerPanelCommand();
  watchSourceSettings();
  watchRefresh();
  watchMaintenance();
  watchInbox();
  // Test builds only (`--mode e2e`): this branch and e2e-hook.ts are dropped from shipped builds.
  if (import.meta.env.MODE === 'e2e') installE2eHook();

  // The toolbar button opens the popup (shortlist); the side panel opens from the popup, the right-click items,
  // the in-page button, the keyboard shortcut or the browser's own side panel menu, so keep Chrome from
  // hijacking the action click.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
});
