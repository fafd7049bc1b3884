import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Helper tabs a source's requests run in: an inactive tab kept open on the source's own origin (the route kind
 * `origin-tab` in core/sources/definition.ts), and scripts run in a tab's page world.
 */

/** Close a helper tab after this long without a request. */
const IDLE_CLOSE_MS = 2 * 60 * 1000;
const LOAD_TIMEOUT_MS = 20_000;

/** Helper tab per origin; the ids survive a service-worker restart in session storage. */
const tabIdsItem = storage.defineItem<Record<string, number>>('session:originTabIds', { fallback: {} });
const idleTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** Resolves when the tab has finished loading its document (polled: no `tabs` permission needed). */
export async function waitForComplete(tabId: number, what = 'the source page'): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    if (tab.status === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${what} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function rememberTab(origin: string, tabId: number | null): Promise<void> {
  const ids = { ...(await tabIdsItem.getValue()) };
  if (tabId === null) delete ids[origin];
  else ids[origin] = tabId;
  await tabIdsItem.setValue(ids);
}

/**
 * An inactive background tab on a source's own origin (`https://host/`), opened on demand, reused while
 * requests go on and closed when idle. Requests run in that page's MAIN world, so they are first-party and
 * same-origin and carry the user's own cookies for the site (including the one a solved slider sets).
 */
export async function originTab(origin: string): Promise<number> {
  return (await originTabAt(origin, origin)).tabId;
}

/**
 * The helper tab on `origin`, opened at `startUrl` (a page of that origin) when there is none: `opened` says so,
 * and then the tab shows `startUrl` itself, with its scripts run — the offer reader reads it as it is instead
 * of fetching it again.
 */
export async function originTabAt(
  origin: string,
  startUrl: string,
): Promise<{ tabId: number; opened: boolean }> {
  if (!startUrl.startsWith(origin)) throw new Error(`${startUrl} is not on ${origin}`);
  const known = (await tabIdsItem.getValue())[origin];
  if (known !== undefined) {
    const tab = await browser.tabs.get(known).catch(() => null);
    if (tab?.id !== undefined && tab.url?.startsWith(origin)) {
      scheduleIdleClose(origin, tab.id);
      return { tabId: tab.id, opened: false };
    }
  }
  const created = await browser.tabs.create({ url: startUrl, active: false });
  if (created.id === undefined) throw new Error(`could not open ${origin}`);
  await rememberTab(origin, created.id);
  await waitForComplete(created.id, origin);
  scheduleIdleClose(origin, created.id);
  return { tabId: created.id, opened: true };
}

/** Shows `url` (on the tab's own origin) in the helper tab and waits until it has loaded and run its scripts. */
export async function showInTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
  // The update is asynchronous: wait for the new document to start loading before waiting for it to finish.
  const started = Date.now();
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    if (tab.status === 'loading' || tab.url === url || Date.now() - started > 2000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await waitForComplete(tabId, url);
}

function scheduleIdleClose(origin: string, tabId: number): void {
  clearTimeout(idleTimers.get(origin));
  idleTimers.set(
    origin,
    setTimeout(() => {
      idleTimers.delete(origin);
      void browser.tabs.remove(tabId).catch(() => {});
      void rememberTab(origin, null);
    }, IDLE_CLOSE_MS),
  );
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
