/// <reference types="chrome" />
/**
 * What reaches the background: a listener the test adds to the running service worker (the extension's code
 * is not changed) logs every runtime message with the tab that sent it. A test reads the log to see what a
 * content script said — or that it said nothing — without waiting a fixed time.
 */
import type { ExtensionBrowser } from './browser';

export interface LoggedMessage {
  /** The SourceLens message type (`productSpotted`, `productCleared`, …), or null for anything else. */
  type: string | null;
  tabId: number | null;
  /** The spotted product's title, for `productSpotted`. */
  title: string | null;
  /** The marker of a test's probe (see ShopTab.spotterPassDone), or null. */
  probe: string | null;
}

type Log = { __e2eMessages?: LoggedMessage[] };

/** Starts logging; idempotent. The log lives in the worker's global scope for the life of the worker. */
export async function recordMessages(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(() => {
    const scope = globalThis as Log;
    if (scope.__e2eMessages) return;
    const log: LoggedMessage[] = [];
    scope.__e2eMessages = log;
    // Returns nothing and never answers: the extension's own listener still answers every message.
    chrome.runtime.onMessage.addListener((message: unknown, sender) => {
      const m = (typeof message === 'object' && message !== null ? message : {}) as {
        type?: unknown;
        data?: { product?: { title?: unknown } };
        e2eProbe?: unknown;
      };
      log.push({
        type: typeof m.type === 'string' ? m.type : null,
        tabId: sender.tab?.id ?? null,
        title: typeof m.data?.product?.title === 'string' ? m.data.product.title : null,
        probe: typeof m.e2eProbe === 'string' ? m.e2eProbe : null,
      });
    });
  });
}

/** The messages one tab has sent so far, oldest first. */
export async function messagesFrom(browser: ExtensionBrowser, tabId: number): Promise<LoggedMessage[]> {
  const log = await browser.worker.evaluate(() => (globalThis as Log).__e2eMessages ?? null);
  // A restarted worker would have lost the log: say so rather than report "nothing sent".
  if (!log) throw new Error('the message log is gone (did the service worker restart?)');
  return log.filter((m) => m.tabId === tabId);
}
