import { browser } from 'wxt/browser';
import type { InquiryTemplateEdits } from '../../core/inquiry/templates';
import { sendMessage } from '../../messaging/client';
import type { ProtocolReplies } from '../../messaging/protocol';
import { lastSearches } from '../../storage/last-search';
import { pendingSearch } from '../../storage/pending-search';
import { inquiryTemplates } from '../../storage/settings/inquiry';
import { type MarginSettings, marginSettings } from '../../storage/settings/margin';
import { getTabProduct as readTabState } from '../../storage/tab-state';
import { LazyPriceSeen, LazyResults } from './lazy';
import { type Restored, readDisabled, restoreSearch } from './rememberedSearch';

type TabProduct = ProtocolReplies['getTabProduct'];

/**
 * What the panel's first paint waits for, asked all at once as the page starts instead of one after another as
 * components mount and run their effects: the tab's product, then its remembered search (sent again at once when
 * the cache holds its answer), the margin settings and inquiry templates the offer cards are drawn with, and the
 * results area's code. The tab's product and its search are used once, by the first read that wants them; every
 * later one (a tab switch) asks again. The two settings are kept current here (watched), so whoever renders with
 * them starts from the latest value known instead of waiting for a read.
 */
interface Boot {
  /** The tab the panel shows first (pinned, or the active one) and its product, asked together. */
  tab: { id: Promise<number | null>; product: Promise<TabProduct> } | null;
  /** The first product's remembered search, restored (and sent when cached) as soon as the product is known. */
  restored: Promise<Restored | null> | null;
  margin: MarginSettings | undefined;
  templates: InquiryTemplateEdits | undefined;
}

let boot: Boot | null = null;

/** The tab `?tabId=N` pins the panel to (tests, the popup), or null to follow the active tab. */
export function pinnedTabId(): number | null {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(pinned) && pinned > 0 ? pinned : null;
}

/** Starts the reads; called once by main.tsx before the first render. */
export function startBoot(): void {
  const pinned = pinnedTabId();
  const id =
    pinned !== null
      ? Promise.resolve(pinned)
      : browser.tabs
          .query({ active: true, currentWindow: true })
          .then(([tab]) => tab?.id ?? null)
          .catch(() => null);
  const product = id.then((tabId) =>
    tabId === null ? Promise.reject(new Error('no tab')) : sendMessage('getTabProduct', { tabId }),
  );
  // Taken later (or never): an early failure is handled by the one who takes it.
  product.catch(() => {});
  const all = lastSearches.getValue().catch(() => ({}));
  // A remembered search of a source turned off since is not restored.
  const off = readDisabled();
  // A right-click search waiting for the panel comes first: then nothing is restored.
  const pending = pendingSearch.getValue().catch(() => null);
  // The tab's product key straight from session storage (where the background keeps what the spotter reported),
  // so the remembered search goes out beside the product's own request rather than after it.
  const key = id
    .then((tabId) => (tabId === null ? null : readTabState(tabId)))
    .then((st) => st?.productKey ?? null);
  const restored = Promise.all([key, pending])
    .then(([productKey, waiting]) => (productKey && !waiting ? restoreSearch(productKey, all, off) : null))
    .catch(() => null);
  boot = {
    tab: { id, product },
    restored,
    margin: undefined,
    templates: undefined,
  };
  const b = boot;
  // A change seen before the first read answers is newer than that answer.
  let marginSeen = false;
  let templatesSeen = false;
  marginSettings.watch((value) => {
    marginSeen = true;
    b.margin = value;
  });
  inquiryTemplates.watch((value) => {
    templatesSeen = true;
    b.templates = value;
  });
  void marginSettings
    .getValue()
    .then((value) => {
      if (!marginSeen) b.margin = value;
    })
    .catch(() => {});
  void inquiryTemplates
    .getValue()
    .then((value) => {
      if (!templatesSeen) b.templates = value;
    })
    .catch(() => {});
  // The results area's code (and the prices seen, with the database), compiled while the panel waits for data;
  // asked for in the next task, once the reads above have left (see main.tsx).
  setTimeout(() => {
    void LazyResults.preload().catch(() => {});
    void LazyPriceSeen.preload().catch(() => {});
  }, 0);
}

/** What the spotter saw on `tabId`: the answer asked at start when it was for this tab (once), else asked now. */
export function tabProduct(tabId: number): Promise<TabProduct> {
  const ask = () => sendMessage('getTabProduct', { tabId });
  const first = boot?.tab;
  if (!first) return ask();
  if (boot) boot.tab = null;
  return first.id.then((id) => (id === tabId ? first.product : ask()));
}

/** The product's last search restored: the one begun at start when it was for this product (once), else now. */
export function restoredSearch(productKey: string): Promise<Restored | null> {
  const first = boot?.restored;
  if (!first) return restoreSearch(productKey);
  if (boot) boot.restored = null;
  return first.then((r) => (r?.productKey === productKey ? r : restoreSearch(productKey)));
}

/** The margin settings, once read (the results can then rank in their first render). */
export function bootMargin(): MarginSettings | undefined {
  return boot?.margin;
}

/** The person's inquiry template edits, once read (the ask sheet opens with their own wording). */
export function bootTemplates(): InquiryTemplateEdits | undefined {
  return boot?.templates;
}
