import { openSidePanel } from '../../components/panel';
import { safeHttpUrl } from '../../core/url';
import { pendingSearch } from '../../storage/pending-search';

/**
 * Hands a search to the side panel and opens it. The panel must be opened first, synchronously inside the
 * click's user gesture, or the browser refuses; the panel picks the search up from session storage.
 */
export function openPendingSearch(
  search: { mode: 'image' | 'keywords'; query: string },
  windowId?: number,
): void {
  if (search.mode === 'image' && !safeHttpUrl(search.query)) return; // data:/blob: pictures can't be fetched safely
  // A panel that cannot open (no window, another browser) still leaves the search for when it is opened.
  void openSidePanel(windowId).catch(() => {});
  void pendingSearch.setValue({ ...search, at: Date.now() });
}
