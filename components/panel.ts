import { browser } from 'wxt/browser';

/** Firefox's sidebar: not in the types, which follow Chrome's. */
interface SidebarActionApi {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

/** Chrome's list of the extension's open documents (from Chrome 116), in the shape used here. */
interface ContextsApi {
  getContexts(filter: { contextTypes: string[] }): Promise<{ windowId: number }[]>;
}

/** At run time Chrome has only sidePanel, Firefox only sidebarAction. */
function panelApis() {
  return browser as unknown as {
    sidePanel?: typeof browser.sidePanel;
    sidebarAction?: SidebarActionApi;
    runtime: Partial<ContextsApi>;
  };
}

/** What this browser calls the extension's panel: Firefox's sidebar or Chrome's side panel. */
export function panelKind(): 'sidebar' | 'sidePanel' {
  return panelApis().sidebarAction ? 'sidebar' : 'sidePanel';
}

/**
 * Opens the side panel (Chrome/Edge) or the sidebar (Firefox), for the popup's button and the background's
 * right-click items alike. Both browsers refuse unless it is called straight from the user gesture (a click,
 * a menu item), before any await: so the window is known beforehand, and the call itself is synchronous.
 */
export function openSidePanel(windowId?: number): Promise<void> {
  const api = panelApis();
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

/**
 * Whether the panel is already open in a window (no user gesture needed to ask): Firefox's `isOpen`, Chrome's
 * list of open side-panel documents. Chrome lists a side panel with no window (-1), so there one open in any
 * window counts (it takes a search left for it just the same). False when the browser can't tell.
 */
export async function isSidePanelOpen(windowId?: number): Promise<boolean> {
  const api = panelApis();
  try {
    if (api.sidebarAction) return await api.sidebarAction.isOpen(windowId === undefined ? {} : { windowId });
    if (!api.runtime.getContexts) return false;
    const open = await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    return open.some((c) => windowId === undefined || c.windowId === windowId || c.windowId === -1);
  } catch {
    return false;
  }
}
