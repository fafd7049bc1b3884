import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** The gateway's own origin: it answers without a login redirect, unlike www/s.1688.com (PROTOCOL.md). */
export const GATEWAY_ORIGIN = 'https://h5api.m.1688.com/';
/** Close the helper tab after this long without a request. */
const IDLE_CLOSE_MS = 2 * 60 * 1000;
const LOAD_TIMEOUT_MS = 20_000;

const tabIdItem = storage.defineItem<number | null>('session:gatewayTabId', { fallback: null });
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Resolves when the tab has finished loading its document (polled: no `tabs` permission needed). */
export async function waitForComplete(tabId: number, what = 'the 1688 gateway page'): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    if (tab.status === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${what} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * An inactive background tab on the gateway origin, opened on demand, reused while searches go on and closed
 * when idle. Requests run in that page's MAIN world, so they are first-party and same-origin and carry the
 * user's own 1688 cookies (including the one a solved slider sets). The tab id survives a service-worker
 * restart in session storage.
 */
export async function gatewayTab(): Promise<number> {
  const known = await tabIdItem.getValue();
  if (known !== null) {
    const tab = await browser.tabs.get(known).catch(() => null);
    if (tab?.id !== undefined && tab.url?.startsWith(GATEWAY_ORIGIN)) {
      scheduleIdleClose(tab.id);
      return tab.id;
    }
  }
  const created = await browser.tabs.create({ url: GATEWAY_ORIGIN, active: false });
  if (created.id === undefined) throw new Error('could not open the 1688 gateway tab');
  await tabIdItem.setValue(created.id);
  await waitForComplete(created.id);
  scheduleIdleClose(created.id);
  return created.id;
}

function scheduleIdleClose(tabId: number): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    void browser.tabs.remove(tabId).catch(() => {});
    void tabIdItem.setValue(null);
  }, IDLE_CLOSE_MS);
}

/** Runs `func(...args)` in the page's own JavaScript world of a tab and returns its (awaited) result. */
export async function runInMainWorld<A extends unknown[], R>(
  tabId: number,
  func: (...args: A) => R | Promise<R>,
  args: A,
): Promise<R> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    world: 'MAIN',
    func,
    args,
  } as never);
  if (!result) throw new Error('the script did not run');
  const r = result as { result?: R; error?: unknown };
  if (r.error) throw new Error(String(r.error));
  return r.result as R;
}
