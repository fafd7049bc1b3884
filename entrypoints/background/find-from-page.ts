import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { languageReady } from '../../components/language';
import { isSidePanelOpen, panelKind } from '../../components/panel';
import { SOURCES } from '../../core/sources/index';
import { type ProposedSearch, proposedSearch } from '../../core/sources/query/proposed';
import type { MessageData, ProtocolReplies } from '../../messaging/protocol';
import type { SenderInfo } from '../../messaging/sender';
import { getTabProduct } from '../../storage/tab-state';
import { FIREFOX_SIDEBAR_COMMAND, OPEN_PANEL_COMMAND } from './command-names';
import { openPendingSearch } from './pending-search';

/**
 * The in-page "Find source" button's click, relayed by the spotter. The router calls this inside the message
 * event without awaiting anything first, so `sidePanel.open` still runs in the click's user gesture (Chrome
 * counts a gesture in a content script from version 116). Firefox does not count it, so there the sidebar opens
 * only when the person opens it: when it is open already it takes the search at once; when it is not, the reply
 * carries a notice for the button to show (how to open it, with the shortcut), and the search waits for it.
 */
export async function findSourceFromPage(
  search: MessageData<'findSourceFromPage'>,
  sender: SenderInfo,
): Promise<ProtocolReplies['findSourceFromPage']> {
  const windowId = sender.tab?.windowId;
  if (await openPendingSearch(search, windowId)) return { opened: true, notice: null };
  if (await isSidePanelOpen(windowId)) return { opened: true, notice: null };
  return { opened: false, notice: await openPanelNotice() };
}

/** How to open the panel, in the person's language: with its keyboard shortcut when one is set. */
async function openPanelNotice(): Promise<string> {
  const sidebar = panelKind() === 'sidebar';
  const command = sidebar ? FIREFOX_SIDEBAR_COMMAND : OPEN_PANEL_COMMAND;
  const [shortcut] = await Promise.all([
    browser.commands
      .getAll()
      .then((all) => all.find((c) => c.name === command)?.shortcut ?? '')
      .catch(() => ''),
    languageReady(),
  ]);
  if (shortcut) return sidebar ? t('findNoticeSidebarKey', [shortcut]) : t('findNoticePanelKey', [shortcut]);
  return sidebar ? t('findNoticeSidebar') : t('findNoticePanel');
}

/**
 * What "Find source for this page" searches on a tab: the proposal for the product the spotter reported there
 * (its words, or its main picture when words would lose the meaning) on the default source (the registry's
 * first), as the side panel would propose it; null when nothing was spotted.
 */
export async function searchForTab(tabId: number): Promise<ProposedSearch | null> {
  const state = await getTabProduct(tabId);
  return state ? proposedSearch(state.product, SOURCES[0]) : null;
}
