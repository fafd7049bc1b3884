/**
 * The shortlist as the popup reviews it, pure (no browser, no database): each kept offer's price at the buyer's
 * quantity now, its change since it was kept, its margin against the retail product it was kept for, and the
 * search, filters, orders and grouping over those rows. Runs in Node (tests/unit/shortlist/review.test.ts).
 */
import {
  convertMinor,
  type ExchangeRates,
  landedCost,
  type Margin,
  margin as marginOf,
  tierPriceAt,
} from '../../core/match/margin';
import type { PriceTier } from '../../core/sources/types';
import type { MarginSettings } from '../../storage/settings/margin';
import type {
  PriceObservation,
  ShortlistEntry,
  ShortlistStatus,
  StoredOffer,
  StoredProduct,
} from '../../storage/types';

/**
 * One price point as the review reads it: an observation (storage/types.ts), with the tier prices when the
 * history kept them (optional: observations written before tiers were recorded have none).
 */
export type HistoryPoint = Pick<PriceObservation, 'minor' | 'currency' | 'at' | 'via'> & {
  tiers?: readonly PriceTier[] | null;
};

/** How the price at the buyer's quantity moved since the offer was kept. */
export interface PriceChange {
  /** Price at the buyer's quantity when kept and now, minor units of `currency`. */
  fromMinor: number;
  toMinor: number;
  currency: string;
  /** (to − from) / from × 100, one decimal; 0 when unchanged. */
  pct: number;
}

export interface ReviewRow {
  entry: ShortlistEntry;
  offer: StoredOffer;
  /** The retail product it was kept for, when known and still stored. */
  product: StoredProduct | null;
  /** Unit price at the buyer's quantity now (the offer's tiers as last read), in the offer's currency. */
  priceNowMinor: number | null;
  /** Below the offer's minimum order at the buyer's quantity: the price is the first tier's. */
  belowMoq: boolean;
  margin: Margin | null;
  /** Null until the offer's history is read, or when it has no point at keeping time. */
  change: PriceChange | null;
}

/** The unit price a point stands for at `quantity`: its tier when it kept tiers, else its lowest price. */
export function pointPriceAt(point: HistoryPoint, quantity: number): number {
  if (point.tiers?.length) return tierPriceAt(point.tiers, quantity)?.priceMinor ?? point.minor;
  return point.minor;
}

/**
 * Change since kept: the last point at or before `keptAt` (or the first after it, when the offer's history
 * starts later) against the newest point, in the same currency. Two points with tiers compare their tier at the
 * buyer's quantity; otherwise the lowest prices are compared (a tier price against a lowest price would be a
 * change that never happened). Null with fewer than two usable points.
 */
export function changeSinceKept(
  history: readonly HistoryPoint[],
  keptAt: number,
  quantity: number,
): PriceChange | null {
  if (history.length < 2) return null;
  const sorted = isSortedByTime(history) ? history : [...history].sort((a, b) => a.at - b.at);
  let from: HistoryPoint | undefined;
  for (const p of sorted) {
    if (p.at <= keptAt || !from) from = p;
    if (p.at > keptAt) break;
  }
  const to = sorted[sorted.length - 1];
  if (!from || !to || from === to || from.currency !== to.currency) return null;
  const bothTiers = !!from.tiers?.length && !!to.tiers?.length;
  const fromMinor = bothTiers ? pointPriceAt(from, quantity) : from.minor;
  const toMinor = bothTiers ? pointPriceAt(to, quantity) : to.minor;
  const pct = fromMinor === 0 ? 0 : Math.round(((toMinor - fromMinor) / fromMinor) * 1000) / 10;
  return { fromMinor, toMinor, currency: to.currency, pct };
}

function isSortedByTime(points: readonly HistoryPoint[]): boolean {
  for (let i = 1; i < points.length; i++)
    if ((points[i] as HistoryPoint).at < (points[i - 1] as HistoryPoint).at) return false;
  return true;
}

/**
 * The margin of reselling `offer` at the product's retail price, at the buyer's quantity and costs: the tier
 * price in the offer's currency converted to CNY at the buyer's rates (as the side panel's cards work it out).
 */
export function offerMargin(
  offer: StoredOffer,
  product: StoredProduct | null,
  settings: MarginSettings,
): Margin | null {
  if (!product || product.priceMinor === null || !product.currency) return null;
  const cost = landedCost({
    offer,
    quantity: settings.quantity,
    shippingPerUnitMinor: 0,
    currency: offer.currency,
  });
  if (!cost) return null;
  const unitCny = convertMinor(cost.unitPriceMinor, offer.currency, 'CNY', settings.rates);
  if (unitCny === null) return null;
  try {
    return marginOf({
      retail: { minor: product.priceMinor, currency: product.currency },
      rates: settings.rates,
      unitCostMinor: unitCny,
      shippingPerUnitMinor: settings.shippingPerUnitMinor,
      platformFeePct: settings.platformFeePct,
    });
  } catch {
    // A stored figure out of range (a negative price from an old row) gives no margin rather than no popup.
    return null;
  }
}

/** The review's rows: entries whose offer is still stored, with prices and margins at the buyer's quantity. */
export function buildRows(
  entries: readonly ShortlistEntry[],
  offers: ReadonlyMap<string, StoredOffer>,
  products: ReadonlyMap<string, StoredProduct>,
  settings: MarginSettings,
  histories: ReadonlyMap<string, readonly HistoryPoint[]> = new Map(),
): ReviewRow[] {
  const rows: ReviewRow[] = [];
  for (const entry of entries) {
    const offer = offers.get(entry.offerKey);
    if (!offer) continue;
    const product = entry.productKey ? (products.get(entry.productKey) ?? null) : null;
    const quantity = entry.quantity ?? settings.quantity;
    const cost = landedCost({ offer, quantity, shippingPerUnitMinor: 0, currency: offer.currency });
    const history = histories.get(offer.key);
    rows.push({
      entry,
      offer,
      product,
      priceNowMinor: cost?.unitPriceMinor ?? null,
      belowMoq: cost?.belowMoq ?? false,
      margin: offerMargin(offer, product, { ...settings, quantity }),
      change: history ? changeSinceKept(history, entry.addedAt, quantity) : null,
    });
  }
  return rows;
}

export type PriceMoved = 'any' | 'up' | 'down' | 'moved';

export interface ReviewFilters {
  status: ShortlistStatus | 'all';
  tag: string | null;
  source: string | null;
  moved: PriceMoved;
  /** A retail product's key; '' for offers kept for no product. */
  product: string | null;
}

export const NO_FILTERS: ReviewFilters = {
  status: 'all',
  tag: null,
  source: null,
  moved: 'any',
  product: null,
};

export function passesFilters(row: ReviewRow, f: ReviewFilters): boolean {
  if (f.status !== 'all' && row.entry.status !== f.status) return false;
  if (f.tag !== null && !row.entry.tags.includes(f.tag)) return false;
  if (f.source !== null && row.offer.source !== f.source) return false;
  if (f.product !== null && (row.entry.productKey ?? '') !== f.product) return false;
  if (f.moved !== 'any') {
    const pct = row.change?.pct ?? 0;
    if (f.moved === 'up' && !(pct > 0)) return false;
    if (f.moved === 'down' && !(pct < 0)) return false;
    if (f.moved === 'moved' && pct === 0) return false;
  }
  return true;
}

/** Whether a filter needs every offer's history read (price moved); the others work on what the list holds. */
export const needsHistory = (f: ReviewFilters, sort: ReviewSort) => f.moved !== 'any' || sort === 'change';

export const REVIEW_SORTS = ['kept', 'margin', 'change', 'price'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Unknowns last in every order, whichever way it runs. */
function byNumber(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

/** Prices compared across currencies in CNY at the buyer's rates (an unknown rate sorts last). */
function priceCny(row: ReviewRow, rates: ExchangeRates): number | null {
  if (row.priceNowMinor === null) return null;
  return convertMinor(row.priceNowMinor, row.offer.currency, 'CNY', rates);
}

/**
 * The rows in the chosen order: kept (newest first), margin (best first), price change (biggest drop first),
 * price at the buyer's quantity (lowest first). Stable: ties keep the newest kept first.
 */
export function sortRows(rows: readonly ReviewRow[], sort: ReviewSort, rates: ExchangeRates): ReviewRow[] {
  const kept = (a: ReviewRow, b: ReviewRow) => b.entry.addedAt - a.entry.addedAt;
  const order: Record<ReviewSort, (a: ReviewRow, b: ReviewRow) => number> = {
    kept,
    margin: (a, b) => byNumber(a.margin?.marginPct ?? null, b.margin?.marginPct ?? null, -1) || kept(a, b),
    change: (a, b) => byNumber(a.change?.pct ?? null, b.change?.pct ?? null, 1) || kept(a, b),
    price: (a, b) => byNumber(priceCny(a, rates), priceCny(b, rates), 1) || kept(a, b),
  };
  return [...rows].sort(order[sort]);
}

export interface ReviewGroup {
  /** The retail product's key; null for offers kept for no product. */
  productKey: string | null;
  product: StoredProduct | null;
  rows: ReviewRow[];
}

/**
 * Rows grouped by the retail product they were kept for, best margin first within a group; groups in the order
 * of their best row's margin (offers kept for no product last).
 */
export function groupByProduct(rows: readonly ReviewRow[], rates: ExchangeRates): ReviewGroup[] {
  const groups = new Map<string, ReviewGroup>();
  for (const row of rows) {
    const key = row.entry.productKey ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { productKey: row.entry.productKey, product: row.product, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  const list = [...groups.values()].map((g) => ({ ...g, rows: sortRows(g.rows, 'margin', rates) }));
  const best = (g: ReviewGroup) => g.rows[0]?.margin?.marginPct ?? null;
  return list.sort((a, b) => {
    if ((a.productKey === null) !== (b.productKey === null)) return a.productKey === null ? 1 : -1;
    return byNumber(best(a), best(b), -1);
  });
}

/** The tags, sources and retail products the rows have: what the filters offer. */
export function filterChoices(rows: readonly ReviewRow[]) {
  const tags = new Set<string>();
  const sources = new Set<string>();
  const products = new Map<string, string>();
  for (const row of rows) {
    for (const tag of row.entry.tags) tags.add(tag);
    sources.add(row.offer.source);
    if (row.entry.productKey && row.product) products.set(row.entry.productKey, row.product.title);
  }
  return {
    tags: [...tags].sort(),
    sources: [...sources].sort(),
    products: [...products].map(([key, title]) => ({ key, title })),
  };
}

/** A sparkline's points: the price at the buyer's quantity over the last `days`, oldest first. */
export function sparkSeries(
  history: readonly HistoryPoint[],
  quantity: number,
  now: number,
  days = 30,
): { at: number; minor: number }[] {
  const from = now - days * 24 * 60 * 60 * 1000;
  const currency = history[history.length - 1]?.currency;
  const points: { at: number; minor: number }[] = [];
  // The price in force when the window opens (the last point before it) starts the line: a price that has not
  // moved for a month is a flat line, not nothing.
  let before: HistoryPoint | null = null;
  for (const p of history) {
    if (p.currency !== currency) continue;
    if (p.at < from) before = p;
    else points.push({ at: p.at, minor: pointPriceAt(p, quantity) });
  }
  if (before) points.unshift({ at: from, minor: pointPriceAt(before, quantity) });
  return points;
}

/** An offer's tiers in order, the one the buyer's quantity falls in marked (none below the minimum order). */
export function tierRows(
  offer: Pick<StoredOffer, 'priceTiers' | 'priceMinMinor' | 'moq'>,
  quantity: number,
): { minQty: number; priceMinor: number; mine: boolean }[] {
  const tiers = [...offer.priceTiers].sort((a, b) => a.minQty - b.minQty);
  const at = tiers.length ? tierPriceAt(tiers, quantity) : null;
  return tiers.map((t) => ({ ...t, mine: !!at && !at.belowMoq && t.minQty === at.minQty }));
}
