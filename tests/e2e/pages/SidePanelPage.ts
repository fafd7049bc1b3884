import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

/** The side panel, opened as a page pinned to one tab (`?tabId=`). */
export class SidePanelPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser, tabId: number): Promise<SidePanelPage> {
    const page = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    return new SidePanelPage(page);
  }

  /** The header: the product on the tab. */
  get product(): Locator {
    return this.page.getByTestId('tab-product');
  }

  get title(): Locator {
    return this.product.getByTestId('product-title');
  }

  get price(): Locator {
    return this.product.getByTestId('price').first();
  }

  /** The shop as the header names it (its host). */
  get shop(): Locator {
    return this.product.getByTestId('product-site');
  }

  /** The "nothing spotted" state. */
  get noProduct(): Locator {
    return this.page.getByTestId('no-product');
  }
}

/** The search part of the side panel. */
export class SearchBox {
  constructor(readonly page: Page) {}

  get query(): Locator {
    return this.page.getByTestId('search-query');
  }

  get offers(): Locator {
    return this.page.getByTestId('search-results').getByTestId('offer-card');
  }

  /** The progress line of a running search (with its Cancel button). */
  get progress(): Locator {
    return this.page.getByTestId('search-progress');
  }

  /** How many answers the panel has shown so far (its `data-answers`). */
  async answers(): Promise<string | null> {
    return this.page.getByTestId('search-panel').getAttribute('data-answers');
  }

  /** Waits until the panel shows an answer after the `previous` count of answers. */
  async nextAnswer(previous: string | null, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction(
      (prev) => document.querySelector('[data-testid="search-panel"]')?.getAttribute('data-answers') !== prev,
      previous,
      { timeout },
    );
  }

  /** How the last answer travelled: gateway-tab, page-mtop or cache. */
  async via(): Promise<string | null> {
    return this.page.getByTestId('search-meta').getAttribute('data-via');
  }

  /** Words or picture: the segmented control's radio for `mode` (no-op when already chosen). */
  async setMode(mode: 'keywords' | 'image'): Promise<void> {
    await this.page.getByTestId('search-mode').locator(`input[value="${mode}"]`).check();
  }

  /** The mode chosen in the segmented control. */
  mode(): Promise<string | null> {
    return this.page.getByTestId('search-mode').getAttribute('data-value');
  }

  /** The query box's suggestion list (a listbox under the box; its options are in the page while it has any). */
  async suggestions(): Promise<string[]> {
    return this.page
      .getByTestId('query-suggestions')
      .locator('[role="option"]')
      .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
  }

  offer(offerId: string): Locator {
    return this.page.getByTestId('search-results').locator(`[data-offer-id="${offerId}"]`);
  }

  state(name: string): Locator {
    return this.page.getByTestId(`state-${name}`);
  }

  /** Types a query (when given), searches, and waits until an answer (offers or a state) is shown. */
  async search(query?: string, mode: 'keywords' | 'image' = 'keywords'): Promise<void> {
    await this.setMode(mode);
    if (query !== undefined) await this.query.fill(query);
    const previous = await this.answers();
    await this.page.getByTestId('search-button').click();
    await this.nextAnswer(previous);
  }
}
