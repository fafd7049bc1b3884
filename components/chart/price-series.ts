/**
 * The detail chart's data, pure: the retail product's price and the wholesale price at the buyer's quantity on
 * one time axis, both in CNY at the buyer's rates (a USD retail price beside a yuan wholesale price is only
 * comparable converted), each point with how it was seen. uPlot's aligned shape: one x array (seconds) and one
 * y array per series, null where a series has no point at that time.
 */
import { convertMinor, type ExchangeRates } from '../../core/match/margin';
import { currencyExponent } from '../../core/money';
import type { PriceObservation } from '../../storage/types';
import { type HistoryPoint, pointPriceAt } from '../shortlist/review';

export type Via = PriceObservation['via'];

export interface ChartSeries {
  /** Seconds since the epoch, ascending, each once. */
  xs: number[];
  /** Yuan (major units), null where the series has no point. */
  retail: (number | null)[];
  wholesale: (number | null)[];
  retailVia: (Via | null)[];
  wholesaleVia: (Via | null)[];
  /** Points left out because their currency has no rate. */
  skipped: number;
}

export function chartSeries(
  retail: readonly HistoryPoint[],
  wholesale: readonly HistoryPoint[],
  quantity: number,
  rates: ExchangeRates,
): ChartSeries {
  const cny = currencyExponent('CNY');
  const byTime = new Map<number, { r?: [number, Via]; w?: [number, Via] }>();
  let skipped = 0;
  const put = (points: readonly HistoryPoint[], side: 'r' | 'w', price: (p: HistoryPoint) => number) => {
    for (const p of points) {
      const minor = convertMinor(price(p), p.currency, 'CNY', rates);
      if (minor === null) {
        skipped++;
        continue;
      }
      const x = Math.floor(p.at / 1000);
      const slot = byTime.get(x) ?? {};
      // Two points in the same second: the later one read stands.
      slot[side] = [minor / 10 ** cny, p.via];
      byTime.set(x, slot);
    }
  };
  put(retail, 'r', (p) => p.minor);
  put(wholesale, 'w', (p) => pointPriceAt(p, quantity));
  const xs = [...byTime.keys()].sort((a, b) => a - b);
  const out: ChartSeries = { xs, retail: [], wholesale: [], retailVia: [], wholesaleVia: [], skipped };
  for (const x of xs) {
    const slot = byTime.get(x) ?? {};
    out.retail.push(slot.r?.[0] ?? null);
    out.retailVia.push(slot.r?.[1] ?? null);
    out.wholesale.push(slot.w?.[0] ?? null);
    out.wholesaleVia.push(slot.w?.[1] ?? null);
  }
  return out;
}

/** The last point of a series at or before index `i` (a price holds until the next one): its value and origin. */
export function heldAt(
  values: readonly (number | null)[],
  vias: readonly (Via | null)[],
  i: number,
): { value: number; via: Via; index: number } | null {
  for (let j = Math.min(i, values.length - 1); j >= 0; j--) {
    const v = values[j];
    const via = vias[j];
    if (v !== null && v !== undefined && via) return { value: v, via, index: j };
  }
  return null;
}
