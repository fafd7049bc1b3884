import type { CDPSession, Page } from 'playwright-core';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the in-page button shows, read through DevTools (its shadow root is closed to the page and to tests). */
export interface FindButtonState {
  /** Shown (not hidden) with a box on the page. */
  shown: boolean;
  /** The button's box in viewport coordinates. */
  box: Rect;
  text: string;
  /** A set of its computed styles (the look a hostile page would try to change). */
  style: Record<string, string>;
  /** The host element: its tag, its attributes (name=value), its box. */
  host: { tag: string; attributes: string[]; box: Rect };
  /** The notice beside the button (how to open the panel), when one is shown. */
  notice: { text: string; role: string | null; box: Rect } | null;
}

/** Computed properties compared between a plain page and a hostile one. */
export const LOOK = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'text-transform',
  'color',
  'background-color',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-top-left-radius',
  'outline-style',
  'box-shadow',
  'box-sizing',
  'width',
  'height',
  'display',
  'position',
  'opacity',
  'transform',
  'direction',
  'cursor',
  'visibility',
] as const;

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  nodeValue?: string;
}

/**
 * The "Find source" button SourceLens puts over a product picture. Its shadow root is closed, so neither the
 * page nor Playwright's selectors reach it: DevTools does (`DOM.getDocument` with `pierce`), as it sees every
 * tree. Boxes and styles are read with the page's own DOM functions on the node DevTools resolves.
 */
export class FindButton {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<FindButton> {
    return new FindButton(page, await page.context().newCDPSession(page));
  }

  /** The button's state now, or null when SourceLens put nothing on the page (or the button is hidden). */
  async state(): Promise<FindButtonState | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const found = findClosedButton(root);
    if (!found) return null;
    const read = async (nodeId: number, fn: string) => {
      const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId })) as {
        object: { objectId: string };
      };
      const reply = (await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: fn,
        arguments: [{ value: [...LOOK] }],
        returnByValue: true,
      })) as { result: { value: unknown } };
      return reply.result.value;
    };
    const button = (await read(
      found.button.nodeId,
      `function (props) {
        const r = this.getBoundingClientRect();
        const cs = getComputedStyle(this);
        const style = {};
        for (const p of props) style[p] = cs.getPropertyValue(p);
        return { hidden: this.hidden, box: { x: r.x, y: r.y, width: r.width, height: r.height }, text: this.textContent, style };
      }`,
    )) as { hidden: boolean; box: Rect; text: string; style: Record<string, string> };
    const hostBox = (await read(
      found.host.nodeId,
      `function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }`,
    )) as Rect;
    const notice = found.notice
      ? ((await read(
          found.notice.nodeId,
          `function () {
            if (this.hidden) return null;
            const r = this.getBoundingClientRect();
            return { text: this.textContent, role: this.getAttribute('role'), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
          }`,
        )) as FindButtonState['notice'])
      : null;
    const attrs = found.host.attributes ?? [];
    const attributes: string[] = [];
    for (let i = 0; i < attrs.length; i += 2) attributes.push(`${attrs[i]}=${attrs[i + 1]}`);
    const shown = !button.hidden && button.box.width > 0 && button.box.height > 0;
    return {
      shown,
      box: button.box,
      text: button.text,
      style: button.style,
      host: { tag: found.host.nodeName, attributes, box: hostBox },
      notice,
    };
  }

  /** Waits until the button is shown (or, with `false`, until it is not) and returns its last state. */
  async waitShown(shown = true, timeoutMs = 15_000): Promise<FindButtonState | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.state();
      if ((state?.shown ?? false) === shown) return state;
      if (Date.now() > deadline)
        throw new Error(
          `the in-page button was ${shown ? 'not shown' : 'still shown'}: ${JSON.stringify(state)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the button shows a notice, and returns it. */
  async waitNotice(timeoutMs = 15_000): Promise<NonNullable<FindButtonState['notice']>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const notice = (await this.state())?.notice;
      if (notice) return notice;
      if (Date.now() > deadline) throw new Error('the in-page button showed no notice');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A person's click on the button: real mouse input at its centre (trusted, unlike a page's `click()`). */
  async click(): Promise<void> {
    const state = await this.waitShown();
    if (!state) throw new Error('no in-page button');
    await this.page.mouse.click(state.box.x + state.box.width / 2, state.box.y + state.box.height / 2);
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

/** The first element whose closed shadow root holds a button: SourceLens's host, its button and its notice. */
function findClosedButton(node: DomNode): { host: DomNode; button: DomNode; notice?: DomNode } | null {
  for (const shadow of node.shadowRoots ?? []) {
    if (shadow.shadowRootType !== 'closed') continue;
    const button = shadow.children?.find((c) => c.nodeName === 'BUTTON');
    if (button) return { host: node, button, notice: shadow.children?.find((c) => c.nodeName === 'P') };
  }
  for (const child of node.children ?? []) {
    const found = findClosedButton(child);
    if (found) return found;
  }
  return null;
}
