import { browser } from 'wxt/browser';

/** Firefox's sidebar: not in the types, which follow Chrome's. */
interface SidebarActionApi {
  open(): Promise<void>;
}

/**
 * Opens the side panel (Chrome/Edge) or the sidebar (Firefox), for the popup's button and the background's
 * right-click items alike. Both browsers refuse unless it is called straight from the user gesture (a click,
 * a menu item), before any await: so the window is known beforehand, and the call itself is synchronous.
 */
export function openSidePanel(windowId?: number): Promise<void> {
  // At run time Chrome has only sidePanel, Firefox only sidebarAction.
  const api = browser as unknown as {
    sidePanel?: typeof browser.sidePanel;
    sidebarAction?: SidebarActionApi;
  };
  // Outside a user gesture Firefox throws at once ("may only be called from a user input handler") rather than
  // rejecting: turn that into a rejection so callers' `.catch` and the steps after the call still run.
  if (api.sidebarAction) {
    try {
      return api.sidebarAction.open();
    } catch (error) {
      return Promise.reject(error);
    }
  }
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  return Promise.reject(new Error('no side panel in this browser'));
}
