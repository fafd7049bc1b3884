/// <reference types="chrome" />
import { join } from 'node:path';
import { type ExtensionBrowser, launchWithExtension, ROOT } from './browser';
import { type FixtureServer, type RequestHandler, startFixtureServer } from './fixture-server';
import { recordMessages } from './messages';
import { poll } from './wait';

export interface Harness {
  server: FixtureServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/**
 * Fixture server + Chromium with the built extension, wired together, with every message that reaches the
 * background logged (support/messages.ts). One per test file.
 */
export async function startHarness(
  extraHosts?: Record<string, RequestHandler>,
  opts: { lang?: string; extensionDir?: string } = {},
): Promise<Harness> {
  const server = await startFixtureServer({
    root: ROOT,
    sitesDir: join(ROOT, 'tests', 'fixtures', 'sites'),
    extraHosts,
  });
  const browser = await launchWithExtension({
    hosts: server.hosts,
    port: server.port,
    lang: opts.lang,
    extensionDir: opts.extensionDir,
  });
  await recordMessages(browser);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The id of the tab a page lives in, asked of the extension (the active tab of the last focused window). */
export async function activeTabId(h: Harness): Promise<number> {
  return h.browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Counts rows of one table of the extension's database, read from an extension page. */
export async function countRows(h: Harness, table: string): Promise<number> {
  const page = await h.browser.openExtensionPage('options.html');
  try {
    return await page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains(name)) return resolve(0);
            const request = database.transaction(name).objectStore(name).count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
      table,
    );
  } finally {
    await page.close();
  }
}

/**
 * Waits until the background has settled every recorded price into the history (storage/price-inbox.ts: about a
 * second after the recording), so `priceObservations` and `priceLatest` hold them.
 */
export async function pricesSettled(h: Harness): Promise<void> {
  await poll(
    () => countRows(h, 'priceInbox'),
    (n) => n === 0,
    { what: 'the price inbox settled', intervalMs: 250 },
  );
}

/**
 * One row of the extension's database by primary key, or by the key of one of its indexes (the first match),
 * read from an extension page; undefined when absent.
 */
export async function readRow(h: Harness, table: string, key: string, index?: string): Promise<unknown> {
  const page = await h.browser.openExtensionPage('options.html');
  try {
    return await page.evaluate(
      ([name, k, by]) =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction(name as string).objectStore(name as string);
            const request = (by ? store.index(by) : store).get(k as string);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
      [table, key, index ?? null] as const,
    );
  } finally {
    await page.close();
  }
}

/** Every row of one table of the extension's database, in primary key order, read from an extension page. */
export async function readRows<T = unknown>(h: Harness, table: string): Promise<T[]> {
  const page = await h.browser.openExtensionPage('options.html');
  try {
    return await page.evaluate(
      (name) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('sourcelens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result as T[]);
            request.onerror = () => reject(request.error);
          };
        }),
      table,
    );
  } finally {
    await page.close();
  }
}
