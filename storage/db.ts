import { Dexie, type EntityTable } from 'dexie';
import type {
  CachedLookup,
  ImageHash,
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
  }
}

let instance: SourceLensDb | null = null;

/** The shared database handle for this extension context. */
export function db(): SourceLensDb {
  instance ??= new SourceLensDb();
  return instance;
}
