/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

/** A shop page in its own tab, plus what the extension knows about that tab. */
export class ShopTab {
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

  /** Polls until the toolbar mark on this tab reads `text`. */
  async waitForBadge(text: string): Promise<void> {
    while ((await this.badge()) !== text) await this.page.waitForTimeout(100);
  }

  /** What the spotter reported for this tab, as the background holds it (null when nothing). */
  reported(): Promise<{
    title: string;
    site: string;
    price: { minor: number; currency: string } | null;
    kind: string;
  } | null> {
    return this.browser.worker.evaluate(async (tabId) => {
      const key = `tab:${tabId}`;
      const got = await chrome.storage.session.get(key);
      const state = got[key] as
        | { product?: { title: string; site: string; price: unknown; kind: string } }
        | undefined;
      return (state?.product ?? null) as never;
    }, this.tabId);
  }

  /** Polls until the background holds a report matching `predicate` (or the test's timeout ends it). */
  async waitForReport(
    predicate: (r: Awaited<ReturnType<ShopTab['reported']>>) => boolean,
  ): Promise<Awaited<ReturnType<ShopTab['reported']>>> {
    for (;;) {
      const r = await this.reported();
      if (predicate(r)) return r;
      await this.page.waitForTimeout(100);
    }
  }
}
