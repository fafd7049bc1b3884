import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

/** The side panel, opened as a page pinned to one tab (`?tabId=`). */
export class SidePanelPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser, tabId: number): Promise<SidePanelPage> {
    const page = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    return new SidePanelPage(page);
  }

  get product(): Locator {
    return this.page.getByTestId('tab-product');
  }

  get title(): Locator {
    return this.product.getByTestId('product-title');
  }

  get price(): Locator {
    return this.product.getByTestId('price').first();
  }

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

  /** How the last answer travelled: gateway-tab, page-mtop or cache. */
  async via(): Promise<string | null> {
    return this.page.getByTestId('search-meta').getAttribute('data-via');
  }

  /** The query box's suggestion list (a datalist the browser shows under the input). */
  async suggestions(): Promise<string[]> {
    return this.page
      .getByTestId('query-suggestions')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  offer(offerId: string): Locator {
    return this.page.getByTestId('search-results').locator(`[data-offer-id="${offerId}"]`);
  }

  state(name: string): Locator {
    return this.page.getByTestId(`state-${name}`);
  }

  /** Types a query (when given), searches, and waits until an answer (offers or a state) is shown. */
  async search(query?: string, mode: 'keywords' | 'image' = 'keywords'): Promise<void> {
    await this.page.getByTestId('search-mode').selectOption(mode);
    if (query !== undefined) await this.query.fill(query);
    const previous = await this.page
      .getByTestId('search-panel')
      .evaluate((el) => el.getAttribute('data-answers'));
    await this.page.getByTestId('search-button').click();
    await this.page.waitForFunction(
      (prev) => document.querySelector('[data-testid="search-panel"]')?.getAttribute('data-answers') !== prev,
      previous,
      { timeout: 60_000 },
    );
  }
}
