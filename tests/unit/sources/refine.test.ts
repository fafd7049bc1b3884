import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceFeatures } from '../../../core/sources/definition';
import { filterHere, filtersHere, inAskedOrder, passesFilter, sortHere } from '../../../core/sources/refine';
import { offer } from '../../support/builders';

const HERE: SourceFeatures['filters'] = {
  dropship: 'here',
  maxMinOrder: 'here',
  province: 'source',
  city: null,
};

describe('filters applied here', () => {
  it('names only the asked filters the source does not take', () => {
    expect(filtersHere({ dropship: true, maxMinOrder: 5, province: '浙江' }, HERE)).toEqual([
      'dropship',
      'maxMinOrder',
    ]);
    expect(filtersHere({ dropship: false }, HERE)).toEqual([]);
    expect(filtersHere({}, HERE)).toEqual([]);
  });

  it('keeps dropshipping offers only when the offer says so, and a minimum order at most the asked one', () => {
    const offers = [
      offer({ offerId: '1', dropship: true, moq: 1 }),
      offer({ offerId: '2', dropship: null, moq: 1 }),
      offer({ offerId: '3', dropship: false, moq: 1 }),
      offer({ offerId: '4', dropship: true, moq: 50 }),
      offer({ offerId: '5', dropship: true, moq: null }),
    ];
    expect(filterHere(offers, { dropship: true, maxMinOrder: 2 }, HERE).map((o) => o.offerId)).toEqual([
      '1',
      '5',
    ]);
    // A filter the source takes itself is not applied again here.
    const sent = offers.map((o, i) => ({ ...o, supplier: { ...o.supplier, province: i ? '广东' : '浙江' } }));
    expect(filterHere(sent, { province: '浙江' }, HERE)).toHaveLength(5);
  });
});

describe('one filter on one offer (what the search service and the side panel both apply)', () => {
  it('passes everything for a filter not asked, and reads the offer’s own marks for one asked', () => {
    const o = offer({ dropship: null, moq: 3, supplier: { province: '浙江', city: '义乌' } });
    for (const key of ['dropship', 'maxMinOrder', 'province', 'city'] as const)
      expect(passesFilter(o, key, {})).toBe(true);
    expect(passesFilter(o, 'dropship', { dropship: true })).toBe(false);
    expect(passesFilter(o, 'dropship', { dropship: false })).toBe(true);
    expect(passesFilter(o, 'maxMinOrder', { maxMinOrder: 3 })).toBe(true);
    expect(passesFilter(o, 'maxMinOrder', { maxMinOrder: 2 })).toBe(false);
    expect(passesFilter(o, 'province', { province: ' 浙江 ' })).toBe(true);
    expect(passesFilter(o, 'province', { province: '广东' })).toBe(false);
    expect(passesFilter(o, 'city', { city: '义乌' })).toBe(true);
    expect(passesFilter(o, 'city', { city: '杭州' })).toBe(false);
  });

  it('filterHere applies exactly the filters the source leaves to SourceLens', () => {
    const offers = [
      offer({ offerId: '1', supplier: { city: '义乌' } }),
      offer({ offerId: '2', supplier: { city: '杭州' } }),
    ];
    expect(filterHere(offers, { city: '义乌' }, { ...HERE, city: 'here' }).map((o) => o.offerId)).toEqual([
      '1',
    ]);
    expect(filterHere(offers, { city: '义乌' }, HERE)).toHaveLength(2);
  });
});

describe('the asked order, checked and made here', () => {
  const priced = (id: string, min: number | null, sales: number | null = null) =>
    offer({ offerId: id, priceMinMinor: min, priceMaxMinor: min, sales });

  it('tells an answer in the asked order from one that is not', () => {
    const asc = [priced('a', 100), priced('b', null), priced('c', 250), priced('d', 250)];
    expect(inAskedOrder(asc, 'price-asc')).toBe(true);
    expect(inAskedOrder([...asc].reverse(), 'price-asc')).toBe(false);
    expect(inAskedOrder([...asc].reverse(), 'price-desc')).toBe(true);
    expect(inAskedOrder([priced('a', 1, 5), priced('b', 1, 9)], 'sales')).toBe(false);
    expect(inAskedOrder([priced('a', 9), priced('b', 1)], 'relevance')).toBe(true);
  });

  it('sorts by the figure, stably, offers without it last', () => {
    const mixed = [priced('a', 300), priced('b', null), priced('c', 100), priced('d', 300), priced('e', 200)];
    expect(sortHere(mixed, 'price-asc').map((o) => o.offerId)).toEqual(['c', 'e', 'a', 'd', 'b']);
    expect(sortHere(mixed, 'price-desc').map((o) => o.offerId)).toEqual(['a', 'd', 'e', 'c', 'b']);
    expect(sortHere(mixed, 'relevance').map((o) => o.offerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('whatever the offers, a sorted answer is in the asked order and keeps every offer', () => {
    const arbOffer = fc.record({
      id: fc.uuid(),
      min: fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: null }),
      sales: fc.option(fc.nat(), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(arbOffer, { maxLength: 40 }),
        fc.constantFrom('price-asc', 'price-desc', 'sales', 'relevance' as const),
        (raw, sort) => {
          const offers = raw.map((r) => priced(r.id, r.min, r.sales));
          const sorted = sortHere(offers, sort);
          expect(inAskedOrder(sorted, sort)).toBe(true);
          expect(new Set(sorted)).toEqual(new Set(offers));
        },
      ),
    );
  });
});
