import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { languageReady } from '../../components/language';
import { DEFAULT_SOURCE } from '../../core/sources/index';
import type { Handlers } from '../../messaging/router';
import { db } from '../../storage/db';
import { driftLog } from '../../storage/drift-log';
import { badgeEnabled } from '../../storage/settings/spotter';
import { keepOffer, setShortlistStatus, setTargetPrice, toggleShortlist } from '../../storage/shortlist';
import { clearTabProduct, getTabProduct, setTabProduct } from '../../storage/tab-state';
import { showSpottedBadge } from './badge';
import { findSourceFromPage } from './find-from-page';
import { recordHarvested } from './harvested';
import { hashPictures } from './image-hash';
import { alertsSeen } from './refresh/notify';
import { readOffer } from './sources/offer-reader';
import { cancelSearch, searchOffers, verified } from './sources/search-service';
import { suggestQueries } from './sources/suggest-service';
import { recordSpotted } from './spotted';

/** One handler per protocol message. The router has already checked the data and the sender. */
export const handlers: Handlers = {
  async productSpotted({ product, pageUrl }, sender) {
    const tabId = sender.tab?.id as number; // the router guarantees a tab for content messages
    // Rate-limited per tab and bound to the sender's own page and site before anything is stored (spotted.ts).
    const { productKey, observed, ...stored } = await recordSpotted(
      db(),
      { product, pageUrl },
      sender,
      Date.now(),
    );
    // Badge before tab state: whoever watches the state (the side panel, tests) then sees a finished update.
    if (await badgeEnabled.getValue()) await showSpottedBadge(tabId, product.kind);
    await setTabProduct(tabId, { ...stored, productKey, at: Date.now() });
    return { productKey, observed };
  },

  async productCleared(_data, sender) {
    const tabId = sender.tab?.id as number;
    await showSpottedBadge(tabId, null);
    await clearTabProduct(tabId);
    return { cleared: true };
  },

  // Bound to the sender's own source page, links rebuilt from the offer ids (harvested.ts).
  offersHarvested: (report, sender) => recordHarvested(db(), report, sender, Date.now()),

  async getTabProduct({ tabId }) {
    const state = await getTabProduct(tabId);
    if (!state) return { product: null, stored: null };
    const stored = (await db().products.get(state.productKey)) ?? null;
    return { product: state.product, stored };
  },

  async deleteAllData() {
    const database = db();
    await database.transaction('rw', database.tables, () =>
      Promise.all(database.tables.map((table) => table.clear())),
    );
    await driftLog.setValue([]);
    return { deleted: true };
  },

  searchOffers: (request) => searchOffers(request),

  suggestQueries: ({ source, prefix }) => suggestQueries(source, prefix),

  readOffer: ({ source, offerId }) => readOffer(source, offerId),

  async sourceVerified(data) {
    await verified(data?.source ?? DEFAULT_SOURCE);
    return { cleared: true };
  },

  async hashImages({ urls }) {
    return { hashes: await hashPictures(db(), urls, Date.now()) };
  },

  async toggleShortlist({ offerKey, productKey }) {
    return { kept: await toggleShortlist(db(), offerKey, productKey, Date.now()) };
  },

  async keepOffer(change) {
    return { entry: await keepOffer(db(), change, Date.now()) };
  },

  async setOfferStatus(change) {
    return { entry: await setShortlistStatus(db(), change, Date.now()) };
  },

  async setTargetPrice(change) {
    return { entry: await setTargetPrice(db(), change) };
  },

  async alertsSeen() {
    await alertsSeen();
    return { cleared: true };
  },

  cancelSearch: ({ requestId }) => ({ cancelled: cancelSearch(requestId) }),

  // No await before the panel opens: the in-page click's user gesture lasts only through this call.
  findSourceFromPage: (search, sender) => findSourceFromPage(search, sender),
  async inPageButtonText() {
    await languageReady();
    return { label: t('inPageButton'), hint: t('inPageButtonHint') };
  },
};

/** Forget a tab's product when it starts loading another document or closes. */
export function watchTabs(): void {
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') void showSpottedBadge(tabId, null).then(() => clearTabProduct(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTabProduct(tabId));
}
