import { storage } from 'wxt/utils/storage';
import { DEFAULT_RATES, type ExchangeRates } from '../../core/match/margin';

/** What the buyer plans: quantity, costs and the exchange rates margins are computed with. */
export interface MarginSettings {
  quantity: number;
  /** Shipping per unit to the buyer's door, fen. */
  shippingPerUnitMinor: number;
  /** Marketplace fee, percent of the retail price. */
  platformFeePct: number;
  /** CNY per unit of each currency, with the date they are from (defaults are shown with theirs). */
  rates: ExchangeRates;
}

export const marginSettings = storage.defineItem<MarginSettings>('sync:marginSettings', {
  fallback: { quantity: 50, shippingPerUnitMinor: 0, platformFeePct: 5, rates: DEFAULT_RATES },
  version: 1,
});
