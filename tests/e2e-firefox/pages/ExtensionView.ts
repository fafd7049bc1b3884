import type { DomAction, ViewRef } from '../../../entrypoints/background/e2e-commands';
import { poll } from '../../e2e/support/wait';
import type { Driver } from '../support/driver';

/** A CSS selector for a `data-testid`, optionally inside others: tid('results', 'offer-card'). */
export function tid(...ids: string[]): string {
  return ids.map((id) => `[data-testid="${id}"]`).join(' ');
}

/**
 * An extension page (in a tab, or the open sidebar or popup) read and acted on through the test build's command
 * hook: WebDriver BiDi cannot reach moz-extension:// documents, the extension's background can. Clicks and typing
 * are DOM events (not trusted input); what they exercise is the page's own handlers and its talk to the background.
 */
export class ExtensionView {
  constructor(
    readonly driver: Driver,
    readonly ref: ViewRef,
  ) {}

  private dom<T>(action: DomAction, selector: string, value?: string): Promise<T> {
    return this.driver.send<T>({ op: 'dom', view: this.ref, action, selector, value });
  }

  count(selector: string): Promise<number> {
    return this.dom('count', selector);
  }
  text(selector: string): Promise<string | null> {
    return this.dom('text', selector);
  }
  texts(selector: string): Promise<string[]> {
    return this.dom('texts', selector);
  }
  attr(selector: string, name: string): Promise<string | null> {
    return this.dom('attr', selector, name);
  }
  attrs(selector: string, name: string): Promise<(string | null)[]> {
    return this.dom('attrs', selector, name);
  }
  value(selector: string): Promise<string | null> {
    return this.dom('value', selector);
  }
  async click(selector: string): Promise<void> {
    await this.waitFor(selector);
    await this.dom('click', selector);
  }
  async fill(selector: string, value: string): Promise<void> {
    await this.waitFor(selector);
    await this.dom('fill', selector, value);
  }
  async enter(selector: string): Promise<void> {
    await this.dom('enter', selector);
  }

  /** The page's text, for a failing test's message (no screenshots: BiDi cannot capture extension pages). */
  async describe(): Promise<string> {
    const text = await this.text('body').catch((e: Error) => `(unreadable: ${e.message})`);
    return `${JSON.stringify(this.ref)}: ${(text ?? '').replace(/\s+/g, ' ').slice(0, 1500)}`;
  }

  /** Closes the tab the page is in (nothing for the sidebar or the popup). */
  async close(): Promise<void> {
    if ('tabId' in this.ref)
      await this.driver.send({ op: 'api', path: 'tabs.remove', args: [this.ref.tabId] });
  }

  /** Waits until at least `n` elements match (or, with n = 0, until none does); returns the count. */
  waitFor(selector: string, n = 1, timeoutMs = 30_000): Promise<number> {
    return poll(
      () => this.count(selector).catch(() => -1),
      (c) => (n === 0 ? c === 0 : c >= n),
      { what: n === 0 ? `${selector} gone` : `${n} × ${selector}`, timeoutMs },
    );
  }
}

/**
 * Runs a test body; when it fails, adds the text of every extension page it opened to the error (the Firefox
 * counterpart of the Chromium tests' failure screenshots).
 */
export async function explainFailure(views: ExtensionView[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const notes = await Promise.all(views.map((v) => v.describe()));
    if (error instanceof Error) error.message += `\n--- extension pages ---\n${notes.join('\n')}`;
    throw error;
  }
}
