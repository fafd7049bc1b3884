import { Dexie } from 'dexie';

/**
 * Every released schema version of storage/db.ts, as released (append-only, like db.ts). Migration tests build
 * old databases from these strings; a convention test checks db.ts still declares exactly them.
 */
export const RELEASED_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    products: '&key, lastSeenAt, site',
    offers: '&key, source, lastSeenAt',
    priceObservations: '++id, [subjectKey+at], at',
    shortlist: '++id, &offerKey, productKey, addedAt',
    lookups: '&key, expiresAt',
  },
  2: { imageHashes: '&url, at' },
  3: {},
  4: { shortlist: '++id, &offerKey, productKey, addedAt, status, *tags' },
  5: {
    priceObservations: '++id, [subjectKey+at], detailAt',
    priceLatest: '&subjectKey',
    imageHashes: '&url, usedAt',
  },
  6: {},
  7: {},
  8: { priceBlocks: '[subjectKey+start], detailFrom, size' },
  9: { priceInbox: '++id, *subjects' },
};

/** A database named `name` at schema `version`, as that release created it (no upgrade code: it starts there). */
export function openAtVersion(name: string, version: number): Dexie {
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(RELEASED_SCHEMAS[v] ?? {});
  return old;
}
