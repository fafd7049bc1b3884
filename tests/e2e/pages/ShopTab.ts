/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';
import { type LoggedMessage, messagesFrom } from '../support/messages';
import { poll } from '../support/wait';

/** What the background holds for a tab: the spotted product and when it was reported. */
export interface TabReport {
  title: string;
  site: string;
  price: { minor: number; currency: string } | null;
  kind: string;
}

/** A shop page in its own tab, plus what the extension knows about that tab. */
export class ShopTab {
  private probes = 0;

  private constructor(
    readonly page: Page,
    readonly tabId: number,
    private readonly browser: ExtensionBrowser,
  ) {}

  static async open(browser: ExtensionBrowser, url: string): Promise<ShopTab> {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.bringToFront();
    const tabId = await browser.worker.evaluate(async (href) => {
      const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const tab = tabs[0];
      if (tab?.id === undefined) throw new Error(`no active tab for ${href}`);
      return tab.id;
    }, url);
    return new ShopTab(page, tabId, browser);
  }

  /** The toolbar mark on this tab ('' when none). */
  badge(): Promise<string> {
    return this.browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), this.tabId);
  }

  /** Waits until the toolbar mark on this tab reads `text`. */
  async waitForBadge(text: string): Promise<void> {
    await poll(
      () => this.badge(),
      (badge) => badge === text,
      { what: `the badge "${text}"` },
    );
  }

  /** What the background holds for this tab (its session storage entry), or null. */
  private state(): Promise<{ product: TabReport | null; at: number } | null> {
    return this.browser.worker.evaluate(async (tabId) => {
      const key = `tab:${tabId}`;
      const got = await chrome.storage.session.get(key);
      const state = got[key] as { product?: TabReport; at?: number } | undefined;
      return state ? { product: state.product ?? null, at: state.at ?? 0 } : null;
    }, this.tabId);
  }

  /** What the spotter reported for this tab, as the background holds it (null when nothing). */
  async reported(): Promise<TabReport | null> {
    return (await this.state())?.product ?? null;
  }

  /** When the background last recorded a report for this tab (0 when it holds none). */
  async reportedAt(): Promise<number> {
    return (await this.state())?.at ?? 0;
  }

  /** Waits until the background holds a report matching `predicate`, recorded after `after` when given. */
  async waitForReport(
    predicate: (r: TabReport | null) => boolean,
    { after = -1 }: { after?: number } = {},
  ): Promise<TabReport | null> {
    const state = await poll(
      () => this.state(),
      (s) => (s?.at ?? 0) > after && predicate(s?.product ?? null),
      { what: `a report on tab ${this.tabId}` },
    );
    return state?.product ?? null;
  }

  /** The messages this tab's content scripts have sent the background so far (the harness logs them). */
  messages(): Promise<LoggedMessage[]> {
    return messagesFrom(this.browser, this.tabId);
  }

  /**
   * Resolves once the spotter has finished its first pass over the current document, and returns what the tab
   * had told the background by then. The spotter says nothing on a page without a product, so "nothing was
   * reported" needs a point after which a report would have been seen; this is it, with no fixed wait:
   *
   * 1. Through DevTools, wait for the extension's isolated world in the page's main frame: it exists once the
   *    content scripts were injected (document_idle), and a script evaluated there runs after theirs.
   * 2. There, read extension storage. Storage answers in the order it is asked, so this read completes after
   *    the spotter's own first step, the read of its on/off setting; what the spotter does next on a page
   *    without a product signal (check the page, report) runs in that same turn, before this read's answer.
   * 3. Then send a marked message from the same world. Messages from one frame reach the background in order,
   *    so every message of the spotter's first pass is in the log before the marker.
   *
   * Only meaningful on a page without a product signal: on a page with one the spotter loads its engine first,
   * which this does not wait for (the tests that use it check the signal is absent).
   */
  async spotterPassDone(): Promise<LoggedMessage[]> {
    this.probes += 1;
    const marker = `probe-${this.tabId}-${this.probes}`;
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
      await cdp.send('Runtime.enable');
      const ours = () =>
        contexts.find(
          (c) =>
            c.auxData?.type === 'isolated' &&
            c.auxData.frameId === frameTree.frame.id &&
            c.origin.includes(this.browser.extensionId),
        );
      const world = await poll(
        async () => ours(),
        (c) => c !== undefined,
        { what: "the extension's content-script world in the page" },
      );
      const reply = (await cdp.send('Runtime.evaluate', {
        contextId: world?.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `(async () => {
          await chrome.storage.sync.get('spotterEnabled');
          await chrome.runtime.sendMessage({ e2eProbe: ${JSON.stringify(marker)} }).catch(() => undefined);
          return true;
        })()`,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      if (reply.result.value !== true) throw new Error(`probe failed: ${JSON.stringify(reply)}`);
    } finally {
      await cdp.detach();
    }
    const log = await poll(
      () => this.messages(),
      (messages) => messages.some((m) => m.probe === marker),
      { what: `the probe ${marker} in the background's message log` },
    );
    // What came before the marker, earlier probes left out.
    return log
      .slice(
        0,
        log.findIndex((m) => m.probe === marker),
      )
      .filter((m) => m.probe === null);
  }
}
