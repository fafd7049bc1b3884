import { poll } from '../../e2e/support/wait';
import type { Driver } from '../support/driver';
import { ExtensionView, tid } from './ExtensionView';

/**
 * Firefox's sidebar: the side panel entrypoint as `sidebar_action.default_panel`. Firefox opens an add-on's
 * sidebar when the add-on is installed, so it is open from the start; it follows the active tab of its window.
 */
export class SidebarPage extends ExtensionView {
  constructor(driver: Driver) {
    super(driver, { type: 'sidebar' });
  }

  /** The spotted product's title in the header. */
  title(): Promise<string | null> {
    return this.text(tid('tab-product', 'product-title'));
  }

  answers(): Promise<string | null> {
    return this.attr(tid('search-panel'), 'data-answers');
  }

  /** Types a query, searches, and waits until an answer (offers or a state) is shown. */
  async search(query: string): Promise<void> {
    await this.fill(tid('search-query'), query);
    const before = await this.answers();
    await this.click(tid('search-button'));
    await poll(
      () => this.answers(),
      (a) => a !== null && a !== before,
      { what: 'an answer in the search panel', timeoutMs: 60_000 },
    );
  }

  /** The offer ids of the result cards in the page. */
  offerIds(): Promise<(string | null)[]> {
    return this.attrs(tid('search-results', 'offer-card'), 'data-offer-id');
  }

  card(offerId: string): string {
    return `${tid('search-results')} [data-testid="offer-card"][data-offer-id="${offerId}"]`;
  }

  /** Keeps an offer through its Keep button and the keep sheet, with a note. */
  async keep(offerId: string, note?: string): Promise<void> {
    await this.click(`${this.card(offerId)} ${tid('offer-keep')}`);
    await this.waitFor(tid('keep-dialog'));
    if (note !== undefined) await this.fill(tid('keep-dialog', 'keep-note'), note);
    await this.click(tid('keep-dialog', 'keep-save'));
    await this.waitFor(tid('keep-dialog'), 0);
  }
}
