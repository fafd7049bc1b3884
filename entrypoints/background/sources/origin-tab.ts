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
/**
 * The idle close is an alarm per origin, not a timer: a timer dies with the service worker (stopped after 30 s
 * without events), and the tab would stay open for good. Re-creating an alarm of the same name replaces it.
 */
export const IDLE_ALARM_PREFIX = 'originTabIdle:';
/** Tabs being found or opened per origin: two requests at once share one tab instead of opening two. */
const opening = new Map<string, Promise<{ tabId: number; opened: boolean }>>();

/**
 * Resolves when the tab has finished loading its document and a script can run in it (polled: no `tabs`
 * permission needed).
 */
export async function waitForComplete(tabId: number, what = 'the source page'): Promise<void> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const tab = await browser.tabs.get(tabId);
    // Firefox reports a tab just created as 'complete' on its initial about:blank, before the page starts
    // loading, and may say 'complete' with the new address before that document can take a script; a script run
    // then fails. So the page counts as loaded once a script run in it finds its document complete.
    if (tab.status === 'complete' && tab.url !== 'about:blank' && (await documentComplete(tabId))) return;
    if (Date.now() > deadline) throw new Error(`${what} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a script run in the tab's top frame finds its document complete (false while it cannot run). */
async function documentComplete(tabId: number): Promise<boolean> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => document.readyState,
    });
    return result?.result === 'complete';
  } catch {
    return false;
  }
}

/**
 * Read-modify-writes of the origin → tab map, one after another: two sources opening tabs at once would
 * otherwise both read the old map and the later write would drop the other's tab (left open, never closed).
 */
let remembering: Promise<unknown> = Promise.resolve();

export function rememberTab(origin: string, tabId: number | null): Promise<void> {
  const next = remembering.then(async () => {
    const ids = { ...(await tabIdsItem.getValue()) };
    if (tabId === null) delete ids[origin];
    else ids[origin] = tabId;
    await tabIdsItem.setValue(ids);
  });
  remembering = next.catch(() => {});
  return next;
}

/** The helper tabs remembered, per origin. */
export function rememberedTabs(): Promise<Record<string, number>> {
  return tabIdsItem.getValue();
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
export function originTabAt(origin: string, startUrl: string): Promise<{ tabId: number; opened: boolean }> {
  if (!startUrl.startsWith(origin)) return Promise.reject(new Error(`${startUrl} is not on ${origin}`));
  // Set before the first await: a second request in the same turn waits for this one's tab.
  const pending = opening.get(origin);
  if (pending) return pending.then(({ tabId }) => ({ tabId, opened: false }));
  const found = findOrOpen(origin, startUrl).finally(() => opening.delete(origin));
  opening.set(origin, found);
  return found;
}

async function findOrOpen(origin: string, startUrl: string): Promise<{ tabId: number; opened: boolean }> {
  const known = (await tabIdsItem.getValue())[origin];
  if (known !== undefined) {
    const tab = await browser.tabs.get(known).catch(() => null);
    if (tab?.id !== undefined && tab.url?.startsWith(origin)) {
      await scheduleIdleClose(origin);
      return { tabId: tab.id, opened: false };
    }
  }
  const created = await browser.tabs.create({ url: startUrl, active: false });
  if (created.id === undefined) throw new Error(`could not open ${origin}`);
  await rememberTab(origin, created.id);
  // Scheduled before the wait: a tab that never finishes loading is closed all the same.
  await scheduleIdleClose(origin);
  await waitForComplete(created.id, origin);
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

/** (Re)starts the origin's idle alarm: each request pushes the close back. */
async function scheduleIdleClose(origin: string): Promise<void> {
  await browser.alarms.create(`${IDLE_ALARM_PREFIX}${origin}`, { when: Date.now() + IDLE_CLOSE_MS });
}

/** Closes the origin's helper tab (its idle alarm went off) and forgets it. */
export async function closeIdleTab(origin: string): Promise<void> {
  const tabId = (await tabIdsItem.getValue())[origin];
  if (tabId === undefined) return;
  await rememberTab(origin, null);
  await browser.tabs.remove(tabId).catch(() => {});
}

/**
 * Listens for the idle alarms; called at the background's start (top level, so a worker woken by the alarm
 * hears it).
 */
export function watchHelperTabs(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(IDLE_ALARM_PREFIX))
      void closeIdleTab(alarm.name.slice(IDLE_ALARM_PREFIX.length));
  });
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
