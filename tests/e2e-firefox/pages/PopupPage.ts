import type { Driver } from '../support/driver';
import { ExtensionView, tid } from './ExtensionView';

/**
 * The toolbar popup, opened for real with `action.openPopup()` (the test profile lets it open without a click:
 * `extensions.openPopupWithoutUserGesture.enabled`). It closes when another tab takes the focus: open it again.
 */
export class PopupPage extends ExtensionView {
  private constructor(driver: Driver) {
    super(driver, { type: 'popup' });
  }

  static async open(driver: Driver): Promise<PopupPage> {
    await driver.send({ op: 'api', path: 'action.openPopup', args: [] });
    const page = new PopupPage(driver);
    await page.waitFor(tid('recent-products'));
    return page;
  }

  /** Titles of the recently spotted products, newest first. */
  recentTitles(): Promise<string[]> {
    return this.texts(tid('recent-products', 'product-card', 'product-title'));
  }

  /** The shortlist's rows: the kept offers' keys (`1688:<offer id>`), in the order shown. */
  shortlistKeys(): Promise<(string | null)[]> {
    return this.attrs(tid('shortlist', 'shortlist-row'), 'data-offer-key');
  }

  /** Closes the popup (`window.close()` in it, as its own buttons do). */
  override async close(): Promise<void> {
    await this.driver.send({ op: 'dom', view: this.ref, action: 'closeWindow', selector: 'body' });
  }
}
