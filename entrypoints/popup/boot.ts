import { loadShortlist, type ShortlistData } from '../../components/shortlist/data';
import { type StartedLiveQuery, startLiveQuery } from '../../components/useLiveQuery';
import { db } from '../../storage/db';
import { recentProducts } from '../../storage/products';
import { type MarginSettings, marginSettings } from '../../storage/settings/margin';
import type { StoredProduct } from '../../storage/types';

/** Kept offers read for the first frame: more than the list shows at once. */
export const FIRST_SCREEN = 12;

/** How many recently spotted products the popup lists. */
export const RECENT_PRODUCTS = 30;

/**
 * What the popup's first frame with data waits for, asked as the page's code runs (main.tsx, before the first
 * render) instead of in the components' effects, which Preact runs only after a paint: the newest kept offers
 * with their histories (the database opens on the way), the margin settings the rows are priced with, and the
 * recently spotted products.
 */
export interface FirstReads {
  /**
   * The first screen of the shortlist, read once: a plain read rather than a live query, whose first answer
   * would come a timer later (Dexie's liveQuery runs its query in a `setTimeout` and, from inside its zone,
   * hands the answer over in another). Changes reach the popup through the whole list's live query
   * (App.tsx `all`), which starts once this is drawn and replaces it.
   */
  head: Promise<ShortlistData>;
  /** Live from the start; the popup's component takes the subscription over when it mounts. */
  products: StartedLiveQuery<StoredProduct[]>;
  margin: Promise<MarginSettings>;
}

let reads: FirstReads | null = null;

/** The first frame's reads, started on the first call (main.tsx calls it before the first render). */
export function firstReads(): FirstReads {
  if (reads) return reads;
  performance.mark('sourcelens:shortlist-asked');
  const head = loadShortlist(db(), FIRST_SCREEN).then((d) => {
    // When the first screen's data was in hand: the bench tells reading from drawing with it.
    performance.mark('sourcelens:shortlist-read');
    return d;
  });
  const margin = marginSettings.getValue();
  // Taken by the components, which report failures their own way (an empty section; the settings read again).
  head.catch(() => {});
  margin.catch(() => {});
  reads = {
    head,
    products: startLiveQuery(() => recentProducts(db(), RECENT_PRODUCTS)),
    margin,
  };
  return reads;
}
