/**
 * Test builders for the shapes core declares: one place, so a field added to a type is added here once and
 * every test's offers have it. Each builder gives the "knows nothing" value (every optional fact null) with
 * the given fields over it.
 */

import type { ScorableOffer } from '../../core/match/offer-score';
import type { SupplierFacts, WholesaleOffer } from '../../core/sources/types';
import type { NewObservation } from '../../storage/price-history';
import type { StoredOffer } from '../../storage/types';

/** A supplier about whom nothing is known, with `over` on top. */
export function supplier(over: Partial<SupplierFacts> = {}): SupplierFacts {
  return {
    name: null,
    loginId: null,
    memberId: null,
    province: null,
    city: null,
    country: null,
    years: null,
    isFactory: null,
    badges: [],
    repurchaseRate: null,
    returnBuyerRate: null,
    shopUrl: null,
    ...over,
  };
}

export type OfferOverrides = Partial<Omit<WholesaleOffer, 'supplier'>> & {
  supplier?: Partial<SupplierFacts>;
};

/** A 1688 offer that knows only its id and title (every optional fact null), with `over` on top. */
export function offer(over: OfferOverrides = {}): WholesaleOffer {
  const { supplier: sup, ...rest } = over;
  const offerId = rest.offerId ?? '600000000001';
  return {
    source: '1688',
    offerId,
    title: '连衣裙 夏季 新款',
    url: `https://detail.1688.com/offer/${offerId}.html`,
    images: [],
    currency: 'CNY',
    priceTiers: [],
    priceMinMinor: null,
    priceMaxMinor: null,
    moq: null,
    unit: null,
    dropship: null,
    sales: null,
    isAd: false,
    shippingPromise: null,
    ...rest,
    supplier: supplier(sup),
  };
}

/** An offer as the matcher scores and ranks it: `offer()` with its photo's hash (null: none known). */
export function scorableOffer(over: OfferOverrides & { imageHash?: string | null } = {}): ScorableOffer {
  const { imageHash = null, ...rest } = over;
  return { ...offer(rest), imageHash };
}

/** An offer as the background stores it (key and sighting times added). */
export function storedOffer(
  over: OfferOverrides & { firstSeenAt?: number; lastSeenAt?: number } = {},
): StoredOffer {
  const { firstSeenAt = 0, lastSeenAt = 0, ...rest } = over;
  const o = offer(rest);
  return { ...o, key: `${o.source}:${o.offerId}`, firstSeenAt, lastSeenAt };
}

/** A price seen now, before de-duplication: offer `1688:1` at ¥10.00 found by a search at the epoch. */
export function observation(over: Partial<NewObservation> = {}): NewObservation {
  return {
    subjectKey: '1688:1',
    subjectKind: 'offer',
    minor: 1000,
    maxMinor: null,
    currency: 'CNY',
    at: 0,
    where: 'https://s.1688.com/',
    via: 'search',
    ...over,
  };
}
