import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchNavigation } from '../../content/navigation';
import { detectProduct } from '../../core/detect';
import { hasProductSignal } from '../../core/detect/signal';
import type { DetectedProduct } from '../../core/detect/types';
import { type BucketOptions, TokenBuckets } from '../../core/rate/token-bucket';
import { sendMessage } from '../../messaging/client';

/** Wait for the DOM to settle this long after the last change before detecting again. */
const SETTLE_MS = 400;
/** …but never longer than this while a page keeps changing (a page that rewrites itself every 10 ms). */
const MAX_WAIT_MS = 2000;
/** Re-detections allowed per location before the observer gives up until the next navigation. */
const MAX_RUNS_PER_LOCATION = 25;
/**
 * Detections over the page's whole life, whatever it navigates to: a burst of 40, then one every 3 s. A page
 * that floods pushState (each a new location, each resetting the per-location count) runs the detector — and
 * reports — at most 60 times in its first minute and 20 a minute after. Navigation never refills it.
 */
export const PAGE_RUN_BUDGET: BucketOptions = { capacity: 40, refillMs: 3000 };

type Detect = (doc: Document, url: string) => DetectedProduct | null;
const engine = () => (globalThis as unknown as { sourcelensDetect?: Detect }).sourcelensDetect;

/**
 * Chrome/Edge: import the engine from the extension only now (a dynamic URL per session). Firefox's add-on
 * linter refuses a computed import(), so there the engine ships inside this script; the branch not taken is
 * dropped at build time.
 */
async function loadEngine(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    (globalThis as unknown as { sourcelensDetect?: Detect }).sourcelensDetect = detectProduct;
  } else {
    await import(/* @vite-ignore */ browser.runtime.getURL('/detector.js'));
  }
}

/**
 * The product on the page, or null. The cheap signal check runs here; the first time a page shows a signal,
 * this script imports the engine itself (loadEngine: `detector.js` from the extension, into this isolated
 * world; see entrypoints/detector.ts). The background takes no part in loading it.
 */
async function detectSafely(): Promise<DetectedProduct | null> {
  try {
    const url = location.href;
    if (!hasProductSignal(document, url)) return null;
    if (!engine()) await loadEngine();
    return engine()?.(document, url) ?? null;
  } catch {
    return null; // a hostile page must never see an exception from us
  }
}

/**
 * Runs detection now, on single-page-app navigation, and on (debounced, bounded) DOM changes, and tells the
 * background only when the result changed. Stops when the extension context goes away (update or reload).
 * `onDetected` hears every result (a picture may appear after the product did) and null as soon as the page
 * navigates, before the new page is looked at.
 */
export function startSpotter(
  ctx: ContentScriptContext,
  onDetected: (product: DetectedProduct | null) => void = () => {},
): void {
  let lastReported = 'null';
  let runs = 0;
  let settleTimer: number | undefined;
  let firstPendingAt = 0;
  let observer: MutationObserver | null = null;
  const budget = new TokenBuckets<'page'>(PAGE_RUN_BUDGET);

  const report = async (product: DetectedProduct | null) => {
    const fingerprint = JSON.stringify(product);
    if (fingerprint === lastReported) return;
    const previous = lastReported;
    lastReported = fingerprint;
    try {
      if (product) await sendMessage('productSpotted', { product, pageUrl: location.href });
      else if (previous !== 'null') await sendMessage('productCleared', {});
    } catch {
      // Context invalidated (extension reloaded) or the background refused: nothing useful to do in the page.
      if (!ctx.isValid) stop();
    }
  };

  const run = () => {
    settleTimer = undefined;
    firstPendingAt = 0;
    if (!ctx.isValid) return stop();
    // Out of budget: one try when the next detection is allowed (the page's latest state is still seen).
    if (!budget.take('page', performance.now())) {
      settleTimer = ctx.setTimeout(run, PAGE_RUN_BUDGET.refillMs);
      return;
    }
    runs += 1;
    void detectSafely().then((product) => {
      const reported = report(product); // the background first: the button can wait a moment
      onDetected(product);
      return reported;
    });
    if (runs >= MAX_RUNS_PER_LOCATION) observer?.disconnect();
  };

  const schedule = () => {
    if (runs >= MAX_RUNS_PER_LOCATION) return;
    const now = performance.now();
    if (!firstPendingAt) firstPendingAt = now;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    const wait = Math.max(0, Math.min(SETTLE_MS, firstPendingAt + MAX_WAIT_MS - now));
    settleTimer = ctx.setTimeout(run, wait);
  };

  const observe = () => {
    observer?.disconnect();
    observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };

  function stop() {
    observer?.disconnect();
    observer = null;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
  }

  // Our own watcher: WXT's `wxt:locationchange` is an event the page can see (with our id) and forge.
  watchNavigation(ctx, () => {
    onDetected(null);
    runs = 0;
    observe();
    schedule();
  });
  ctx.onInvalidated(stop);

  run();
  observe();
}
