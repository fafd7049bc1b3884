import type { Dexie } from 'dexie';
import { expect } from 'vitest';
import { SourceLensDb } from '../../../../storage/db';
import { foldLoosePoints } from '../../../../storage/price-blocks';
import { readHistory } from '../../../../storage/price-history';
import { settleInbox } from '../../../../storage/price-inbox';
import { offer } from '../../../support/builders';
import { openAtVersion } from './released';

/**
 * Realistic rows as each released version wrote them (its field shapes), and the checks that an upgrade to the
 * current version kept every row and transformed it. One place, so each from-vN test says only what differs.
 */

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 5, 1);

/** A Shopify store's product: keyed without its host before version 6, with it from version 6 on. */
const SHOPIFY_OLD = 'shopify:8123456789';
const SHOPIFY_NEW = 'shopify:shop.lumen-candles.test:8123456789';
/**
 * Addresses with secrets in them (a session id, an access token in the fragment, tracking and token parameters),
 * as versions before 7 could store them; version 7 strips those parts (core/url.ts `withoutSecrets`).
 */
const GENERIC_OLD = 'https://www.example-shop.test/p/1?sessionid=s3cr3t&colour=blue#access_token=t0k3n';
const GENERIC_NEW = 'https://www.example-shop.test/p/1?colour=blue';
const SEEN_OLD = 'https://item.taobao.com/item.htm?id=712345678901&spm=a21n57.1.0.0&token=abc123';
const SEEN_NEW = 'https://item.taobao.com/item.htm?id=712345678901';
/** An address as `version` wrote it. */
const urlAt = (url: string, version: number) =>
  version < 7 ? url : url === GENERIC_OLD ? GENERIC_NEW : url === SEEN_OLD ? SEEN_NEW : url;
/** A key as `version` wrote it. */
const keyAt = (key: string, version: number) =>
  key === SHOPIFY_OLD && version >= 6
    ? SHOPIFY_NEW
    : key === `url:${GENERIC_OLD}` && version >= 7
      ? `url:${GENERIC_NEW}`
      : key;

export const products = [
  {
    key: 'taobao:712345678901',
    kind: 'product',
    site: 'taobao',
    itemId: '712345678901',
    title: 'ins风纯棉短袖T恤女2025夏季新款宽松百搭上衣',
    text: null,
    url: 'https://item.taobao.com/item.htm?id=712345678901',
    images: ['https://img.alicdn.com/imgextra/i1/tee.jpg'],
    brand: null,
    sku: null,
    gtin: null,
    availability: 'in_stock',
    priceMinor: 3990,
    priceMaxMinor: null,
    currency: 'CNY',
    firstSeenAt: T0,
    lastSeenAt: T0 + 3 * DAY,
  },
  {
    key: `url:${GENERIC_OLD}`,
    kind: 'product',
    site: 'generic',
    itemId: null,
    title: 'Stainless Steel Insulated Water Bottle 750 ml',
    text: null,
    url: GENERIC_OLD,
    images: [],
    brand: 'Lumen',
    sku: 'WB-750',
    gtin: '0012345678905',
    availability: 'in_stock',
    priceMinor: 2499,
    priceMaxMinor: 2999,
    currency: 'USD',
    firstSeenAt: T0 + DAY,
    lastSeenAt: T0 + DAY,
  },
  {
    key: SHOPIFY_OLD,
    kind: 'product',
    site: 'shopify',
    itemId: '8123456789',
    title: 'Amber Soy Candle',
    text: null,
    url: 'https://shop.lumen-candles.test/products/amber-soy-candle',
    images: ['https://shop.lumen-candles.test/cdn/amber.jpg'],
    brand: 'Lumen Candles',
    sku: null,
    gtin: null,
    availability: 'in_stock',
    priceMinor: 2400,
    priceMaxMinor: null,
    currency: 'USD',
    firstSeenAt: T0 + DAY,
    lastSeenAt: T0 + 2 * DAY,
  },
];

export const offers = ['600000000001', '600000000002'].map((offerId, i) => ({
  ...offer({
    offerId,
    priceMinMinor: 1250 + i * 100,
    priceMaxMinor: 1800,
    priceTiers: [
      { minQty: 2, priceMinor: 1800 },
      { minQty: 100, priceMinor: 1250 + i * 100 },
    ],
    moq: 2,
  }),
  key: `1688:${offerId}`,
  firstSeenAt: T0,
  lastSeenAt: T0 + 2 * DAY,
}));

/** Observations without ids (the database gives them), in the order written. */
export const observations = [
  { key: 'taobao:712345678901', kind: 'product', minor: 3990, max: null, cur: 'CNY', at: T0, via: 'spotter' },
  { key: '1688:600000000001', kind: 'offer', minor: 1300, max: 1800, cur: 'CNY', at: T0, via: 'search' },
  {
    key: '1688:600000000001',
    kind: 'offer',
    minor: 1250,
    max: 1800,
    cur: 'CNY',
    at: T0 + DAY,
    via: 'harvest',
  },
  {
    key: 'taobao:712345678901',
    kind: 'product',
    minor: 3590,
    max: null,
    cur: 'CNY',
    at: T0 + 2 * DAY,
    via: 'spotter',
  },
  {
    key: '1688:600000000002',
    kind: 'offer',
    minor: 1350,
    max: 1800,
    cur: 'CNY',
    at: T0 + 2 * DAY,
    via: 'offer-page',
  },
  {
    key: `url:${GENERIC_OLD}`,
    kind: 'product',
    minor: 2499,
    max: 2999,
    cur: 'USD',
    at: T0 + DAY,
    via: 'spotter',
  },
  { key: SHOPIFY_OLD, kind: 'product', minor: 2400, max: null, cur: 'USD', at: T0 + 2 * DAY, via: 'spotter' },
].map((o) => ({
  subjectKey: o.key,
  subjectKind: o.kind,
  minor: o.minor,
  maxMinor: o.max,
  currency: o.cur,
  at: o.at,
  where: o.kind === 'product' ? SEEN_OLD : 'https://s.1688.com/',
  via: o.via,
}));

const shortlistV1 = [
  {
    offerKey: '1688:600000000001',
    productKey: 'taobao:712345678901',
    note: '问一下能否一件代发',
    quantity: 50,
    addedAt: T0 + DAY,
  },
  { offerKey: '1688:600000000002', productKey: SHOPIFY_OLD, note: '', quantity: null, addedAt: T0 + 2 * DAY },
];
const shortlistV4 = [
  {
    ...shortlistV1[0],
    tags: ['summer'],
    status: 'contacted',
    statusHistory: [
      { status: 'considering', at: T0 + DAY },
      { status: 'contacted', at: T0 + 2 * DAY },
    ],
  },
];

const pagingFacts = { hasMore: true, pageId: 'p-abc', total: 240, imageId: null };
const lookupBase = {
  source: '1688',
  query: '纯棉短袖T恤',
  offerKeys: offers.map((o) => o.key),
  fetchedAt: T0,
  expiresAt: T0 + DAY,
};
const lookupV1 = { ...lookupBase, key: '1688:kw:纯棉短袖T恤', state: JSON.stringify(pagingFacts) };
const lookupV3 = {
  ...lookupBase,
  key: '1688:kw:纯棉短袖T恤',
  paging: { ...pagingFacts, lastPage: 2, filteredHere: ['dropship'], sortedHere: true },
};

/** A block as version 8 writes it (storage/price-blocks.ts): whole days of one subject's points. */
const blockV8 = {
  subjectKey: '1688:600000000009',
  start: T0 - (T0 % DAY),
  subjectKind: 'offer',
  points: [
    {
      minor: 880,
      maxMinor: null,
      currency: 'CNY',
      at: T0,
      where: 'https://s.1688.com/',
      via: 'refresh',
      detailAt: T0,
    },
    {
      minor: 860,
      maxMinor: null,
      currency: 'CNY',
      at: T0 + 3_600_000,
      where: 'https://s.1688.com/',
      via: 'search',
      detailAt: T0 + 3_600_000,
    },
  ],
  size: 2,
  detailFrom: T0,
};

/**
 * A batch waiting in the price inbox as version 9 writes it (storage/price-inbox.ts): the first offer seen again at
 * its newest price an hour later (a repeat, which settling drops) and at a lower one two hours later.
 */
const inboxV9 = {
  subjects: ['1688:600000000001'],
  points: [1250, 1200].map((minor, i) => ({
    subjectKey: '1688:600000000001',
    subjectKind: 'offer',
    minor,
    maxMinor: 1800,
    currency: 'CNY',
    at: T0 + DAY + (i + 1) * 3_600_000,
    where: 'https://s.1688.com/',
    via: 'search',
  })),
};

const hashes = [
  { url: 'https://img.alicdn.com/imgextra/i1/tee.jpg', hash: '8f0e1c3a5b7d9f21', error: null, at: T0 },
  { url: 'https://img.alicdn.com/imgextra/i2/broken.jpg', hash: null, error: 'HTTP 404', at: T0 + DAY },
];

/** Writes a realistic database at `version` (its shapes) and closes it. */
export async function seedAt(name: string, version: number): Promise<void> {
  const old: Dexie = openAtVersion(name, version);
  await old
    .table('products')
    .bulkAdd(products.map((p) => ({ ...p, key: keyAt(p.key, version), url: urlAt(p.url, version) })));
  await old.table('offers').bulkAdd(offers);
  const points = observations
    .map((o) => ({ ...o, subjectKey: keyAt(o.subjectKey, version), where: urlAt(o.where, version) }))
    .map((o) => (version >= 5 ? { ...o, detailAt: o.at } : o));
  await old.table('priceObservations').bulkAdd(points);
  await old.table('shortlist').bulkAdd(
    (version >= 4 ? shortlistV4 : shortlistV1).map((e: { productKey?: string | null }) => ({
      ...e,
      productKey: e.productKey ? keyAt(e.productKey, version) : null,
    })),
  );
  await old.table('lookups').add(version >= 3 ? lookupV3 : lookupV1);
  if (version >= 2)
    await old
      .table('imageHashes')
      .bulkAdd(hashes.map((h) => (version >= 5 ? { ...h, usedAt: h.at + DAY } : h)));
  if (version >= 5) {
    const latest = new Map(
      observations.map((o) => [
        o.subjectKey,
        { ...o, subjectKey: keyAt(o.subjectKey, version), where: urlAt(o.where, version) },
      ]),
    );
    await old.table('priceLatest').bulkAdd([...latest.values()]);
  }
  if (version >= 8) await old.table('priceBlocks').add(blockV8);
  if (version >= 9) await old.table('priceInbox').add(inboxV9);
  old.close();
}

/** Opens the database with the current code and checks every row survived, transformed as each version says. */
export async function expectUpgraded(name: string, from: number): Promise<void> {
  const db = new SourceLensDb(name);
  await db.open();
  expect(db.verno).toBe(Math.max(...Object.keys((await import('./released')).RELEASED_SCHEMAS).map(Number)));

  // Every key as the current version writes it (a Shopify store's with its host).
  const now = (key: string) => keyAt(key, Number.POSITIVE_INFINITY);
  // Every address without the secrets older versions kept in it.
  const urlNow = (url: string) => urlAt(url, Number.POSITIVE_INFINITY);
  expect(await db.products.toArray()).toEqual(
    products
      .map((p) => ({ ...p, key: now(p.key), url: urlNow(p.url) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  );
  expect(await db.offers.toArray()).toEqual(offers);

  // Price points: all kept, in id order, each marked full detail and findable through both indexes.
  const points = await db.priceObservations.toArray();
  expect(points).toEqual(
    observations.map((o, i) => ({
      ...o,
      subjectKey: now(o.subjectKey),
      where: urlNow(o.where),
      id: i + 1,
      detailAt: o.at,
    })),
  );
  expect(await db.priceObservations.where('detailAt').aboveOrEqual(0).count()).toBe(observations.length);
  expect(
    (
      await db.priceObservations
        .where('[subjectKey+at]')
        .between(['1688:600000000001', 0], ['1688:600000000001', Infinity])
        .toArray()
    ).map((p) => p.minor),
  ).toEqual([1300, 1250]);
  // Each subject's newest point, kept beside the history.
  expect(await db.priceLatest.toArray()).toEqual(
    [observations[5], observations[2], observations[4], observations[3], observations[6]]
      .map((o) => ({ ...o, subjectKey: now(o?.subjectKey ?? ''), where: urlNow(o?.where ?? '') }))
      .sort((a, b) => (a?.subjectKey ?? '').localeCompare(b?.subjectKey ?? '')),
  );

  // Price blocks (from version 8) as they were; every older point is loose and folds into blocks at the first
  // maintenance, reading the same before and after.
  expect(await db.priceBlocks.toArray()).toEqual(from >= 8 ? [blockV8] : []);
  // The price inbox (from version 9) as it was; its batch reads as settling will make it: the repeat dropped.
  expect(await db.priceInbox.toArray()).toEqual(from >= 9 ? [{ ...inboxV9, id: 1 }] : []);
  const subjects = [...new Set(points.map((p) => p.subjectKey))];
  const histories = await Promise.all(subjects.map((k) => readHistory(db, k)));
  expect(histories.flat()).toHaveLength(observations.length + (from >= 9 ? 1 : 0));
  await settleInbox(db);
  await foldLoosePoints(db);
  expect([await db.priceObservations.count(), await db.priceInbox.count()]).toEqual([0, 0]);
  expect(await Promise.all(subjects.map((k) => readHistory(db, k)))).toEqual(histories);

  // Kept offers: before version 4 they had no status or tags.
  const kept = await db.shortlist.toArray();
  if (from < 4) {
    expect(kept).toEqual(
      shortlistV1.map((e, i) => ({
        ...e,
        productKey: e.productKey && now(e.productKey),
        id: i + 1,
        tags: [],
        status: 'considering',
        statusHistory: [{ status: 'considering', at: e.addedAt }],
      })),
    );
  } else {
    expect(kept).toEqual(shortlistV4.map((e, i) => ({ ...e, id: i + 1 })));
  }
  expect(await db.shortlist.where('status').equals('considering').count()).toBe(from < 4 ? 2 : 0);

  // Cached look-ups: the paging facts typed from version 3 on.
  const [lookup] = await db.lookups.toArray();
  expect(lookup).toEqual(
    from < 3
      ? {
          ...lookupBase,
          key: lookupV1.key,
          paging: { ...pagingFacts, lastPage: null, filteredHere: [], sortedHere: false },
        }
      : lookupV3,
  );

  // Picture hashes (from version 2): marked used when they were made, or when they were last used.
  const pictures = await db.imageHashes.toArray();
  if (from < 2) expect(pictures).toEqual([]);
  else expect(pictures).toEqual(hashes.map((h) => ({ ...h, usedAt: from >= 5 ? h.at + DAY : h.at })));
  expect(
    await db.imageHashes
      .where('usedAt')
      .below(T0 + DAY)
      .count(),
  ).toBe(from < 2 ? 0 : from >= 5 ? 0 : 1);
  db.close();
}
