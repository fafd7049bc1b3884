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
