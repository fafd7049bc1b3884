import { browser } from 'wxt/browser';
import { safeHttpUrl } from '../../core/url';
import { pendingSearch } from '../../storage/pending-search';

interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Hands a search to the side panel and opens it. The panel must be opened first, synchronously inside the
 * click's user gesture, or the browser refuses; the panel picks the search up from session storage.
 */
export function openPendingSearch(
  search: { mode: 'image' | 'keywords'; query: string },
  windowId?: number,
): void {
  if (search.mode === 'image' && !safeHttpUrl(search.query)) return; // data:/blob: pictures can't be fetched safely
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidebarAction) void api.sidebarAction.open().catch(() => {});
  else if (api.sidePanel && windowId !== undefined) void api.sidePanel.open({ windowId }).catch(() => {});
  void pendingSearch.setValue({ ...search, at: Date.now() });
}
