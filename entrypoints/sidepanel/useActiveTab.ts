import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pinnedTabId } from './boot';

/**
 * The tab the side panel follows: the active tab of its window, updated when the user switches tabs.
 * `?tabId=N` pins it to one tab (used when the panel is opened as a page, e.g. by tests or from the popup).
 */
export function useActiveTab(): number | null {
  const pinned = pinnedTabId();
  const [tabId, setTabId] = useState<number | null>(pinned);
  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    const refresh = () =>
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
        windowId = tab?.windowId;
        setTabId(tab?.id ?? null);
      });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [pinned]);
  return tabId;
}
