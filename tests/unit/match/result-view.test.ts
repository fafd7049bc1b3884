import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, type Margin } from '../../../core/match/margin';
import {
  activeFilterCount,
  arrangeRows,
  type ClusterInfo,
  compareColumns,
  keepOrder,
  MAX_COMPARE,
  passesResultFilters,
  RESULT_SORTS,
  type ResultFilters,
  type ResultRow,
  shipsWithinHours,
  sortRows,
  toggleCompare,
} from '../../../core/match/result-view';
import type { WholesaleOffer } from '../../../core/sources/types';
import { type OfferOverrides, offer } from '../../support/builders';

const ctx = { quantity: 50, rates: DEFAULT_RATES };

const marginOf = (pct: number | null): Margin | null =>
  pct === null
    ? null
    : {
        retailCnyMinor: 10000,
        costPerUnitMinor: 0,
        feeMinor: 0,
        profitPerUnitMinor: pct * 100,
        marginPct: pct,
        rateDate: '2025-01-01',
      };

/** A ranked row: the offer, its margin, its cluster. */
function row(
  id: string,
  over: OfferOverrides = {},
  extra: { margin?: number | null; clusterId?: number | null; probable?: boolean } = {},
): ResultRow<WholesaleOffer> {
  const o = offer({ offerId: id, ...over });
  return {
    offer: o,
    key: `1688:${id}`,
    margin: marginOf(extra.margin ?? null),
    clusterId: extra.clusterId ?? null,
    isProbableSource: extra.probable ?? false,
    chips: [],
  };
}

const ids = (rows: readonly { offer: { offerId: string } }[]) => rows.map((r) => r.offer.offerId);
const tiers = (...pairs: [number, number][]) => pairs.map(([minQty, priceMinor]) => ({ minQty, priceMinor }));

describe('shipping promises', () => {
  it('reads hours, days and same-day promises as sources write them', () => {
    expect(shipsWithinHours('48小时发货')).toBe(true);
    expect(shipsWithinHours('24小时揽收')).toBe(true);
    expect(shipsWithinHours('72小时发货')).toBe(false);
    expect(shipsWithinHours('当天发货')).toBe(true);
    expect(shipsWithinHours('7天内发货')).toBe(false);
    expect(shipsWithinHours('2天内发货')).toBe(true);
    expect(shipsWithinHours('Ships within 48 hours')).toBe(true);
    expect(shipsWithinHours('包邮')).toBe(false);
    expect(shipsWithinHours(null)).toBe(false);
    expect(shipsWithinHours('48小时发货', 24)).toBe(false);
  });
});

describe('filters over the shown offers', () => {
  const rows = [
    row('1', { dropship: true, moq: 1, supplier: { province: '浙江', isFactory: true } }),
    row('2', { dropship: null, moq: 100, supplier: { province: '广东', isFactory: false } }),
    row('3', {
      dropship: true,
      moq: null,
      shippingPromise: '48小时发货',
      supplier: { province: '浙江义乌' },
    }),
  ];
  const shown = (filters: ResultFilters) => ids(rows.filter((r) => passesResultFilters(r, filters, ctx)));

  it('applies the search filters as refine.ts defines them, whether or not the source took them', () => {
    expect(shown({})).toEqual(['1', '2', '3']);
    expect(shown({ dropship: true })).toEqual(['1', '3']);
    expect(shown({ dropship: false })).toEqual(['1', '2', '3']);
    // An offer without a minimum order is kept (its page may take one piece).
    expect(shown({ maxMinOrder: 10 })).toEqual(['1', '3']);
    expect(shown({ province: '浙江' })).toEqual(['1', '3']);
    expect(shown({ province: '' })).toEqual(['1', '2', '3']);
  });

  it('keeps factories only, and offers promising 48 h shipping only, when asked', () => {
    expect(shown({ factoryOnly: true })).toEqual(['1']);
    expect(shown({ ships48h: true })).toEqual(['3']);
    expect(shown({ factoryOnly: true, ships48h: true })).toEqual([]);
  });

  it('ranges over the unit price at the buyer’s quantity, in whole units; no price is not in range', () => {
    const priced = [
      row('a', { priceTiers: tiers([2, 1500], [50, 1200], [500, 900]) }),
      row('b', { priceTiers: tiers([1, 800]) }),
      row('c', {}),
      row('d', { currency: 'USD', priceTiers: tiers([1, 300]) }),
    ];
    const inRange = (f: ResultFilters) => ids(priced.filter((r) => passesResultFilters(r, f, ctx)));
    // At 50 units offer a is ¥12.00 (not the first tier's ¥15.00).
    expect(inRange({ priceMin: 10 })).toEqual(['a']);
    expect(inRange({ priceMax: 12 })).toEqual(['a', 'b', 'd']);
    expect(inRange({ priceMax: 11.99 })).toEqual(['b', 'd']);
    expect(inRange({ priceMin: 3, priceMax: 3 })).toEqual(['d']);
  });

  it('counts the filters that are set', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ dropship: false, province: '' })).toBe(0);
    expect(activeFilterCount({ dropship: true, factoryOnly: true, priceMax: 5, maxMinOrder: 1 })).toBe(4);
  });
});

describe('sorts over the shown offers', () => {
  const rows = [
    row('m1', { sales: 10, priceTiers: tiers([1, 2000]), supplier: { repurchaseRate: 0.1 } }, { margin: 20 }),
    row('m2', { sales: null, priceTiers: tiers([1, 1000]) }, { margin: null }),
    row(
      'm3',
      { sales: 300, priceTiers: tiers([1, 3000], [50, 500]), supplier: { returnBuyerRate: 0.4 } },
      { margin: 55 },
    ),
    row('m4', { sales: 300, currency: 'USD', priceTiers: tiers([1, 100]) }, { margin: 55 }),
  ];

  it('keeps the ranking for match, and puts the best figure first for the others, offers without it last', () => {
    expect(ids(sortRows(rows, 'match', ctx))).toEqual(['m1', 'm2', 'm3', 'm4']);
    // At 50 units m3 costs ¥5.00; m4 is $1.00 ≈ ¥7.10 at the default rates.
    expect(ids(sortRows(rows, 'unit-price', ctx))).toEqual(['m3', 'm4', 'm2', 'm1']);
    expect(ids(sortRows(rows, 'margin', ctx))).toEqual(['m3', 'm4', 'm1', 'm2']);
    expect(ids(sortRows(rows, 'sales', ctx))).toEqual(['m3', 'm4', 'm1', 'm2']);
    // The offer's repurchase rate, else the shop's return-buyer rate.
    expect(ids(sortRows(rows, 'repurchase', ctx))).toEqual(['m3', 'm1', 'm2', 'm4']);
  });

  it('is a stable permutation for every sort', () => {
    const arbRow = fc.record({
      sales: fc.option(fc.nat(1000), { nil: null }),
      price: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
      margin: fc.option(fc.integer({ min: -50, max: 90 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 30 }), fc.constantFrom(...RESULT_SORTS), (specs, sort) => {
        const list = specs.map((s, i) =>
          row(
            String(i),
            { sales: s.sales, priceTiers: s.price === null ? [] : tiers([1, s.price]) },
            { margin: s.margin },
          ),
        );
        const sorted = sortRows(list, sort, ctx);
        expect([...ids(sorted)].sort()).toEqual([...ids(list)].sort());
        if (sort === 'sales') {
          const known = sorted.map((r) => r.offer.sales).filter((s) => s !== null) as number[];
          expect(known).toEqual([...known].sort((a, b) => b - a));
          // Equal figures keep the ranking's order.
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1] as ResultRow<WholesaleOffer>;
            const b = sorted[i] as ResultRow<WholesaleOffer>;
            if (a.offer.sales === b.offer.sales)
              expect(Number(a.offer.offerId)).toBeLessThan(Number(b.offer.offerId));
          }
        }
      }),
    );
  });
});

describe('the order already shown', () => {
  it('keeps the shown offers where they were and puts new ones after them, in their own order', () => {
    const rows = ['d', 'a', 'e', 'b', 'c'].map((id) => row(id));
    expect(ids(keepOrder([], rows))).toEqual(['d', 'a', 'e', 'b', 'c']);
    expect(ids(keepOrder(['1688:a', '1688:b', '1688:c'], rows))).toEqual(['a', 'b', 'c', 'd', 'e']);
    // An offer no longer in the answer is dropped.
    expect(ids(keepOrder(['1688:z', '1688:c'], rows))).toEqual(['c', 'd', 'a', 'e', 'b']);
  });
});

describe('same-photo clusters collapsed under their probable source', () => {
  const cluster: ClusterInfo = { id: 0, sourceKey: '1688:c2', reasons: ['factory'] };
  const rows = [
    row('c1', { moq: 1 }, { clusterId: 0 }),
    row('x', { moq: 1 }),
    row('c2', { moq: 100, sales: 5 }, { clusterId: 0, probable: true }),
    row('c3', { moq: 1, sales: 50 }, { clusterId: 0 }),
  ];
  const arrange = (filters: ResultFilters = {}, expanded: number[] = [], sort: 'match' | 'sales' = 'match') =>
    arrangeRows(rows, [cluster], { filters, sort, expanded: new Set(expanded), ctx });

  it('shows the probable source where the cluster’s first offer ranks, the others folded', () => {
    const shown = arrange();
    expect(shown.map((s) => s.row.offer.offerId)).toEqual(['c2', 'x']);
    expect(shown[0]?.cluster).toEqual({ info: cluster, shown: 3, expanded: false });
    expect(shown[1]?.cluster).toBeNull();
  });

  it('unfolds the others right under it, in the asked order', () => {
    const shown = arrange({}, [0], 'sales');
    expect(shown.map((s) => [s.row.offer.offerId, s.member])).toEqual([
      ['c2', false],
      ['c3', true],
      ['c1', true],
      ['x', false],
    ]);
  });

  it('heads the cluster with its first shown offer when the filters hide the probable source', () => {
    const shown = arrange({ maxMinOrder: 10 });
    expect(shown.map((s) => s.row.offer.offerId)).toEqual(['c1', 'x']);
    expect(shown[0]?.cluster?.shown).toBe(2);
    // Left with one offer, a cluster is a plain offer.
    const one = arrangeRows(rows.slice(0, 2), [cluster], {
      filters: {},
      sort: 'match',
      expanded: new Set(),
      ctx,
    });
    expect(one.map((s) => s.cluster)).toEqual([null, null]);
  });

  it('shows every offer that passes the filters exactly once when all clusters are unfolded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ cluster: fc.option(fc.nat(3), { nil: null }), moq: fc.nat(5) }), {
          maxLength: 25,
        }),
        fc.nat(5),
        (specs, maxMoq) => {
          const list = specs.map((s, i) => row(`r${i}`, { moq: s.moq }, { clusterId: s.cluster }));
          const infos = [0, 1, 2, 3].map((id) => ({
            id,
            sourceKey: list.find((r) => r.clusterId === id)?.key ?? 'none',
            reasons: [],
          }));
          const shown = arrangeRows(list, infos, {
            filters: { maxMinOrder: maxMoq || undefined },
            sort: 'match',
            expanded: new Set([0, 1, 2, 3]),
            ctx,
          });
          const expected = list.filter((r) => !maxMoq || (r.offer.moq ?? 0) <= maxMoq).map((r) => r.key);
          expect(shown.map((s) => s.row.key).sort()).toEqual([...expected].sort());
        },
      ),
    );
  });
});

describe('compare', () => {
  it('takes two to four offers, refusing a fifth', () => {
    let keys: string[] = [];
    for (const k of ['a', 'b', 'c', 'd']) keys = toggleCompare(keys, k).keys;
    expect(keys).toHaveLength(MAX_COMPARE);
    expect(toggleCompare(keys, 'e')).toEqual({ keys, full: true });
    expect(toggleCompare(keys, 'b')).toEqual({ keys: ['a', 'c', 'd'], full: false });
  });

  it('sets the facts side by side and marks the best of each row', () => {
    const rows = [
      row(
        'p',
        {
          priceTiers: tiers([1, 1500], [50, 1100]),
          moq: 2,
          shippingPromise: '48小时发货',
          supplier: { years: 8 },
        },
        { margin: 30 },
      ),
      row(
        'q',
        { priceTiers: tiers([1, 1000]), moq: 1, supplier: { years: 8, repurchaseRate: 0.2 } },
        { margin: 45 },
      ),
      row('r', { currency: 'USD', priceTiers: tiers([1, 100]), moq: 1, supplier: { years: 3 } }),
    ];
    const { columns, best } = compareColumns(rows, ctx);
    expect(columns.map((c) => c.price?.money)).toEqual([
      { minor: 1100, currency: 'CNY' },
      { minor: 1000, currency: 'CNY' },
      { minor: 100, currency: 'USD' },
    ]);
    expect(columns.map((c) => [c.moq, c.ships48h])).toEqual([
      [2, true],
      [1, false],
      [1, false],
    ]);
    // $1.00 ≈ ¥7.10 is the lowest; the two offers at MOQ 1 are both best; equal years on two leaves them both best.
    expect(best).toEqual({ price: [2], moq: [1, 2], margin: [1], years: [0, 1], repurchase: [] });
  });
});
