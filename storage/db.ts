import { Dexie, type EntityTable } from 'dexie';
import type {
  CachedLookup,
  ImageHash,
  LookupPaging,
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

let instance: SourceLensDb | null = null;

/** The shared database handle for this extension context. */
export function db(): SourceLensDb {
  instance ??= new SourceLensDb();
  return instance;
}
