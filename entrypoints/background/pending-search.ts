import { openSidePanel } from '../../components/panel';
import { safeHttpUrl } from '../../core/url';
import { pendingSearch, type SearchRequestFromPage } from '../../storage/pending-search';

/**
 * Hands a search to the side panel and opens it. The panel must be opened first, synchronously inside the
 * click's user gesture, or the browser refuses; the panel picks the search up from session storage. Resolves
 * with whether the browser opened the panel.
 */
export function openPendingSearch(search: SearchRequestFromPage, windowId?: number): Promise<boolean> {
  // data:/blob: pictures can't be fetched safely.
  if (search.mode === 'image' && !safeHttpUrl(search.query)) return Promise.resolve(false);
  // A panel that cannot open (no window, another browser) still leaves the search for when it is opened.
  const opened = openSidePanel(windowId).then(
    () => true,
    () => false,
  );
  void leavePendingSearch(search);
  return opened;
}

/** Leaves a search for the side panel (null: none, so a panel opened now shows the tab as it is). */
export function leavePendingSearch(search: SearchRequestFromPage | null): Promise<void> {
  return pendingSearch.setValue(search ? { ...search, at: Date.now() } : null);
}
