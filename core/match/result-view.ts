/**
 * What the side panel shows of a ranked search answer, pure: the person's filters applied to the offers at once,
 * the order they asked for, same-photo clusters collapsed under their probable source, and the facts the
 * compare view sets side by side. The ranking itself (scores, chips, clusters) is rank-offers.ts's, margins are
 * margin.ts's (worked out once by the panel), the unit price at a quantity is core/inquiry/price.ts's and what a
 * search filter means on an offer is core/sources/refine.ts's `passesFilter`: nothing here works them out again.
 *
 * Filters and where they apply: the side panel has one filter row. The filters a source takes are sent with the
 * next search (its definition's `supports.filters`); every active filter — those and the ones only SourceLens can
 * apply (factory, 48 h shipping, a price range at the buyer's quantity) — also narrows the offers shown, at once.
 *
 * API:
 *   ResultFilters, RESULT_SORTS / ResultSort
 *   shipsWithinHours(promise, hours)        a shipping promise ("48小时发货") within that many hours
 *   passesResultFilters(row, filters, ctx)  one offer against every active filter
 *   sortRows(rows, sort, ctx)               stable; offers without the figure last
 *   keepOrder(previousKeys, rows)           the order already shown kept, new rows after it
 *   arrangeRows(rows, clusters, options)    filtered, sorted, clusters collapsed: what the list renders
 *   compareColumns(rows, ctx)               the compare view's facts per offer and the best of each row
 *   toggleCompare(keys, key)                the compare selection, at most MAX_COMPARE
 */
import { type UnitPrice, unitPriceAt } from '../inquiry/price';
import { currencyExponent } from '../money';
import type { SearchFilters } from '../sources/provider';
import { passesFilter, type Refinable } from '../sources/refine';
import type { WholesaleOffer } from '../sources/types';
import { convertMinor, type ExchangeRates, effectiveMoq, type Margin } from './margin';

/** The filters of the panel's one filter row: the search's own, and those only applied to what is shown. */
export interface ResultFilters extends SearchFilters {
  /** Only suppliers the source calls a factory (manufacturer, inspected factory). */
  factoryOnly?: boolean;
  /** Only offers promising to ship within 48 hours. */
  ships48h?: boolean;
  /** Unit price at the buyer's quantity at least / at most, in whole units of the offer's currency (12.5). */
  priceMin?: number;
  priceMax?: number;
}

/** The keys of ResultFilters that are never sent to a source. */
export const VIEW_ONLY_FILTERS = ['factoryOnly', 'ships48h', 'priceMin', 'priceMax'] as const;

const SEARCH_FILTER_KEYS = [
  'dropship',
  'maxMinOrder',
  'province',
  'city',
] as const satisfies readonly (keyof SearchFilters)[];

/** How many filters are set (an unticked box, an empty field: not set). */
export function activeFilterCount(filters: ResultFilters): number {
  return [...SEARCH_FILTER_KEYS, ...VIEW_ONLY_FILTERS].filter((k) => {
    const v = filters[k];
    return v !== undefined && v !== false && v !== '';
  }).length;
}

/** The orders of the shown offers: best match (the ranking), then by one figure. */
export const RESULT_SORTS = ['match', 'unit-price', 'margin', 'sales', 'repurchase'] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];

export type ViewOffer = Refinable &
  Pick<WholesaleOffer, 'currency' | 'priceTiers' | 'unit' | 'shippingPromise'> & {
    supplier: Pick<
      WholesaleOffer['supplier'],
      'province' | 'city' | 'isFactory' | 'years' | 'repurchaseRate' | 'returnBuyerRate'
    >;
  };

/** One ranked offer as the view works with it (built from rank-offers.ts's RankedOffer and the margins). */
export interface ResultRow<T extends ViewOffer = ViewOffer> {
  offer: T;
  /** `source:offerId`, as margins, clusters and the shortlist name offers. */
  key: string;
  /** The margin at the buyer's quantity (margin.ts, worked out by the panel), null when unknown. */
  margin: Margin | null;
  /** Its same-photo cluster (of 2+ offers), else null. */
  clusterId: number | null;
  isProbableSource: boolean;
  /** Why it ranks where it does (offer-score.ts chips). */
  chips: readonly string[];
}

export interface ViewContext {
  /** Units the buyer plans to order. */
  quantity: number;
  rates: ExchangeRates;
}

const HOURS_RE = /(\d{1,3})\s*(?:小时|小時|h\b|hrs?\b|hours?\b)/i;
const DAYS_RE = /(\d{1,2})\s*(?:天|日|days?\b)/i;
const SAME_DAY_RE = /当天|当日|今日|今天|same[-\s]?day/i;

/**
 * Whether a shipping promise as the source writes it ("48小时发货", "24小时揽收" — picked up by the courier —,
 * "当天发货", "ships within 2 days") says the offer leaves within `hours`. Null or anything else: not known to.
 */
export function shipsWithinHours(promise: string | null, hours = 48): boolean {
  if (!promise) return false;
  if (SAME_DAY_RE.test(promise)) return true;
  const h = HOURS_RE.exec(promise);
  if (h) return Number(h[1]) <= hours;
  const d = DAYS_RE.exec(promise);
  if (d) return Number(d[1]) * 24 <= hours;
  return false;
}

/** The unit price at the buyer's quantity (the one definition: core/inquiry/price.ts). */
export function priceAtQuantity(offer: ViewOffer, ctx: ViewContext): UnitPrice | null {
  return unitPriceAt(offer, ctx.quantity);
}

/** That price in fen, so offers in different currencies order together (null without a rate). */
function priceCny(offer: ViewOffer, ctx: ViewContext): number | null {
  const p = priceAtQuantity(offer, ctx);
  return p ? convertMinor(p.money.minor, p.money.currency, 'CNY', ctx.rates) : null;
}

/** A price in whole units of its currency (1250 fen → 12.5). */
function wholeUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

/** One offer against every active filter (the search's own ones as refine.ts defines them). */
export function passesResultFilters(row: ResultRow, filters: ResultFilters, ctx: ViewContext): boolean {
  const o = row.offer;
  if (!SEARCH_FILTER_KEYS.every((key) => passesFilter(o, key, filters))) return false;
  if (filters.factoryOnly && o.supplier.isFactory !== true) return false;
  if (filters.ships48h && !shipsWithinHours(o.shippingPromise, 48)) return false;
  if (filters.priceMin !== undefined || filters.priceMax !== undefined) {
    // An offer without a price at that quantity is not known to be in the range.
    const p = priceAtQuantity(o, ctx);
    if (!p) return false;
    const price = wholeUnits(p.money.minor, p.money.currency);
    if (filters.priceMin !== undefined && price < filters.priceMin) return false;
    if (filters.priceMax !== undefined && price > filters.priceMax) return false;
  }
  return true;
}

/** The figure a sort orders by (larger first after the sign), or null when the offer lacks it. */
function sortFigure(row: ResultRow, sort: Exclude<ResultSort, 'match'>, ctx: ViewContext): number | null {
  switch (sort) {
    case 'unit-price': {
      const p = priceCny(row.offer, ctx);
      return p === null ? null : -p;
    }
    case 'margin':
      return row.margin?.marginPct ?? null;
    case 'sales':
      return row.offer.sales;
    case 'repurchase':
      return row.offer.supplier.repurchaseRate ?? row.offer.supplier.returnBuyerRate ?? null;
  }
}

/**
 * The rows in `sort`'s order: 'match' keeps the ranking's order; the others put the best figure first (lowest
 * unit price, highest margin, most sold, highest repurchase), stably (equal figures keep the ranking's order),
 * offers without the figure last.
 */
export function sortRows<R extends ResultRow>(rows: readonly R[], sort: ResultSort, ctx: ViewContext): R[] {
  if (sort === 'match') return [...rows];
  const keyed = rows.map((row, i) => ({ row, i, k: sortFigure(row, sort, ctx) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
    return b.k - a.k || a.i - b.i;
  });
  return keyed.map((x) => x.row);
}

/**
 * The rows with the ones already shown kept in the order they were shown (`previous`, keys) and the others —
 * a next page, offers new to the ranking — after them, in their own order. Re-ranking after a next page or a
 * late signal (pictures hashed) then never moves a card the person has seen.
 */
export function keepOrder<R extends ResultRow>(previous: readonly string[], rows: readonly R[]): R[] {
  if (!previous.length) return [...rows];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: R[] = [];
  for (const key of previous) {
    const r = byKey.get(key);
    if (r) {
      out.push(r);
      byKey.delete(key);
    }
  }
  for (const r of rows) if (byKey.has(r.key)) out.push(r);
  return out;
}

/** A same-photo cluster as rank-offers.ts names it. */
export interface ClusterInfo {
  id: number;
  /** `source:offerId` of its probable original seller. */
  sourceKey: string;
  /** Evidence for it ("factory", "8 yrs", "lowest price"). */
  reasons: readonly string[];
}

/** One entry of the list the panel renders. */
export interface ShownRow<R extends ResultRow = ResultRow> {
  row: R;
  /**
   * On the head of a cluster (the probable source, or the first shown member when filters hid it): the
   * cluster, how many of its offers are shown, and whether the others are unfolded below. Null otherwise.
   */
  cluster: { info: ClusterInfo; shown: number; expanded: boolean } | null;
  /** An unfolded member shown under its cluster's head. */
  member: boolean;
}

/**
 * What the list shows: the offers passing the filters, in the asked order, each same-photo cluster collapsed
 * under its head — the probable source when it passes the filters, else the cluster's first offer in that
 * order — placed where the cluster's first offer comes, with the others folded (listed right under it, in order,
 * when the cluster's id is in `expanded`). A cluster left with one offer shows as a plain offer.
 */
export function arrangeRows<R extends ResultRow>(
  rows: readonly R[],
  clusters: readonly ClusterInfo[],
  options: { filters: ResultFilters; sort: ResultSort; expanded: ReadonlySet<number>; ctx: ViewContext },
): ShownRow<R>[] {
  const passing = rows.filter((r) => passesResultFilters(r, options.filters, options.ctx));
  const ordered = sortRows(passing, options.sort, options.ctx);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const members = new Map<number, R[]>();
  for (const r of ordered) {
    if (r.clusterId === null || !byId.has(r.clusterId)) continue;
    const list = members.get(r.clusterId) ?? [];
    list.push(r);
    members.set(r.clusterId, list);
  }
  const out: ShownRow<R>[] = [];
  const placed = new Set<number>();
  for (const r of ordered) {
    const info = r.clusterId === null ? undefined : byId.get(r.clusterId);
    const group = info ? (members.get(info.id) ?? []) : [];
    if (!info || group.length < 2) {
      out.push({ row: r, cluster: null, member: false });
      continue;
    }
    if (placed.has(info.id)) continue;
    placed.add(info.id);
    const head = group.find((m) => m.key === info.sourceKey) ?? (group[0] as R);
    const expanded = options.expanded.has(info.id);
    out.push({ row: head, cluster: { info, shown: group.length, expanded }, member: false });
    if (expanded) for (const m of group) if (m !== head) out.push({ row: m, cluster: null, member: true });
  }
  return out;
}

/** At most this many offers side by side. */
export const MAX_COMPARE = 4;

/** The compare selection with `key` added or taken out; `full` when adding was refused (already MAX_COMPARE). */
export function toggleCompare(keys: readonly string[], key: string): { keys: string[]; full: boolean } {
  if (keys.includes(key)) return { keys: keys.filter((k) => k !== key), full: false };
  if (keys.length >= MAX_COMPARE) return { keys: [...keys], full: true };
  return { keys: [...keys, key], full: false };
}

/** One offer's column in the compare view. */
export interface CompareColumn<R extends ResultRow = ResultRow> {
  row: R;
  price: UnitPrice | null;
  moq: number | null;
  ships48h: boolean;
}

/** The rows of the compare view a best value is marked in, and which way is better. */
export const COMPARE_BEST = {
  price: 'min',
  moq: 'min',
  margin: 'max',
  years: 'max',
  repurchase: 'max',
} as const;
export type CompareBestRow = keyof typeof COMPARE_BEST;

/**
 * The compare view's facts, one column per offer in the order given, and per row the columns holding its best
 * value (lowest unit price at the quantity — compared in yuan at the buyer's rates —, lowest minimum order,
 * highest margin, most years, highest repurchase or return-buyer rate). A row is marked only when at least two
 * offers have the figure and they are not all equal.
 */
export function compareColumns<R extends ResultRow>(
  rows: readonly R[],
  ctx: ViewContext,
): { columns: CompareColumn<R>[]; best: Record<CompareBestRow, number[]> } {
  const columns = rows.map((row) => ({
    row,
    price: priceAtQuantity(row.offer, ctx),
    moq: effectiveMoq(row.offer),
    ships48h: shipsWithinHours(row.offer.shippingPromise, 48),
  }));
  const figures: Record<CompareBestRow, (number | null)[]> = {
    price: rows.map((r) => priceCny(r.offer, ctx)),
    moq: columns.map((c) => c.moq),
    margin: rows.map((r) => r.margin?.marginPct ?? null),
    years: rows.map((r) => r.offer.supplier.years),
    repurchase: rows.map((r) => r.offer.supplier.repurchaseRate ?? r.offer.supplier.returnBuyerRate ?? null),
  };
  const best = {} as Record<CompareBestRow, number[]>;
  for (const name of Object.keys(COMPARE_BEST) as CompareBestRow[]) {
    const values = figures[name];
    const known = values.filter((v): v is number => v !== null);
    const target = COMPARE_BEST[name] === 'min' ? Math.min(...known) : Math.max(...known);
    best[name] =
      known.length >= 2 && new Set(known).size > 1 ? values.flatMap((v, i) => (v === target ? [i] : [])) : [];
  }
  return { columns, best };
}
