import { withoutSecrets } from '../core/url';

/**
 * Addresses written before SourceLens stripped secrets from them, made as it stores them now: the database's
 * upgrade to version 7 (storage/db.ts), a restore of an older backup (storage/backup/restore.ts) and the folding
 * of price points into blocks (storage/price-blocks.ts) all use these, so they agree.
 */

/** An address as it may be stored now; one that is not http(s) stays as it was (there is nothing to strip). */
export const storedUrl = (url: string): string => withoutSecrets(url) ?? url;

/** A product or subject key: a `url:` key made from an address is made again from it; other keys stay. */
export const storedKey = (key: string): string =>
  key.startsWith('url:') ? `url:${storedUrl(key.slice(4))}` : key;

/** Whether an address can hold a secret at all (a query, a fragment or a user name): most can't. */
export const mayHoldSecret = (url: string): boolean => /[?#@]/.test(url);
