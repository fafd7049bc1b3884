import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens the side panel (Chrome/Edge) or the sidebar (Firefox). Must be called straight from a user gesture
 * (a click), before any await, or the browser refuses.
 */
export function openSidePanel(windowId?: number): Promise<void> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  return Promise.reject(new Error('no side panel in this browser'));
}
