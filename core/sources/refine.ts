/**
 * What SourceLens does to a source's answer itself, from the source's definition: filters the source does not
 * take ('here' in `supports.filters`) applied to the offers' own marks, and the asked sort checked against the
 * order the offers came in — when the source did not sort (a sort name it ignores, a partial sort), they are
 * sorted here. Both are said in the answer, so the panel can tell the person.
 */
import type { SourceFeatures } from './definition';
import type { SearchFilters, SortOrder } from './provider';
import type { WholesaleOffer } from './types';

export type Refinable = Pick<
  WholesaleOffer,
  'dropship' | 'moq' | 'priceMinMinor' | 'priceMaxMinor' | 'sales'
> & {
  supplier: Pick<WholesaleOffer['supplier'], 'province' | 'city'>;
};

/** The filters asked for that the source does not take and SourceLens applies to its answer. */
export function filtersHere(
  filters: SearchFilters,
  supports: SourceFeatures['filters'],
): (keyof SearchFilters)[] {
  return (Object.keys(filters) as (keyof SearchFilters)[]).filter(
    (key) => filters[key] !== undefined && filters[key] !== false && supports[key] === 'here',
  );
}

/**
 * Whether one offer passes one filter, by the offer's own marks: dropshipping only when the offer itself says so
 * (an offer that does not say is not known to ship singly); a minimum order at most the asked one (an offer
 * without one is kept: its page may well take one piece); the supplier's province or city as written. A filter
 * not asked for passes everything. The one definition of what each search filter means on an offer: the search
 * service applies it to the filters a source does not take (`filterHere`), and the side panel to every active
 * filter over the offers it shows (core/match/result-view.ts).
 */
export function passesFilter(o: Refinable, key: keyof SearchFilters, filters: SearchFilters): boolean {
  switch (key) {
    case 'dropship':
      return filters.dropship !== true || o.dropship === true;
    case 'maxMinOrder': {
      const max = filters.maxMinOrder;
      return max === undefined || o.moq === null || o.moq <= max;
    }
    case 'province': {
      const province = filters.province?.trim();
      return !province || (o.supplier.province ?? '').startsWith(province);
    }
    case 'city': {
      const city = filters.city?.trim();
      return !city || (o.supplier.city ?? '').startsWith(city);
    }
  }
}

/** The offers that pass the 'here' filters (each as `passesFilter` says). */
export function filterHere<T extends Refinable>(
  offers: readonly T[],
  filters: SearchFilters,
  supports: SourceFeatures['filters'],
): T[] {
  const here = filtersHere(filters, supports);
  return offers.filter((o) => here.every((key) => passesFilter(o, key, filters)));
}

/** The figure a sort orders by, or null when the offer does not have it (such offers go last). */
function sortKey(o: Refinable, sort: SortOrder): number | null {
  switch (sort) {
    case 'price-asc':
      return o.priceMinMinor;
    case 'price-desc':
      return o.priceMaxMinor ?? o.priceMinMinor;
    case 'sales':
      return o.sales;
    case 'relevance':
      return null;
  }
}

const descending = (sort: SortOrder) => sort === 'price-desc' || sort === 'sales';

/** Whether the offers that have the sort's figure come in the asked order (relevance is the source's own). */
export function inAskedOrder(offers: readonly Refinable[], sort: SortOrder): boolean {
  if (sort === 'relevance') return true;
  let last: number | null = null;
  for (const o of offers) {
    const k = sortKey(o, sort);
    if (k === null) continue;
    if (last !== null && (descending(sort) ? k > last : k < last)) return false;
    last = k;
  }
  return true;
}

/** The offers in the asked order (stable; offers without the figure last, in the order they came). */
export function sortHere<T extends Refinable>(offers: readonly T[], sort: SortOrder): T[] {
  if (sort === 'relevance') return [...offers];
  const sign = descending(sort) ? -1 : 1;
  return offers
    .map((o, i) => ({ o, i, k: sortKey(o, sort) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      return a.k === b.k ? a.i - b.i : sign * (a.k - b.k);
    })
    .map((x) => x.o);
}
