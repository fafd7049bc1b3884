import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { productKey } from './product-key';
import { mayHoldSecret, storedKey, storedUrl } from './stored-url';
import type {
  CachedLookup,
  ImageHash,
  InboxBatch,
  LatestPrice,
  LookupPaging,
  PriceBlock,
  PriceObservation,
  ShortlistEntry,
  StoredOffer,
  StoredProduct,
} from './types';

/**
 * The one database. Opened only by the background and extension pages: a content script's IndexedDB would be
 * the shop's, not ours. Schema versions are append-only — never edit a released version; add the next one
 * below it with an `upgrade()` when data must move.
 */
export class SourceLensDb extends Dexie {
  products!: EntityTable<StoredProduct, 'key'>;
  offers!: EntityTable<StoredOffer, 'key'>;
  priceObservations!: EntityTable<PriceObservation, 'id'>;
  shortlist!: EntityTable<ShortlistEntry, 'id'>;
  lookups!: EntityTable<CachedLookup, 'key'>;
  imageHashes!: EntityTable<ImageHash, 'url'>;
  priceLatest!: EntityTable<LatestPrice, 'subjectKey'>;
  priceBlocks!: Table<PriceBlock, [string, number]>;
  priceInbox!: EntityTable<InboxBatch, 'id'>;

  constructor(name = 'sourcelens') {
    super(name);
    // Version 1 (released with the foundation). THE ORDER AND CONTENT OF THESE VERSIONS MUST NOT BE MODIFIED.
    this.version(1).stores({
      products: '&key, lastSeenAt, site',
      offers: '&key, source, lastSeenAt',
      priceObservations: '++id, [subjectKey+at], at',
      shortlist: '++id, &offerKey, productKey, addedAt',
      lookups: '&key, expiresAt',
    });
    // Version 2: perceptual hashes of pictures, cached per URL (same-photo matching).
    this.version(2).stores({ imageHashes: '&url, at' });
    // Version 3: a cached lookup's paging facts are a typed field (`paging`), no longer a JSON string (`state`).
    this.version(3)
      .stores({})
      .upgrade((tx) =>
        tx
          .table('lookups')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            row.paging = pagingFromV2State(row.state);
            delete row.state;
          }),
      );
    // Version 4: kept offers gain tags and a status with its history (indexed to filter the shortlist by them).
    this.version(4)
      .stores({ shortlist: '++id, &offerKey, productKey, addedAt, status, *tags' })
      .upgrade((tx) =>
        tx
          .table('shortlist')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            row.tags ??= [];
            row.status ??= 'considering';
            row.statusHistory ??= [
              { status: 'considering', at: typeof row.addedAt === 'number' ? row.addedAt : 0 },
            ];
          }),
      );
    // Version 5: price history that stays fast and small for years (storage/price-history.ts, retention.ts).
    // Full-detail points carry `detailAt` (the only index retention needs; the old `at` index goes); each
    // subject's newest point is kept in `priceLatest` (recording reads it, not the history); picture hashes
    // record when they were last used (`usedAt`) so unused ones can be purged.
    this.version(5)
      .stores({
        priceObservations: '++id, [subjectKey+at], detailAt',
        priceLatest: '&subjectKey',
        imageHashes: '&url, usedAt',
      })
      .upgrade(upgradeToV5);
    // Version 6: products of sites any host can claim by markup (Shopify stores, generic shops) are keyed by their
    // host too (`shopify:<host>:<id>`, storage/product-key.ts), so one store's page can't write another's row;
    // older keys are rewritten from the row's own URL, and its price points, newest price and kept offers follow.
    this.version(6).stores({}).upgrade(upgradeToV6);
    // Version 7: addresses stored before SourceLens stripped secrets from them (core/url.ts `withoutSecrets`:
    // fragments such as `#access_token=…`, user names, session and token parameters) lose them now too — a
    // product's page address and the `url:` key made from it (its price points, newest price and kept offers
    // follow), and the pages its prices were seen on.
    this.version(7).stores({}).upgrade(upgradeToV7);
    // Version 8: price points packed many to a row, whole days per block (storage/price-blocks.ts), so a history
    // reads as a few rows. Points are still written loose to `priceObservations`; the daily maintenance folds them
    // into blocks, so existing points need no upgrade here (the first maintenance folds them, in batches).
    this.version(8).stores({ priceBlocks: '[subjectKey+start], detailFrom, size' });
    // Version 9: observations are recorded as one row per batch (storage/price-inbox.ts), settled into the history
    // soon after; `*subjects` finds the rows about one subject. New table only: nothing to move.
    this.version(9).stores({ priceInbox: '++id, *subjects' });
  }
}

/** A version-2 lookup's `state` (JSON text) as paging facts; unreadable text gives "no more pages". */
export function pagingFromV2State(state: unknown): LookupPaging {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = typeof state === 'string' ? JSON.parse(state) : null;
    if (value && typeof value === 'object' && !Array.isArray(value))
      parsed = value as Record<string, unknown>;
  } catch {
    // keep the empty facts
  }
  const text = (v: unknown) => (typeof v === 'string' && v.length <= 2048 ? v : null);
  return {
    hasMore: parsed.hasMore === true,
    pageId: text(parsed.pageId),
    total: typeof parsed.total === 'number' && Number.isSafeInteger(parsed.total) ? parsed.total : null,
    imageId: text(parsed.imageId),
    lastPage: null,
    filteredHere: [],
    sortedHere: false,
  };
}

/** Version 5's data moves: every point so far is full detail; each subject's newest point; hashes count as used. */
async function upgradeToV5(tx: Transaction): Promise<void> {
  const latest = new Map<string, Record<string, unknown>>();
  await tx
    .table('priceObservations')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.detailAt = row.at;
      const key = row.subjectKey as string;
      const seen = latest.get(key);
      if (!seen || (seen.at as number) <= (row.at as number)) latest.set(key, row);
    });
  await tx
    .table('priceLatest')
    .bulkPut([...latest.values()].map(({ id: _id, detailAt: _detail, ...point }) => point));
  await tx
    .table('imageHashes')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      row.usedAt = row.at;
    });
}

interface ProductRowV6 {
  key: string;
  site: string;
  itemId: string | null;
  url: string;
}

/** Version 6's key moves: each product whose key the current rule writes differently, with what refers to it. */
async function upgradeToV6(tx: Transaction): Promise<void> {
  const products = tx.table('products');
  const rows = (await products.toArray()) as ProductRowV6[];
  for (const row of rows) {
    let next: string;
    try {
      next = productKey({ site: row.site, itemId: row.itemId, canonicalUrl: row.url });
    } catch {
      continue; // an unreadable URL: the row keeps its key
    }
    if (next === row.key) continue;
    await moveProduct(tx, row, next);
  }
}

/**
 * A product row put under key `next` (kept as it is when a row already holds that key), with its price points,
 * newest price and kept offers following it.
 */
async function moveProduct(tx: Transaction, row: ProductRowV6, next: string): Promise<void> {
  const products = tx.table('products');
  const from = row.key;
  await products.delete(from);
  if ((await products.get(next)) === undefined) await products.add({ ...row, key: next });
  await tx
    .table('priceObservations')
    .where('[subjectKey+at]')
    .between([from, Dexie.minKey], [from, Dexie.maxKey])
    .modify({ subjectKey: next });
  const latest = (await tx.table('priceLatest').get(from)) as Record<string, unknown> | undefined;
  if (latest) {
    await tx.table('priceLatest').delete(from);
    await tx.table('priceLatest').put({ ...latest, subjectKey: next });
  }
  await tx.table('shortlist').where('productKey').equals(from).modify({ productKey: next });
}

/**
 * Version 7's scrub: product addresses and `url:` keys, where each product's prices were seen, and where every
 * subject's newest price was seen. Product points are reached through their keys' index ranges, so the upgrade
 * never reads the whole history: offer points, the bulk of it, hold addresses SourceLens built itself (a search,
 * an offer page) or the 1688 page a price was harvested from, and reading a million of them here would hold the
 * database for minutes as the extension updates.
 */
async function upgradeToV7(tx: Transaction): Promise<void> {
  const products = tx.table('products');
  const scrub = (point: { where?: unknown }) => {
    if (typeof point.where !== 'string' || !mayHoldSecret(point.where)) return;
    const where = storedUrl(point.where);
    if (where !== point.where) point.where = where;
  };
  for (const row of (await products.toArray()) as ProductRowV6[]) {
    const url = storedUrl(row.url);
    const next = storedKey(row.key);
    if (next !== row.key) await moveProduct(tx, { ...row, url }, next);
    else if (url !== row.url) await products.update(row.key, { url });
    await tx
      .table('priceObservations')
      .where('[subjectKey+at]')
      .between([next, Dexie.minKey], [next, Dexie.maxKey])
      .modify(scrub);
  }
  await tx.table('priceLatest').toCollection().modify(scrub);
}

let instance: SourceLensDb | null = null;

/** The shared database handle for this extension context. */
export function db(): SourceLensDb {
  instance ??= new SourceLensDb();
  return instance;
}
