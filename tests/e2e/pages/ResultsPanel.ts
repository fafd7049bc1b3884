import type { Locator, Page } from 'playwright-core';

/**
 * The side panel's results: the virtualised list of offer cards (only the cards in view are in the page), the
 * toolbar (quantity, order), the compare tray and view, and the keep and ask sheets.
 */
export class ResultsPanel {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByTestId('results-list');
  }

  /** The cards in the page now (those in view and a few either side). */
  get cards(): Locator {
    return this.page.getByTestId('search-results').getByTestId('offer-card');
  }

  card(offerId: string): Locator {
    return this.page
      .getByTestId('search-results')
      .locator(`[data-testid="offer-card"][data-offer-id="${offerId}"]`);
  }

  /** How many offers the list holds (after the filters), whether or not they are in the page. */
  async count(): Promise<number> {
    return Number((await this.list.getAttribute('data-count')) ?? '0');
  }

  /** The ids of the cards in the page, top to bottom. */
  renderedIds(): Promise<string[]> {
    return this.cards.evaluateAll((cards) =>
      cards
        .map((c) => ({ id: c.getAttribute('data-offer-id') ?? '', top: c.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((c) => c.id),
    );
  }

  /**
   * Walks the list: scrolls the page from the list's top towards its end, a screen at a time, letting the
   * virtualiser render the cards scrolled into view, until `visit` says it is done or the end is reached.
   * `restore` scrolls back to where the page was.
   */
  private async walk(visit: () => Promise<boolean>, restore: boolean): Promise<void> {
    const start = await this.page.evaluate(() => window.scrollY);
    await this.list.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY));
    await this.nextFrame();
    for (let step = 0; step < 400; step++) {
      if (await visit()) break;
      const atEnd = await this.page.evaluate(() => {
        const before = window.scrollY;
        window.scrollBy(0, Math.max(200, window.innerHeight - 200));
        return window.scrollY === before;
      });
      await this.nextFrame();
      if (atEnd) {
        await visit();
        break;
      }
    }
    if (restore) await this.page.evaluate((y) => window.scrollTo(0, y), start);
  }

  private nextFrame(): Promise<unknown> {
    return this.page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
  }

  /** Every offer the list shows, in order (a virtualised list has only those in view in the page). */
  async allIds(): Promise<string[]> {
    const total = await this.count();
    const seen: string[] = [];
    await this.walk(async () => {
      for (const id of await this.renderedIds()) if (!seen.includes(id)) seen.push(id);
      return seen.length >= total;
    }, true);
    return seen;
  }

  /** Whether any offer in the list has a mark (`offer-ad`, `offer-seen`…). */
  async anyCardHas(testId: string): Promise<boolean> {
    const marked = this.cards.getByTestId(testId);
    let found = (await marked.count()) > 0;
    if (!found)
      await this.walk(async () => {
        found = (await marked.count()) > 0;
        return found;
      }, true);
    return found;
  }

  /** The card of an offer, scrolled into view (the list is walked until the card is rendered). */
  async reveal(offerId: string): Promise<Locator> {
    const card = this.card(offerId);
    if ((await card.count()) === 0) await this.walk(async () => (await card.count()) > 0, false);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  /** The order the shown offers are in. */
  async setSort(sort: 'match' | 'unit-price' | 'margin' | 'sales' | 'repurchase'): Promise<void> {
    await this.page.getByTestId('results-sort').selectOption(sort);
  }

  /** The card holding the keyboard focus, by its offer id (null when focus is elsewhere). */
  focusedId(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('data-testid') === 'offer-card' ? el.getAttribute('data-offer-id') : null;
    });
  }

  get keepDialog(): Locator {
    return this.page.getByTestId('keep-dialog');
  }

  /** Keeps an offer through its Keep button and the keep sheet, with a note and tags. */
  async keep(offerId: string, opts: { note?: string; tags?: string[] } = {}): Promise<void> {
    await (await this.reveal(offerId)).getByTestId('offer-keep').click();
    await this.keepDialog.waitFor();
    if (opts.note !== undefined) await this.keepDialog.getByTestId('keep-note').fill(opts.note);
    for (const tag of opts.tags ?? []) {
      await this.keepDialog.getByTestId('keep-tags').fill(tag);
      await this.keepDialog.getByTestId('keep-tags').press('Enter');
    }
    await this.keepDialog.getByTestId('keep-save').click();
    await this.keepDialog.waitFor({ state: 'detached' });
  }

  get askDialog(): Locator {
    return this.page.getByTestId('ask-dialog');
  }

  get compareTray(): Locator {
    return this.page.getByTestId('compare-tray');
  }

  get compareView(): Locator {
    return this.page.getByTestId('compare-view');
  }

  /** The results area's own confirmation line (its toast). */
  get toast(): Locator {
    return this.page.getByTestId('ranked-offers').getByTestId('toast');
  }

  /**
   * Catches what the page writes to the clipboard (headless Chromium cannot grant an extension page the
   * clipboard): `navigator.clipboard.writeText` records its text in the page instead.
   */
  async catchClipboard(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __copied: string[] };
      w.__copied = [];
      navigator.clipboard.writeText = async (text: string) => {
        w.__copied.push(text);
      };
    });
  }

  /** What was written to the clipboard since `catchClipboard`, oldest first. */
  copied(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __copied?: string[] }).__copied ?? []);
  }
}
