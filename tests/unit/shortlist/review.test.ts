import { describe, expect, it } from 'vitest';
import { chartSeries, heldAt } from '../../../components/chart/price-series';
import { sparkPath } from '../../../components/chart/spark-path';
import {
  buildRows,
  changeSinceKept,
  filterChoices,
  groupByProduct,
  type HistoryPoint,
  NO_FILTERS,
  needsHistory,
  passesFilters,
  pointPriceAt,
  sortRows,
  sparkSeries,
  tierRows,
} from '../../../components/shortlist/review';
import { searchIndex } from '../../../components/shortlist/search';
import { DEFAULT_RATES } from '../../../core/match/margin';
import type { MarginSettings } from '../../../storage/settings/margin';
import type { ShortlistEntry, StoredOffer, StoredProduct } from '../../../storage/types';
import { storedOffer } from '../../support/builders';

const DAY = 24 * 60 * 60 * 1000;
const SETTINGS: MarginSettings = {
  quantity: 50,
  shippingPerUnitMinor: 0,
  platformFeePct: 0,
  rates: DEFAULT_RATES,
};

function entry(offerKey: string, over: Partial<ShortlistEntry> = {}): ShortlistEntry {
  return {
    offerKey,
    productKey: null,
    note: '',
    tags: [],
    status: 'considering',
    statusHistory: [{ status: 'considering', at: 0 }],
    quantity: null,
    targetPriceMinor: null,
    addedAt: 0,
    ...over,
  };
}

function product(key: string, priceMinor: number, currency = 'CNY', title = 'A dress'): StoredProduct {
  return {
    key,
    kind: 'product',
    site: 'taobao',
    itemId: key,
    title,
    text: null,
    url: `https://item.taobao.com/item.htm?id=${key}`,
    images: [],
    brand: null,
    sku: null,
    gtin: null,
    availability: 'in_stock',
    priceMinor,
    priceMaxMinor: null,
    currency,
    firstSeenAt: 0,
    lastSeenAt: 0,
  };
}

const point = (at: number, minor: number, over: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at,
  minor,
  currency: 'CNY',
  via: 'search',
  ...over,
});

const tiered = (id: string, tiers: [number, number][], over: Parameters<typeof storedOffer>[0] = {}) =>
  storedOffer({
    offerId: id,
    priceTiers: tiers.map(([minQty, priceMinor]) => ({ minQty, priceMinor })),
    priceMinMinor: Math.min(...tiers.map(([, p]) => p)),
    ...over,
  });

const byKey = <T extends { key: string }>(xs: T[]) => new Map(xs.map((x) => [x.key, x] as const));

describe('price at the buyer’s quantity and change since kept', () => {
  it('a point with tiers stands for its tier at the quantity; one without for its lowest price', () => {
    const tiers = [
      { minQty: 2, priceMinor: 1500 },
      { minQty: 50, priceMinor: 1200 },
    ];
    expect(pointPriceAt(point(0, 1200, { tiers }), 10)).toBe(1500);
    expect(pointPriceAt(point(0, 1200, { tiers }), 50)).toBe(1200);
    expect(pointPriceAt(point(0, 999), 10)).toBe(999);
  });

  it('compares the last point at or before keeping with the newest', () => {
    const history = [point(0, 1000), point(5 * DAY, 1100), point(9 * DAY, 990)];
    expect(changeSinceKept(history, 6 * DAY, 50)).toEqual({
      fromMinor: 1100,
      toMinor: 990,
      currency: 'CNY',
      pct: -10,
    });
    // Kept before the first point: the first point is the price when kept.
    expect(changeSinceKept(history, -DAY, 50)?.pct).toBe(-1);
    // Kept after the newest point: nothing to compare.
    expect(changeSinceKept(history, 10 * DAY, 50)).toBeNull();
  });

  it('never compares a tier price with a lowest price, nor two currencies', () => {
    const tiers = [
      { minQty: 2, priceMinor: 1500 },
      { minQty: 50, priceMinor: 1200 },
    ];
    // Kept point without tiers (lowest 1200), newest with tiers: lowest prices compared → unchanged.
    expect(changeSinceKept([point(0, 1200), point(DAY, 1200, { tiers })], 0, 10)?.pct).toBe(0);
    const both = [point(0, 1200, { tiers }), point(DAY, 1100, { tiers: [{ minQty: 2, priceMinor: 1650 }] })];
    expect(changeSinceKept(both, 0, 10)).toMatchObject({ fromMinor: 1500, toMinor: 1650, pct: 10 });
    expect(changeSinceKept([point(0, 100), point(DAY, 90, { currency: 'USD' })], 0, 1)).toBeNull();
  });

  it('sorts an unordered history first', () => {
    expect(changeSinceKept([point(2 * DAY, 80), point(0, 100)], 0, 1)?.pct).toBe(-20);
  });
});

describe('rows', () => {
  const cheap = tiered('600000000001', [
    [2, 1500],
    [50, 1000],
  ]);
  const dear = tiered('600000000002', [[1, 3000]], {
    supplier: { name: '义乌工厂' },
    title: '纯棉 T恤 白色',
  });
  const usd = tiered('600000000003', [[1, 200]], { currency: 'USD', source: 'alibaba' });
  const dress = product('taobao:1', 5000, 'CNY', '碎花连衣裙');
  const entries = [
    entry(cheap.key, { productKey: dress.key, addedAt: 3, tags: ['summer'] }),
    entry(dear.key, { productKey: dress.key, addedAt: 2, status: 'contacted', note: '面料好' }),
    entry(usd.key, { addedAt: 1 }),
    entry('1688:gone', { addedAt: 4 }),
  ];
  const rows = buildRows(entries, byKey([cheap, dear, usd]), byKey([dress]), SETTINGS);

  it('skips entries whose offer is gone; prices at the quantity; margins against the product', () => {
    expect(rows.map((r) => r.offer.key)).toEqual([cheap.key, dear.key, usd.key]);
    expect(rows[0]?.priceNowMinor).toBe(1000);
    // ¥50 retail, ¥10 cost, no fee: 80 %.
    expect(rows[0]?.margin?.marginPct).toBe(80);
    expect(rows[1]?.margin?.marginPct).toBe(40);
    expect(rows[2]?.margin).toBeNull();
  });

  it('an entry’s own quantity wins over the settings', () => {
    const [row] = buildRows(
      [{ ...(entries[0] as ShortlistEntry), quantity: 10 }],
      byKey([cheap]),
      byKey([dress]),
      SETTINGS,
    );
    expect(row?.priceNowMinor).toBe(1500);
  });

  it('orders: kept, margin, price (across currencies in CNY), change (drops first, unknowns last)', () => {
    const keys = (xs: { offer: StoredOffer }[]) => xs.map((r) => r.offer.offerId.slice(-1));
    expect(keys(sortRows(rows, 'kept', DEFAULT_RATES))).toEqual(['1', '2', '3']);
    expect(keys(sortRows(rows, 'margin', DEFAULT_RATES))).toEqual(['1', '2', '3']);
    // US$2 = ¥14.20 sits between ¥10 and ¥30.
    expect(keys(sortRows(rows, 'price', DEFAULT_RATES))).toEqual(['1', '3', '2']);
    const histories = new Map([
      [cheap.key, [point(0, 1000), point(DAY, 1100)]],
      [dear.key, [point(0, 3000), point(DAY, 2700)]],
    ]);
    const withChange = buildRows(entries, byKey([cheap, dear, usd]), byKey([dress]), SETTINGS, histories);
    expect(keys(sortRows(withChange, 'change', DEFAULT_RATES))).toEqual(['2', '1', '3']);
  });

  it('filters by status, tag, source, product and price moved', () => {
    const histories = new Map([[cheap.key, [point(0, 1000), point(DAY, 1100)]]]);
    const all = buildRows(entries, byKey([cheap, dear, usd]), byKey([dress]), SETTINGS, histories);
    const pass = (f: Partial<typeof NO_FILTERS>) =>
      all.filter((r) => passesFilters(r, { ...NO_FILTERS, ...f })).map((r) => r.offer.offerId.slice(-1));
    expect(pass({})).toEqual(['1', '2', '3']);
    expect(pass({ status: 'contacted' })).toEqual(['2']);
    expect(pass({ tag: 'summer' })).toEqual(['1']);
    expect(pass({ source: 'alibaba' })).toEqual(['3']);
    expect(pass({ product: dress.key })).toEqual(['1', '2']);
    expect(pass({ product: '' })).toEqual(['3']);
    expect(pass({ moved: 'up' })).toEqual(['1']);
    expect(pass({ moved: 'down' })).toEqual([]);
    expect(needsHistory({ ...NO_FILTERS, moved: 'up' }, 'kept')).toBe(true);
    expect(needsHistory(NO_FILTERS, 'change')).toBe(true);
    expect(needsHistory(NO_FILTERS, 'margin')).toBe(false);
  });

  it('groups by retail product, best margin first, offers for no product last', () => {
    const groups = groupByProduct(rows, DEFAULT_RATES);
    expect(groups.map((g) => [g.productKey, g.rows.length])).toEqual([
      [dress.key, 2],
      [null, 1],
    ]);
    expect(groups[0]?.rows[0]?.offer.key).toBe(cheap.key);
  });

  it('offers the tags, sources and products the rows have as filter choices', () => {
    expect(filterChoices(rows)).toEqual({
      tags: ['summer'],
      sources: ['1688', 'alibaba'],
      products: [{ key: dress.key, title: '碎花连衣裙' }],
    });
  });

  it('search finds by title, supplier, note and tag', () => {
    const find = searchIndex(rows);
    expect(find('')).toBeNull();
    expect([...(find('T恤') ?? [])]).toEqual([dear.key]);
    expect([...(find('义乌工厂') ?? [])]).toEqual([dear.key]);
    expect([...(find('面料') ?? [])]).toEqual([dear.key]);
    expect([...(find('summer') ?? [])]).toEqual([cheap.key]);
    expect(find('zzzz-nothing')?.size).toBe(0);
  });

  it('marks the buyer’s tier', () => {
    expect(tierRows(cheap, 60).map((t) => t.mine)).toEqual([false, true]);
    expect(tierRows(tiered('x1', [[10, 5]]), 2).map((t) => t.mine)).toEqual([false]);
  });
});

describe('sparklines and the chart', () => {
  it('the sparkline covers the window and starts with the price in force when it opened', () => {
    const now = 100 * DAY;
    const history = [point(10 * DAY, 1000), point(80 * DAY, 900), point(95 * DAY, 950)];
    expect(sparkSeries(history, 50, now, 30)).toEqual([
      { at: 70 * DAY, minor: 1000 },
      { at: 80 * DAY, minor: 900 },
      { at: 95 * DAY, minor: 950 },
    ]);
    expect(sparkSeries([point(10 * DAY, 1000)], 50, now, 30)).toEqual([{ at: 70 * DAY, minor: 1000 }]);
    expect(sparkSeries([], 50, now)).toEqual([]);
  });

  it('draws steps inside the box, highest at the top; a flat price through the middle', () => {
    const d = sparkPath(
      [
        { at: 0, minor: 10 },
        { at: 1, minor: 20 },
      ],
      100,
      20,
      0,
    );
    expect(d).toBe('M0 20H100V0H100V0');
    expect(sparkPath([{ at: 0, minor: 5 }], 50, 10, 0)).toBe('M0 5H50');
    expect(sparkPath([], 50, 10)).toBe('');
  });

  it('puts retail and wholesale on one time axis in yuan, with each point’s origin', () => {
    const s = chartSeries(
      [point(1000, 1000, { currency: 'USD', via: 'spotter' })],
      [point(2000, 500), point(3000, 450, { via: 'refresh' })],
      50,
      DEFAULT_RATES,
    );
    expect(s.xs).toEqual([1, 2, 3]);
    expect(s.retail).toEqual([71, null, null]);
    expect(s.wholesale).toEqual([null, 5, 4.5]);
    expect(s.wholesaleVia).toEqual([null, 'search', 'refresh']);
    expect(heldAt(s.retail, s.retailVia, 2)).toEqual({ value: 71, via: 'spotter', index: 0 });
    expect(chartSeries([point(0, 1, { currency: 'XXX' })], [], 1, DEFAULT_RATES).skipped).toBe(1);
  });
});
