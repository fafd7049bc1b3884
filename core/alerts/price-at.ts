import { offerTiers, tierPriceAt } from '../match/margin';
import type { WholesaleOffer } from '../sources/types';

/**
 * The unit price the buyer would pay for `quantity` (the tier that applies; the lowest price as one tier when
 * the source gave no tiers), or null for an offer without a price. Alerts compare this, not the headline price:
 * a cheaper tier the buyer will never order at is no news.
 */
export function priceAtQuantity(
  offer: Pick<WholesaleOffer, 'priceTiers' | 'priceMinMinor' | 'moq'>,
  quantity: number,
): number | null {
  const tiers = offerTiers(offer);
  if (!tiers) return null;
  const q = Number.isSafeInteger(quantity) && quantity >= 1 ? quantity : 1;
  return tierPriceAt(tiers.tiers, q)?.priceMinor ?? null;
}
