import { SOURCES } from '../../core/sources/index';
import { type ProposedSearch, proposedSearch } from '../../core/sources/query/proposed';
import type { MessageData } from '../../messaging/protocol';
import type { SenderInfo } from '../../messaging/sender';
import { getTabProduct } from '../../storage/tab-state';
import { openPendingSearch } from './pending-search';

/**
 * The in-page "Find source" button's click, relayed by the spotter. The router calls this inside the message
 * event without awaiting anything first, so `sidePanel.open` still runs in the click's user gesture (Chrome
 * counts a gesture in a content script from version 116; Firefox does not, and its sidebar finds the search
 * waiting when the person opens it). The panel opens on the window of the tab that sent the click.
 */
export async function findSourceFromPage(
  search: MessageData<'findSourceFromPage'>,
  sender: SenderInfo,
): Promise<{ opened: boolean }> {
  return { opened: await openPendingSearch(search, sender.tab?.windowId) };
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
