/// <reference types="chrome" />
import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/browser';

/** The toolbar popup, opened as a page. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    const page = await browser.openExtensionPage('popup.html');
    await page.getByTestId('recent-products').waitFor();
    return new PopupPage(page);
  }

  get products(): Locator {
    return this.page.getByTestId('recent-products').getByTestId('product-card');
  }

  /** Title and price text of each recently spotted product, newest first. */
  async listed(): Promise<{ title: string; price: string; site: string }[]> {
    return this.products.evaluateAll((cards) =>
      cards.map((card) => ({
        title: card.querySelector('[data-testid="product-title"]')?.textContent ?? '',
        price: card.querySelector('[data-testid="price"]')?.textContent ?? '',
        site: card.querySelector('[data-testid="product-site"]')?.textContent ?? '',
      })),
    );
  }

  /** Sends a raw runtime message from this extension page, as a forger would; returns the answer. */
  sendRaw(message: unknown): Promise<unknown> {
    return this.page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  }
}
