/**
 * Our content scripts' context, in place of WXT's `ContentScriptContext` (wxt.config.ts aliases
 * `wxt/utils/content-script-context` here for every build). WXT's own context (0.21.4) tells the page that
 * SourceLens runs: on start it dispatches `<runtime id>:<script>:wxt:content-script-started` on the page's
 * `document` (and posts it to the window unless `noScriptStartedPostMessage`), and its location watcher
 * dispatches `<runtime id>:<script>:wxt:locationchange` on `window` — events a page can listen for
 * (fingerprinting: 1688 could flag SourceLens users) and forge (stopping a script, resetting its limits).
 * This one has the same API and dispatches nothing into the page: an old script stops when its extension
 * context is gone (`browser.runtime.id` unset), found on its next use; navigation is watched by
 * content/navigation.ts, which dispatches nothing either. `'wxt:…'` event types are refused.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext implements AbortController {
  private readonly abortController = new AbortController();

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((...args) => {
      if (this.isValid) callback(...args);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((...args) => {
      if (!this.signal.aborted) callback(...args);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    // WXT's synthetic events travel through the page's own event system: not here (content/navigation.ts).
    if (type.startsWith('wxt:')) throw new Error(`${type} is not available: use content/navigation.ts`);
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
